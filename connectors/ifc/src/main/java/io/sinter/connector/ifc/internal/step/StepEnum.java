package io.sinter.connector.ifc.internal.step;

/**
 * An enumeration value, written {@code .ELEMENT.} in the file. The logical values {@code .T.}, {@code .F.}
 * and {@code .U.} are not enumerations: they read as {@link Boolean#TRUE}, {@link Boolean#FALSE} and
 * {@link StepMarker#UNKNOWN}.
 *
 * @param literal the literal without the dots, upper case
 */
public record StepEnum(String literal) {

    @Override
    public String toString() {
        return "." + literal + ".";
    }
}
