package io.sinter.connector.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A connector reads one source file of its format and streams what it finds (elements, schema,
 * units, geolocation, issues) into a {@link ConnectorContext}. Register it as a Declarative Services
 * component carrying {@link ConnectorType}:
 *
 * <pre>
 * &#64;Component(service = Connector.class)
 * &#64;ConnectorType(type = "CSV", extensions = {"csv"}, version = "1")
 * public final class CsvConnector implements Connector { ... }
 * </pre>
 *
 * Core calls {@link #extract} on its own worker threads, one file at a time per call; an
 * implementation keeps no state between calls. Expected failures (a corrupt file, an unsupported
 * version) are a {@link ConnectorException}; any other exception is treated as a connector bug: the
 * task fails with {@code BridgingFailed} and nothing is written.
 */
@ConsumerType
public interface Connector {

    /**
     * Reads {@code file} and hands every element to {@code context}, in file order.
     *
     * @param file the source file, already downloaded to a local path
     * @param context where the output goes; also tells about cancellation
     * @throws ConnectorException when the file cannot be read; the message names the position
     */
    void extract(SourceFile file, ConnectorContext context) throws ConnectorException;

    /**
     * How elements whose identifier changed are matched by content (api.md section 6.3a).
     *
     * @return {@link Rematch#BY_CONTENT} (the default), or {@link Rematch#OFF} when the format's
     *         identifiers are authoritative
     */
    default Rematch rematch() {
        return Rematch.BY_CONTENT;
    }

    /**
     * @return the geometric tolerance in metres within which re-matched elements count as equal; 0
     *         (the default) asks for equal content
     */
    default double geometryTolerance() {
        return 0.0;
    }

    /** Whether identity may be recovered by content when identifiers churn. */
    enum Rematch {
        /** pair vanished and new elements of equal content (the default) */
        BY_CONTENT,
        /** identifiers are authoritative: never pair by content */
        OFF
    }
}
