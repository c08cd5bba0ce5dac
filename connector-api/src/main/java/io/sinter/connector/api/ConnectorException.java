package io.sinter.connector.api;

import java.util.Objects;

/**
 * An expected failure of a connector: the file cannot be read as it is. The message says what is
 * wrong; the {@link Position} says where.
 */
public class ConnectorException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong; decides the task's error key (api.md section 5.10). */
    public enum Kind {
        /** the file is not valid for its format (syntax, structure): {@code SourceFileCorrupted} */
        CORRUPT,
        /** a valid file of a version or variant the connector does not read: {@code SourceFileCorrupted} */
        UNSUPPORTED,
        /** the file's geolocation cannot be used: {@code GeoLocationFailed} */
        GEOLOCATION,
        /** the run was cancelled or timed out while the connector ran: {@code TaskWasCancelled} */
        CANCELLED
    }

    private final Kind kind;
    private final Position position;

    /** A failure at {@code position} ({@link Position#UNKNOWN} when none applies). */
    public ConnectorException(Kind kind, String message, Position position) {
        this(kind, message, position, null);
    }

    /** A failure at {@code position} caused by {@code cause}. */
    public ConnectorException(Kind kind, String message, Position position, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.position = position == null ? Position.UNKNOWN : position;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /** @return where in the file */
    public Position position() {
        return position;
    }

    /** @return the message prefixed with the position, e.g. {@code line 12: unbalanced quote} */
    public String describe() {
        String where = position.describe();
        return where.isEmpty() ? getMessage() : where + ": " + getMessage();
    }
}
