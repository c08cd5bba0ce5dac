package io.sinter.connector.dxf.internal.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the real drawings of {@code ../shared/data/dxf} (see its MANIFEST.tsv). Skipped when that folder is absent,
 * as in a plain clone.
 */
class SharedDxfFilesTest {
    private static final Pattern VERSION = Pattern.compile("\\bAC\\d{4}\\b");

    /** One DXF row of MANIFEST.tsv. */
    record ManifestEntry(String path, String formatVersion, String notes) {
        Path file() {
            return dataDir().resolve(path);
        }

        boolean malformed() {
            return path.startsWith("dxf/malformed/");
        }

        Optional<String> acadVer() {
            Matcher matcher = VERSION.matcher(formatVersion);
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        }

        @Override
        public String toString() {
            return path;
        }
    }

    /** The shared folder: system property {@code sinter.shared.dir} (set by surefire), else {@code ../../../shared}. */
    static Path sharedDir() {
        String property = System.getProperty("sinter.shared.dir");
        if (property != null && Files.isDirectory(Path.of(property, "data"))) {
            return Path.of(property);
        }
        return Path.of("../../../shared");
    }

    static Path dataDir() {
        return sharedDir().resolve("data");
    }

    static void assumeSharedData() {
        Assumptions.assumeTrue(Files.isRegularFile(dataDir().resolve("MANIFEST.tsv")),
                "../shared/data not present: skipping real-file tests");
    }

