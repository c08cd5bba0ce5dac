package io.sinter.connector.api;

import java.util.Objects;

/**
 * A class of a connector's schema, e.g. {@code IFC:IfcWall} with base {@code IFC:IfcBuildingElement}.
 *
 * @param fullName {@code <schema>:<class>}
 * @param baseClass the full name of its base class, or null
 * @param description what it stands for, or null
 */
public record ClassDefinition(String fullName, String baseClass, String description) {
    /** Checks the name. */
    public ClassDefinition {
        Objects.requireNonNull(fullName, "fullName");
        if (fullName.indexOf(':') <= 0) {
            throw new IllegalArgumentException("class name must be <schema>:<class>: " + fullName);
        }
    }
}
