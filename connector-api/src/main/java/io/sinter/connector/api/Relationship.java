package io.sinter.connector.api;

import java.util.Objects;

/**
 * A relationship from an element to another element of the same file, named by its source identifier.
 *
 * @param type e.g. {@code IfcRelVoidsElement}
 * @param targetIdentifier the target's source identifier
 */
public record Relationship(String type, String targetIdentifier) {
    /** Checks the arguments. */
    public Relationship {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(targetIdentifier, "targetIdentifier");
    }
}