    static List<ManifestEntry> manifest() throws IOException {
        if (!Files.isRegularFile(dataDir().resolve("MANIFEST.tsv"))) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(dataDir().resolve("MANIFEST.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int path = header.indexOf("path");
        int format = header.indexOf("format_version");
        int notes = header.indexOf("notes");
        return lines.stream().skip(1).map(line -> line.split("\t", -1))
                .filter(fields -> fields[path].startsWith("dxf/"))
                .map(fields -> new ManifestEntry(fields[path], fields[format], fields[notes]))
                .toList();
    }

    static Stream<ManifestEntry> goodFiles() throws IOException {
        assumeSharedData();
        return manifest().stream().filter(entry -> !entry.malformed());
    }

    /** A read of a shared file: the drawing and the entity types streamed. */
    record Read(DxfDrawing drawing, List<DxfRecord> entities) {
        Map<String, Long> typeCounts() {
            return entities.stream().collect(Collectors.groupingBy(DxfRecord::type, TreeMap::new,
                    Collectors.counting()));
        }

        List<String> texts() {
            return Stream.concat(entities.stream(), drawing.blocks().stream().flatMap(b -> b.entities().stream()))
                    .flatMap(e -> e.all(1).stream()).map(DxfPair::stringValue).toList();
        }
    }

    static Read read(Path file) throws Exception {
        List<DxfRecord> entities = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            return new Read(new DxfReader().read(in, entities::add), entities);
        }
    }

    static Read read(String relativePath) throws Exception {
        assumeSharedData();
        return read(dataDir().resolve(relativePath));
    }

    @Test
    void manifestListsDxfFiles() throws IOException {
        assumeSharedData();
        assertTrue(goodFiles().count() >= 10, "the manifest lists the shared DXF drawings");
        for (ManifestEntry entry : manifest()) {
            assertTrue(Files.isRegularFile(entry.file()), entry.path());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFiles")
    void readsEveryGoodFileCompletely(ManifestEntry entry) throws Exception {
        Read read = read(entry.file());
        DxfDrawing drawing = read.drawing();

        assertTrue(drawing.eofMarker(), "the file ends with EOF");
        assertEquals(entry.acadVer(), drawing.header().acadVer(), "$ACADVER matches the manifest");
        assertTrue(drawing.sections().contains("ENTITIES"));
        assertTrue(drawing.entityCount() > 0, "the drawings all have entities");
        assertEquals(drawing.entityCount(), read.entities().size());
        assertFalse(drawing.tables().layers().isEmpty(), "every drawing defines layers");
        assertTrue(read.entities().stream().allMatch(e -> !e.type().isEmpty() && !e.pairs().isEmpty()));
        assertEquals(entry.path().startsWith("dxf/binary/") ? DxfFormat.BINARY : DxfFormat.ASCII, drawing.format());
    }

    @Test
    void binaryR12File() throws Exception {
        Read read = read("dxf/binary/bin_dxf_r12.dxf");

        assertEquals(Map.of("LINE", 3L), read.typeCounts());
        assertEquals("windows-1252", read.drawing().header().textEncoding(), "from $DWGCODEPAGE ansi_1252");
        assertEquals(List.of("HEADER", "TABLES", "BLOCKS", "ENTITIES"), read.drawing().sections());
        DxfHeader header = read.drawing().header();
        assertTrue(header.extMax().orElseThrow().x() > header.extMin().orElseThrow().x());
        assertEquals("", warnings(read));
    }

    @Test
    void r12PolylinesCarryTheirVertices() throws Exception {
        Read read = read("dxf/drawings/POLI-ALL210_12.DXF");

        assertEquals(Map.of("3DFACE", 1L, "POLYLINE", 30L), read.typeCounts());
        for (DxfRecord polyline : read.entities().stream().filter(e -> e.type().equals("POLYLINE")).toList()) {
            assertFalse(polyline.children().isEmpty(), polyline::toString);
            assertTrue(polyline.children().stream().allMatch(v -> v.type().equals("VERTEX")));
        }
    }

    @Test
    void nestedInsertsReferToKnownBlocks() throws Exception {
        Read read = read("dxf/drawings/insert_bricscad_level_1.dxf");

        List<DxfRecord> inserts = Stream.concat(read.entities().stream(),
                read.drawing().blocks().stream().flatMap(b -> b.entities().stream()))
                .filter(e -> e.type().equals("INSERT")).toList();
        assertFalse(inserts.isEmpty());
        for (DxfRecord insert : inserts) {
            String block = insert.string(2, "");
            assertTrue(read.drawing().block(block).isPresent(), () -> insert + " refers to unknown block " + block);
            assertTrue(read.drawing().tables().blockRecord(block).isPresent());
        }
        assertEquals("UTF-8", read.drawing().header().textEncoding());
    }

    @Test
    void dxflibHeaderWithStrayEndsecKeepsItsVariables() throws Exception {
        Read read = read("dxf/drawings/a3.dxf");

        DxfHeader header = read.drawing().header();
        assertTrue(header.variable("$INSUNITS").isPresent(), "variables written after the stray ENDSEC are kept");
        assertTrue(header.extMin().isPresent());
        assertTrue(header.variable("$DIMSTYLE").isPresent());
        assertTrue(warnings(read).contains("ENDSEC followed by more header variables"), warnings(read));
        assertEquals(List.of("HEADER", "TABLES", "BLOCKS", "ENTITIES", "OBJECTS"), read.drawing().sections());
    }

    @Test
    void sameDrawingInR2000AndR2018ReadsTheSame() throws Exception {
        Read r2000 = read("dxf/pairs/D3_netdxf_same_drawing_R2000_vs_R2018/sample_2000.dxf");
        Read r2018 = read("dxf/pairs/D3_netdxf_same_drawing_R2000_vs_R2018/sample_2018.dxf");

        assertEquals(r2000.typeCounts(), r2018.typeCounts());
        assertEquals("windows-1252", r2000.drawing().header().textEncoding());
        assertEquals("UTF-8", r2018.drawing().header().textEncoding());
        for (String decoded : List.of("94°", "∅80")) {
            assertTrue(r2000.texts().contains(decoded), "R2000 writes " + decoded + " as \\U+ escapes");
            assertTrue(r2018.texts().contains(decoded), "R2018 writes " + decoded + " in UTF-8");
        }
        assertEquals(r2000.drawing().tables().layers().stream().map(DxfLayer::name).toList(),
                r2018.drawing().tables().layers().stream().map(DxfLayer::name).toList());
    }

    @Test
    void r2018MtextKeepsUtf8Symbols() throws Exception {
        Read read = read("dxf/drawings/uncommon.dxf");

        assertTrue(read.texts().contains("\\A1;∅2.5999"), "dimension text with the diameter sign, in UTF-8");
        assertTrue(read.typeCounts().keySet().containsAll(List.of("DIMENSION", "MULTILEADER", "MESH", "SPLINE",
                "POLYLINE", "XLINE", "RAY")));
        assertTrue(read.drawing().objectCount() > 0);
    }

    @Test
    void textEditPairDiffersOnlyInTexts() throws Exception {
        Read before = read("dxf/pairs/D1_ezdxf_text_edit_git_history/text_alignments@a72c54c8.dxf");
        Read after = read("dxf/pairs/D1_ezdxf_text_edit_git_history/text_alignments@ff308940.dxf");

        assertEquals(before.typeCounts(), after.typeCounts());
        assertEquals(before.entities().stream().map(e -> e.handle().orElseThrow()).toList(),
                after.entities().stream().map(e -> e.handle().orElseThrow()).toList(), "same handles");
        List<String> changedTexts = IntStream.range(0, before.entities().size())
                .filter(i -> before.entities().get(i).type().equals("TEXT"))
                .filter(i -> !before.entities().get(i).string(1, "").equals(after.entities().get(i).string(1, "")))
                .mapToObj(i -> before.entities().get(i).string(1, "") + " -> " + after.entities().get(i).string(1, ""))
                .toList();
        assertEquals(List.of("ALIGNED-TEXT -> ALIGNED-TEXT-ALIGNED-TEXT-ALIGNED-TEXT-ALIGNED-TEXT",
                "FITTED-TEXT -> FITTED-TEXT-FITTED-TEXT-FITTED-TEXT-FITTED-TEXT"), changedTexts,
                "the manifest says two TEXT contents changed");
    }

    @Test
    void malformedMinimalFileWithoutHeaderLoadsWithAWarning() throws Exception {
        Read read = read("dxf/malformed/Minimal_DXF_AC1009.dxf");

        assertFalse(read.drawing().header().present());
        assertEquals(Optional.empty(), read.drawing().header().acadVer());
        assertEquals(0, read.drawing().entityCount());
        assertEquals(List.of("ENTITIES"), read.drawing().sections());
        assertTrue(read.drawing().eofMarker(), "EOF without a final line break still counts");
        assertEquals("line 1 (pair 1): no HEADER section: $ACADVER unknown, DXF defaults assumed", warnings(read));
    }

    @Test
    void malformedDuplicateHandlesLoadWithWarnings() throws Exception {
        Read read = read("dxf/malformed/duplicate_handles.dxf");

        assertEquals(Optional.of("AC1012"), read.drawing().header().acadVer());
        assertEquals("IBM850", read.drawing().header().textEncoding(), "$DWGCODEPAGE dos850");
        assertEquals(145, read.drawing().entityCount());
        List<String> duplicates = read.drawing().warnings().stream().map(DxfWarning::message)
                .filter(message -> message.startsWith("duplicate handle ")).toList();
        assertEquals(28, duplicates.size(), warnings(read));
        assertEquals("duplicate handle 2 on LINE", duplicates.get(0));
        assertTrue(read.drawing().warnings().get(0).position().line() > 0);
    }

    private static String warnings(Read read) {
        return read.drawing().warnings().stream().map(DxfWarning::toString).collect(Collectors.joining("\n"));
    }
}
