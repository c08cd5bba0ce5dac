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

    /**
     * Offers to keep the element of one source record as the last sync of the file stored it, without the connector
     * building it: for formats whose elements each come from one record (a row, a line), a re-run then costs little
     * more than reading the records that did not change. Optional: a connector that never calls it works the same.
     *
     * <p>The digest stands for the element the record makes: the connector computes it over the record's text and
     * everything else of the file or of its settings that shapes that element (a header, a unit, a class taken from the
     * file name), with a fixed 128-bit hash that gives the same value in every run and on every machine. Records that
     * would make different elements must get different digests; a record whose element comes with an issue (a missing
     * field, a value that cannot be read) must not be offered, since a kept element reports nothing. Core keeps the
     * element only when it is the next one of the last sync in file order, has this kind, identifier and digest, and
     * came from the same connector type and version; it then counts as unchanged, and its placement still counts for
     * the model extents.
     *
     * @param kind the kind of the element's identifier, as {@link Element#kind()} would give it
     * @param identifier the element's identifier as {@link Element#identifier()} would give it
     * @param digestHigh the high 64 bits of the digest
     * @param digestLow the low 64 bits of the digest
     * @param placement the placement the element would have, or null
     * @return true when the element is kept: the connector goes on with the next record; false when the connector must
     *         build the element and hand it over with {@link #element} as the next element (core then stores the digest
     *         with it for the next run)
     * @throws ConnectorException of kind {@link ConnectorException.Kind#CANCELLED} when the run was cancelled or timed out
     * @since 1.2
     */
    default boolean unchanged(String kind, String identifier, long digestHigh, long digestLow, Placement placement) throws ConnectorException {
        return false;
    }

    /**
     * @return whether this context keeps record digests, so that offering records to {@link #unchanged} is of use; a
     *         connector that gets false spares itself the digests (the default: a context that does not implement
     *         {@link #unchanged}, such as a test's, never keeps an element)
     * @since 1.2
     */
    default boolean keepsRecords() {
        return false;
    }

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
