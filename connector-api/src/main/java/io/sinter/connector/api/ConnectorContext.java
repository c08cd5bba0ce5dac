package io.sinter.connector.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a connector sends its output while it reads a file. Implemented by core; a connector only
 * calls it. Methods may be called from the thread that called {@link Connector#extract} only.
 */
@ProviderType
public interface ConnectorContext {

    /**
     * Takes one element. Elements are streamed: the connector never needs to hold the whole model.
     * An identifier repeated within the file is made unique by core ({@code ~2}, {@code ~3}, ...)
     * with a warning.
     *
     * @throws ConnectorException of kind {@link ConnectorException.Kind#CANCELLED} when the run was
     *         cancelled or timed out; let it propagate
     */
    void element(Element element) throws ConnectorException;

    /** Declares a class of the file's schema before or while its elements arrive. */
    void declareClass(ClassDefinition definition);

    /**
     * Reports the file's length unit, for the diagnostics report. Elements are always in metres;
     * the connector converts.
     *
     * @param unitName the unit as the file names it, e.g. {@code MILLI METRE}
     * @param metresPerUnit its length in metres, e.g. 0.001
     */
    void units(String unitName, double metresPerUnit);

    /** Reports where the file sits on the earth, when it says so. */
    void geolocation(Geolocation geolocation);

    /** Reports an issue for the diagnostics report; issues never change the task's result. */
    void issue(Issue issue);

    /**
     * Reports progress of long work.
     *
     * @param done units of work done (bytes read, entities processed, ...)
     * @param total the total, or -1 when unknown
     */
    void progress(long done, long total);

    /** @return true once the run was cancelled or timed out: stop as soon as possible */
    boolean cancelled();

    /** Throws {@link ConnectorException.Kind#CANCELLED} once the run was cancelled or timed out. */
    default void checkCancelled() throws ConnectorException {
        if (cancelled()) {
            throw new ConnectorException(ConnectorException.Kind.CANCELLED, "The run was cancelled.", Position.UNKNOWN);
        }
    }
}
