package io.sinter.connector.ifc.internal.schema;

import java.util.Objects;

/**
 * An explicit attribute of an entity.
 *
 * @param name the attribute name as in the EXPRESS schema, e.g. {@code OverallHeight}
 * @param measure the measure to convert its values with
 */
public record Attribute(String name, Measure measure) {
    /** Checks the arguments. */
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(measure, "measure");
    }
}
