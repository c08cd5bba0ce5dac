package io.sinter.connector.dxf.internal.reader;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a DXF file (ASCII or binary, R12 to R2018) section by section and streams its entities and objects to a
 * {@link DxfVisitor}; header, tables and block definitions are kept in the returned {@link DxfDrawing}.
 *
 * <p>What is tolerated, with a {@link DxfWarning}:
 * <ul>
 * <li>no HEADER section: defaults apply ({@code $ACADVER} unknown, text UTF-8 where valid, else windows-1252);</li>
 * <li>a missing {@code (0, EOF)} marker when the input ends between sections (the data is complete);</li>
 * <li>anything but blanks, NUL or Ctrl-Z after the EOF marker: ignored;</li>
 * <li>a section not closed by ENDSEC before the next SECTION or EOF, a table without ENDTAB, a block without
 * ENDBLK, a POLYLINE or INSERT-with-attributes without SEQEND, VERTEX/ATTRIB/SEQEND out of place;</li>
 * <li>duplicate or malformed handles, duplicate names in LAYER/LTYPE/BLOCK_RECORD, duplicate blocks (the first
 * wins), duplicate header variables (the first wins), unknown sections (skipped), an unknown code page.</li>
 * </ul>
 * What fails with a {@link DxfSyntaxException} (with line or byte offset): malformed pairs (non-numeric group code,
 * value that does not match its group code, odd number of lines, truncated binary value), input that ends inside a
 * section, records outside any section, an empty file or one without sections.
 *
 * <p>Stateless: one instance can read many files, also concurrently.
 */
public final class DxfReader {
    private final int warningLimit;

    /** A reader that keeps up to 1000 warnings per file. */
    public DxfReader() {
        this(Warnings.DEFAULT_LIMIT);
    }

    /** @param warningLimit how many warnings to keep per file; the rest are counted in one last warning */
    public DxfReader(int warningLimit) {
        if (warningLimit < 1) {
            throw new IllegalArgumentException("warningLimit must be positive: " + warningLimit);
        }
        this.warningLimit = warningLimit;
    }

    /**
     * Reads a whole DXF file.
     *
     * @param in      the file's bytes; read to its end, not closed
     * @param visitor receives header, tables, blocks, entities and objects as they are read
     * @return what was kept of the drawing
     * @throws DxfSyntaxException when the file is malformed
     * @throws X                  when the visitor throws it; reading stops
     */
    public <X extends Exception> DxfDrawing read(InputStream in, DxfVisitor<X> visitor)
            throws IOException, DxfSyntaxException, X {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(visitor, "visitor");
        Warnings warnings = new Warnings(warningLimit);
        return new Session<>(DxfPairReader.open(in, warnings), warnings, visitor).read();
    }

    /** The state of reading one file. */
    private static final class Session<X extends Exception> {
        private final DxfPairReader pairs;
        private final RecordCursor cursor;
        private final Warnings warnings;
        private final DxfVisitor<X> visitor;
        private final HandleSet handles = new HandleSet();
        private final DxfTables.Builder tablesBuilder = new DxfTables.Builder();
        private final Map<String, DxfBlock> blocks = new LinkedHashMap<>();
        private final List<String> sections = new ArrayList<>();
        private DxfHeader header;
        private DxfTables tables = DxfTables.empty();
        private DxfRecord geoData;
        private long entityCount;
        private long objectCount;
        private boolean invalidHandleReported;

        Session(DxfPairReader pairs, Warnings warnings, DxfVisitor<X> visitor) {
            this.pairs = pairs;
            this.cursor = new RecordCursor(pairs);
            this.warnings = warnings;
            this.visitor = visitor;
        }

        DxfDrawing read() throws IOException, DxfSyntaxException, X {
            if (!cursor.advance(true)) {
                throw new DxfSyntaxException(cursor.lastPairPosition(), "the file contains no DXF data");
            }
            boolean eofMarker = false;
            while (cursor.hasRecord()) {
                String type = cursor.type();
                if (type.equals("SECTION")) {
                    readSection();
                } else if (type.equals("EOF")) {
                    eofMarker = true;
                    if (pairs.skipRest()) {
                        warnings.add(cursor.position(), "data after the EOF marker ignored");
                    }
                    break;
                } else if (type.equals("ENDSEC")) {
                    warnings.add(cursor.position(), "ENDSEC outside a section ignored");
                    cursor.advance(true);
                } else {
                    throw new DxfSyntaxException(cursor.position(), "unexpected " + type
                            + " outside a section (expected SECTION or EOF)");
                }
            }
            if (sections.isEmpty()) {
                throw new DxfSyntaxException(cursor.lastPairPosition(), "the file contains no DXF section");
            }
            if (!eofMarker) {
                warnings.add(cursor.lastPairPosition(), "missing EOF marker: the file ends after section "
                        + sections.get(sections.size() - 1));
            }
            headerKnown();
            return new DxfDrawing(pairs.format(), header, tables, blocks, geoData, entityCount, objectCount, sections,
                    eofMarker, warnings.list());
        }

