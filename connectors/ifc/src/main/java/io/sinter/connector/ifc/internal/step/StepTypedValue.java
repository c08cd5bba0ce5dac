package io.sinter.connector.ifc.internal.step;

/**
 * A typed parameter, as written for values of a SELECT type: {@code IFCLABEL('x')} or
 * {@code IFCLENGTHMEASURE(2.5)}.
 *
 * @param type the defined type name, upper case
 * @param value the wrapped value, any of the parameter value types
 */
public record StepTypedValue(String type, Object value) {
}
