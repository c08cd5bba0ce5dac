package io.sinter.connector.dxf.internal.reader;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link DxfReader} keeps of a drawing once it has streamed it: header, tables, block definitions, the GEODATA
 * object if any, counts of the streamed entities and objects, and the warnings.
 */
public final class DxfDrawing {
    private final DxfFormat format;
    private final DxfHeader header;
    private final DxfTables tables;
    private final Map<String, DxfBlock> blocks;
    private final DxfRecord geoData;
    private final long entityCount;
    private final long objectCount;
    private final List<String> sections;
    private final boolean eofMarker;
    private final List<DxfWarning> warnings;

    DxfDrawing(DxfFormat format, DxfHeader header, DxfTables tables, Map<String, DxfBlock> blocks, DxfRecord geoData,
            long entityCount, long objectCount, List<String> sections, boolean eofMarker, List<DxfWarning> warnings) {
        this.format = format;
        this.header = header;
        this.tables = tables;
        this.blocks = Map.copyOf(blocks);
        this.geoData = geoData;
        this.entityCount = entityCount;
        this.objectCount = objectCount;
        this.sections = List.copyOf(sections);
        this.eofMarker = eofMarker;
        this.warnings = List.copyOf(warnings);
    }

    /** @return ASCII or binary */
    public DxfFormat format() {
        return format;
    }

    /** @return the header (empty with defaults when the file has none) */
    public DxfHeader header() {
        return header;
    }

    /** @return the tables (empty when the file has none) */
    public DxfTables tables() {
        return tables;
    }

    /** @return the block definitions, in no particular order */
    public Collection<DxfBlock> blocks() {
        return blocks.values();
    }

    /** @return the block definition of that name (case-insensitive) */
    public Optional<DxfBlock> block(String name) {
        return Optional.ofNullable(blocks.get(name.trim().toUpperCase(Locale.ROOT)));
    }

    /** @return the first GEODATA object (geographic location of the drawing), if the file has one */
    public Optional<DxfRecord> geoData() {
        return Optional.ofNullable(geoData);
    }

    /** @return how many top-level entities were passed to {@link DxfVisitor#entity} */
    public long entityCount() {
        return entityCount;
    }

    /** @return how many objects were passed to {@link DxfVisitor#object} */
    public long objectCount() {
        return objectCount;
    }

    /** @return the names of the sections read, in file order (e.g. HEADER, CLASSES, TABLES, BLOCKS, ENTITIES) */
    public List<String> sections() {
        return sections;
    }

    /** @return whether the file ends with the {@code (0, EOF)} marker */
    public boolean eofMarker() {
        return eofMarker;
    }

    /** @return everything that was tolerated, in file order */
    public List<DxfWarning> warnings() {
        return warnings;
    }
}