        /** The current record is a SECTION; on return the record after its end is current (or none). */
        private void readSection() throws IOException, DxfSyntaxException, X {
            DxfPosition start = cursor.position();
            DxfRecord section = cursor.record();
            String name = section.string(2, "").trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new DxfSyntaxException(start, "SECTION without a name (group 2)");
            }
            sections.add(name);
            if (name.equals("HEADER")) {
                readHeader(section, start);
                return;
            }
            headerKnown();
            switch (name) {
                case "TABLES" -> readTables(start);
                case "BLOCKS" -> readBlocks(start);
                case "ENTITIES" -> readEntities(start);
                case "OBJECTS" -> readObjects(start);
                case "CLASSES", "THUMBNAILIMAGE", "ACDSDATA" -> skipSection(name, start);
                default -> {
                    warnings.add(start, "unknown section " + name + " skipped");
                    skipSection(name, start);
                }
            }
        }

        /**
         * The header variables are the body of the SECTION record itself: 9 $NAME, then the value pairs. Some
         * writers (dxflib, e.g. QCAD and LibreCAD files) put a stray ENDSEC after {@code $HANDSEED} and go on with
         * header variables; such an ENDSEC's variables are kept and the section ends at the next ENDSEC.
         */
        private void readHeader(DxfRecord section, DxfPosition start) throws IOException, DxfSyntaxException, X {
            List<DxfPair> body = new ArrayList<>(section.pairs());
            cursor.advance(true);
            while (cursor.hasRecord() && cursor.type().equals("ENDSEC") && !cursor.body().isEmpty()
                    && cursor.body().get(0).code() == 9) {
                warnings.add(cursor.position(), "ENDSEC followed by more header variables: they are kept as part"
                        + " of the HEADER section");
                body.addAll(cursor.body());
                cursor.advance(true);
            }
            if (header != null) {
                warnings.add(start, "HEADER section after other sections ignored");
            } else {
                applyHeader(true, headerVariables(body, start), start);
            }
            endSection("HEADER", start);
        }

        private Map<String, List<DxfPair>> headerVariables(List<DxfPair> body, DxfPosition start) {
            Map<String, List<DxfPair>> variables = new LinkedHashMap<>();
            List<DxfPair> values = null;
            boolean sectionName = true;
            for (DxfPair pair : body) {
                if (sectionName && pair.code() == 2) {
                    sectionName = false;
                } else if (pair.code() == 9) {
                    String name = pair.stringValue().trim();
                    values = new ArrayList<>();
                    if (variables.putIfAbsent(name, values) != null) {
                        warnings.add(start, "header variable " + name + " repeated; the first value is kept");
                    }
                } else if (values != null) {
                    values.add(pair);
                } else {
                    warnings.add(start, "header pair " + pair + " before the first variable ignored");
                }
            }
            return variables;
        }

        /** Chooses the text decoder from the raw header, re-decodes the header's strings and hands it out. */
        private void applyHeader(boolean present, Map<String, List<DxfPair>> raw, DxfPosition start) throws X {
            String acadVer = firstString(raw.get("$ACADVER"));
            String codePage = firstString(raw.get("$DWGCODEPAGE"));
            List<String> problems = new ArrayList<>();
            DxfTextDecoder decoder = DxfTextDecoder.forDrawing(acadVer, codePage, problems);
            problems.forEach(problem -> warnings.add(start, problem));
            Map<String, List<DxfPair>> decoded = new LinkedHashMap<>();
            raw.forEach((name, values) -> decoded.put(decoder.redecode(name), values.stream()
                    .map(pair -> pair.type() == DxfValueType.STRING
                            ? DxfPair.ofTrusted(pair.code(), DxfValueType.STRING, decoder.redecode(pair.stringValue()))
                            : pair)
                    .toList()));
            pairs.textDecoder(decoder);
            header = new DxfHeader(present, decoded, decoder.description());
            visitor.header(header);
        }

