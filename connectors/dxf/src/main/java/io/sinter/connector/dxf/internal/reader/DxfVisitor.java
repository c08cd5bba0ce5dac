package io.sinter.connector.dxf.internal.reader;

/**
 * Receives a drawing while {@link DxfReader} streams it. Callbacks come in file order; in a well-formed file that is
 * header, tables, blocks, entities, objects, so layers and block definitions are known before the first entity.
 *
 * @param <X> the checked exception the visitor may throw (e.g. the connector's), passed through by the reader;
 *            {@link RuntimeException} for visitors that throw none
 */
@FunctionalInterface
public interface DxfVisitor<X extends Exception> {

    /**
     * Called once: at the end of the HEADER section or, for a file without one, before the first other section
     * (with defaults). From here on string values are decoded with the drawing's code page.
     */
    default void header(DxfHeader header) throws X {
    }

    /** Called at the end of each TABLES section with all table entries read so far. */
    default void tables(DxfTables tables) throws X {
    }

    /** Called for each block definition at its ENDBLK; the reader also keeps it in {@link DxfDrawing#blocks()}. */
    default void block(DxfBlock block) throws X {
    }

    /** Called for each top-level entity of the ENTITIES section (POLYLINE and INSERT with their children). */
    void entity(DxfRecord entity) throws X;

    /** Called for each record of the OBJECTS section. */
    default void object(DxfRecord object) throws X {
    }
}
