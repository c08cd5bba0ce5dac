package io.sinter.connector.api;

import java.util.Objects;

/**
 * One entry of a task's diagnostics report (api.md section 7.4).
 *
 * @param level how serious
 * @param category a short machine-readable group, e.g. {@code DuplicateIdentifier}, {@code UnsupportedEntity}
 * @param message a sentence for people
 * @param identifier the source identifier of the element concerned, or null
 */
public record Issue(Level level, String category, String message, String identifier) {

    /** Levels of the report viewer. */
    public enum Level {
        /** the file could not be processed */
        FATAL,
        /** something was lost */
        ERROR,
        /** something important was lost */
        CRITICAL,
        /** imported, with a caveat */
        WARNING,
        /** for information */
        INFO
    }

    /** Checks the arguments. */
    public Issue {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(message, "message");
    }

    /** @return a warning about element {@code identifier} (may be null) */
    public static Issue warning(String category, String message, String identifier) {
        return new Issue(Level.WARNING, category, message, identifier);
    }

    /** @return an information entry */
    public static Issue info(String category, String message) {
        return new Issue(Level.INFO, category, message, null);
    }

    /** @return an error entry about element {@code identifier} (may be null) */
    public static Issue error(String category, String message, String identifier) {
        return new Issue(Level.ERROR, category, message, identifier);
    }
}