        private static String firstString(List<DxfPair> values) {
            if (values == null || values.isEmpty() || values.get(0).type() != DxfValueType.STRING) {
                return null;
            }
            return values.get(0).stringValue();
        }

        /** Settles the header before the first non-HEADER section (or the end) of a file without one. */
        private void headerKnown() throws X {
            if (header == null) {
                DxfPosition at = cursor.hasRecord() ? cursor.position() : cursor.lastPairPosition();
                warnings.add(at, "no HEADER section: $ACADVER unknown, DXF defaults assumed");
                applyHeader(false, Map.of(), at);
            }
        }

        private void readTables(DxfPosition start) throws IOException, DxfSyntaxException, X {
            String table = null;
            DxfPosition tableStart = null;
            cursor.advance(true);
            while (!atSectionEnd("TABLES", start)) {
                String type = cursor.type();
                DxfRecord record = cursor.record();
                if (type.equals("TABLE")) {
                    if (table != null) {
                        warnings.add(tableStart, "table " + table + " is not closed by ENDTAB");
                    }
                    track(record);
                    table = record.string(2, "").trim().toUpperCase(Locale.ROOT);
                    tableStart = record.position();
                    tablesBuilder.table(table);
                } else if (type.equals("ENDTAB")) {
                    if (table == null) {
                        warnings.add(record.position(), "ENDTAB without TABLE ignored");
                    }
                    table = null;
                } else if (table == null) {
                    warnings.add(record.position(), type + " outside a table ignored");
                } else {
                    track(record);
                    if (!tablesBuilder.add(table, record) && !table.equals("VPORT")
                            && !record.string(2, "").isBlank()) {
                        warnings.add(record.position(), "duplicate " + table + " entry '" + record.string(2, "")
                                + "'; the first is used");
                    }
                }
                cursor.advance(true);
            }
            if (table != null) {
                warnings.add(tableStart, "table " + table + " is not closed by ENDTAB");
            }
            endSection("TABLES", start);
            tables = tablesBuilder.build();
            visitor.tables(tables);
        }

        private void readBlocks(DxfPosition start) throws IOException, DxfSyntaxException, X {
            DxfRecord block = null;
            List<DxfRecord> entities = new ArrayList<>();
            cursor.advance(true);
            while (!atSectionEnd("BLOCKS", start)) {
                String type = cursor.type();
                if (type.equals("BLOCK")) {
                    if (block != null) {
                        warnings.add(block.position(), "block '" + block.string(2, "") + "' is not closed by ENDBLK");
                        addBlock(block, entities);
                    }
                    block = cursor.record();
                    track(block);
                    entities = new ArrayList<>();
                    cursor.advance(true);
                } else if (type.equals("ENDBLK")) {
                    DxfRecord end = cursor.record();
                    track(end);
                    if (block == null) {
                        warnings.add(end.position(), "ENDBLK without BLOCK ignored");
                    } else {
                        addBlock(block, entities);
                        block = null;
                    }
                    cursor.advance(true);
                } else {
                    DxfRecord entity = readEntity("BLOCKS", start);
                    if (entity == null) {
                        continue;
                    }
                    if (block == null) {
                        warnings.add(entity.position(), entity.type() + " outside a block definition ignored");
                    } else {
                        entities.add(entity);
                    }
                }
            }
            if (block != null) {
                warnings.add(block.position(), "block '" + block.string(2, "") + "' is not closed by ENDBLK");
                addBlock(block, entities);
            }
            endSection("BLOCKS", start);
        }

        private void addBlock(DxfRecord record, List<DxfRecord> entities) throws X {
            DxfBlock block = DxfBlock.of(record, entities);
            String key = block.name().toUpperCase(Locale.ROOT);
            if (blocks.putIfAbsent(key, block) != null) {
                warnings.add(record.position(), "duplicate block definition '" + block.name() + "'; the first is kept");
                return;
            }
            visitor.block(block);
        }

        private void readEntities(DxfPosition start) throws IOException, DxfSyntaxException, X {
            cursor.advance(true);
            while (!atSectionEnd("ENTITIES", start)) {
                DxfRecord entity = readEntity("ENTITIES", start);
                if (entity != null) {
                    entityCount++;
                    visitor.entity(entity);
                }
            }
            endSection("ENTITIES", start);
        }

        /**
         * Reads the current entity and, for POLYLINE and INSERT, the VERTEX or ATTRIB records and the SEQEND that
         * follow it. On return the record after the entity is current.
         *
         * @return the entity, or null for a stray SEQEND
         */
        private DxfRecord readEntity(String section, DxfPosition sectionStart) throws IOException, DxfSyntaxException {
            String type = cursor.type();
            DxfRecord entity = cursor.record();
            track(entity);
            cursor.advance(true);
            String childType = switch (type) {
                case "POLYLINE" -> "VERTEX";
                case "INSERT" -> "ATTRIB";
                default -> null;
            };
            if (childType == null) {
                if (type.equals("VERTEX") || type.equals("ATTRIB") || type.equals("SEQEND")) {
                    String parent = switch (type) {
                        case "VERTEX" -> "POLYLINE";
                        case "ATTRIB" -> "INSERT";
                        default -> "POLYLINE or INSERT";
                    };
                    warnings.add(entity.position(), type + " without a preceding " + parent
                            + (type.equals("SEQEND") ? "; ignored" : "; passed on as a separate entity"));
                }
                return type.equals("SEQEND") ? null : entity;
            }
            List<DxfRecord> children = new ArrayList<>();
            while (cursor.hasRecord() && cursor.type().equals(childType)) {
                DxfRecord child = cursor.record();
                track(child);
                children.add(child);
                cursor.advance(true);
            }
            if (!cursor.hasRecord()) {
                throw endOfFileInside(section, sectionStart);
            }
            if (cursor.type().equals("SEQEND")) {
                track(cursor.record());
                cursor.advance(true);
            } else if (type.equals("POLYLINE") || !children.isEmpty() || entity.integer(66, 0) != 0) {
                warnings.add(entity.position(), type + " is not closed by SEQEND");
            }
            return children.isEmpty() ? entity : entity.withChildren(children);
        }

        private void readObjects(DxfPosition start) throws IOException, DxfSyntaxException, X {
            cursor.advance(true);
            while (!atSectionEnd("OBJECTS", start)) {
                DxfRecord object = cursor.record();
                track(object);
                if (geoData == null && object.type().equals("GEODATA")) {
                    geoData = object;
                }
                objectCount++;
                visitor.object(object);
                cursor.advance(true);
            }
            endSection("OBJECTS", start);
        }

        private void skipSection(String name, DxfPosition start) throws IOException, DxfSyntaxException {
            cursor.advance(false);
            while (!atSectionEnd(name, start)) {
                cursor.advance(false);
            }
            endSection(name, start);
        }

        /**
         * @return whether the current record ends the section (ENDSEC, or SECTION/EOF when ENDSEC is missing)
         * @throws DxfSyntaxException when the input ended inside the section
         */
        private boolean atSectionEnd(String section, DxfPosition start) throws DxfSyntaxException {
            if (!cursor.hasRecord()) {
                throw endOfFileInside(section, start);
            }
            String type = cursor.type();
            return type.equals("ENDSEC") || type.equals("SECTION") || type.equals("EOF");
        }

        /** Consumes ENDSEC, or warns that it is missing before the current SECTION/EOF record. */
        private void endSection(String section, DxfPosition start) throws IOException, DxfSyntaxException {
            if (!cursor.hasRecord()) {
                throw endOfFileInside(section, start);
            }
            if (cursor.type().equals("ENDSEC")) {
                cursor.advance(true);
            } else {
                warnings.add(cursor.position(), "section " + section + " (from " + start.describe()
                        + ") is not closed by ENDSEC");
            }
        }

        private DxfSyntaxException endOfFileInside(String section, DxfPosition start) {
            return new DxfSyntaxException(cursor.lastPairPosition(), "unexpected end of file inside section " + section
                    + " (which starts at " + start.describe() + "): the file is truncated");
        }

        /** Notes the record's handle and warns when it is malformed or was used before. */
        private void track(DxfRecord record) {
            String handle = record.handle().orElse(null);
            if (handle == null) {
                return;
            }
            long value = HandleSet.parse(handle);
            if (value == -1) {
                if (!invalidHandleReported) {
                    warnings.add(record.position(), record.type() + " has the malformed handle '" + handle
                            + "' (further malformed handles are not reported)");
                    invalidHandleReported = true;
                }
            } else if (!handles.add(value)) {
                warnings.add(record.position(), "duplicate handle " + handle + " on " + record.type());
            }
        }
    }
}
