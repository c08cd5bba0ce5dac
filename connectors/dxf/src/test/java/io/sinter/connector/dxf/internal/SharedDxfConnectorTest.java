package io.sinter.connector.dxf.internal;

import static io.sinter.connector.dxf.internal.RecordingContext.attributes;
import static io.sinter.connector.dxf.internal.RecordingContext.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Point3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the connector over the real drawings of {@code ../shared/data/dxf} (see its MANIFEST.tsv). Skipped when that
 * folder is absent, as in a plain clone.
 */
class SharedDxfConnectorTest {
    private static final String D1 = "dxf/pairs/D1_ezdxf_text_edit_git_history/";
    private static final String D3 = "dxf/pairs/D3_netdxf_same_drawing_R2000_vs_R2018/";

    /** The shared folder: system property {@code sinter.shared.dir}, else {@code ../../../shared}. */
    static Path dataDir() {
        String property = System.getProperty("sinter.shared.dir");
        Path shared = property != null && Files.isDirectory(Path.of(property, "data")) ? Path.of(property)
                : Path.of("../../../shared");
        return shared.resolve("data");
    }

    static void assumeSharedData() {
        Assumptions.assumeTrue(Files.isRegularFile(dataDir().resolve("MANIFEST.tsv")),
                "../shared/data not present: skipping real-file tests");
    }

    /** @return the DXF paths listed in MANIFEST.tsv, relative to the data folder */
    static List<String> dxfFiles() throws IOException {
        Path manifest = dataDir().resolve("MANIFEST.tsv");
        if (!Files.isRegularFile(manifest)) {
            return List.of("(no shared data)");
        }
        try (Stream<String> lines = Files.lines(manifest)) {
            return lines.skip(1).map(line -> line.split("\t")[0]).filter(path -> path.startsWith("dxf/")).toList();
        }
    }

    static RecordingContext extract(String path) throws Exception {
        return RecordingContext.extract(dataDir().resolve(path), Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dxfFiles")
    void everyFileExtractsWithFinitePlacedElements(String path) throws Exception {
        assumeSharedData();
        RecordingContext ctx = extract(path);
        assertNotNull(ctx.unitName, "units are reported");
        if (!path.endsWith("Minimal_DXF_AC1009.dxf")) {
            assertFalse(ctx.elements.isEmpty(), "a drawing with entities gives elements");
        }
        long placed = 0;
        for (Element element : ctx.elements) {
            assertEquals("Entity", element.kind());
            assertTrue(element.classFullName().startsWith("DXF:"), element.classFullName());
            assertFalse(element.category().isBlank());
            if (element.placement() != null) {
                placed++;
                Box box = element.placement().bbox();
                assertNotNull(box, element.toString());
                assertFinite(box.low(), element);
                assertFinite(box.high(), element);
                assertFinite(element.placement().origin(), element);
                double size = Math.max(box.high().x() - box.low().x(), box.high().y() - box.low().y());
                assertTrue(size < 1e5, element + " spans " + size + " m");
            }
            if (element.geometry() != null) {
                for (Geometry.Polyline line : element.geometry().polylines()) {
                    assertAllFinite(line.points(), element);
                }
                for (Geometry.Mesh mesh : element.geometry().meshes()) {
                    assertAllFinite(mesh.vertices(), element);
                }
            }
        }
        assertTrue(placed >= ctx.elements.size() - 1, "all but ACIS bodies are placed: " + placed + " of "
                + ctx.elements.size());
        Set<String> declared = ctx.classes.stream().map(c -> c.fullName()).collect(Collectors.toSet());
        assertEquals(ctx.elements.stream().map(Element::classFullName).collect(Collectors.toSet()), declared);
    }

    /** Per-type counts against a plain line scan of the ENTITIES section (ASCII files). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dxfFiles")
    void elementCountsMatchAnIndependentScan(String path) throws Exception {
        assumeSharedData();
        Assumptions.assumeFalse(path.contains("/binary/"), "the scan reads ASCII only");
        RecordingContext ctx = extract(path);
        assertEquals(scanModelSpaceTypes(dataDir().resolve(path)), countByType(ctx.elements));
    }

    @Test
    void knownDrawingsHaveTheirEntityCounts() throws Exception {
        assumeSharedData();
        assertEquals(Map.of("ARC", 9L, "LINE", 13L), countByType(extract("dxf/drawings/AC1003_LINE_Example.dxf").elements));
        assertEquals(Map.of("LINE", 10L, "POINT", 11L, "TEXT", 11L),
                countByType(extract("dxf/drawings/Leica_Disto_S910.dxf").elements));
        assertEquals(Map.of("3DFACE", 1L, "POLYLINE", 30L), countByType(extract("dxf/drawings/POLI-ALL210_12.DXF").elements));
        assertEquals(Map.of("CIRCLE", 14L, "HATCH", 8L, "LINE", 66L, "MTEXT", 44L),
                countByType(extract("dxf/drawings/a3.dxf").elements));
        assertEquals(Map.of("LINE", 3L), countByType(extract("dxf/binary/bin_dxf_r12.dxf").elements));
        assertEquals(145, extract("dxf/malformed/duplicate_handles.dxf").elements.size());
    }

    @Test
    void uncommonDrawingSkipsPaperSpaceAndFlagsAcis() throws Exception {
        assumeSharedData();
        RecordingContext ctx = extract("dxf/drawings/uncommon.dxf");
        assertEquals("inches", ctx.unitName);
        assertTrue(ctx.issues("PaperSpace").get(0).message().startsWith("2 paper-space entities"), ctx.issueText());
        assertEquals(1, ctx.issues("UnsupportedGeometry").size());
        Element insert = ctx.elements.stream().filter(e -> e.classFullName().equals("DXF:INSERT")).findFirst()
                .orElseThrow();
        assertNotNull(insert.geometry(), "the INSERT's block is expanded");
        long dimensionsWithGeometry = ctx.elements.stream().filter(e -> e.classFullName().endsWith("DIMENSION"))
                .filter(e -> e.geometry() != null).count();
        assertEquals(16, dimensionsWithGeometry, "every dimension draws its anonymous block");
        Element mesh = ctx.elements.stream().filter(e -> e.classFullName().equals("DXF:MESH")).findFirst().orElseThrow();
        assertFalse(mesh.geometry().meshes().isEmpty());
        Element spline = ctx.elements.stream().filter(e -> e.classFullName().equals("DXF:SPLINE")).findFirst()
                .orElseThrow();
        assertTrue(spline.geometry().polylines().get(0).points().length / 3 > 10, "the spline is evaluated");
        assertTrue(ctx.issues("GeometryProblem").isEmpty(), ctx.issueText());
    }

    @Test
    void uncommonDrawingWithPaperSpaceAddsItsLayoutEntities() throws Exception {
        assumeSharedData();
        RecordingContext model = extract("dxf/drawings/uncommon.dxf");
        RecordingContext all = RecordingContext.extract(dataDir().resolve("dxf/drawings/uncommon.dxf"),
                Map.of(DxfConnector.SPACES, "all"));
        List<Element> paper = all.elements.stream().filter(e -> "paper".equals(attributes(e).get("space"))).toList();
        assertEquals(2, paper.size());
        assertEquals(model.elements.size() + 2, all.elements.size());
        for (Element element : paper) {
            assertEquals("Layout1", attributes(element).get("layout"), element.toString());
        }
        assertTrue(all.issues("PaperSpace").isEmpty(), all.issueText());
    }

    /**
     * A re-save that renumbers every handle (and the anonymous blocks of dimensions and arrays) changes every
     * identifier but no element's content, so core can pair each old element with its new one by content instead of
     * deleting and inserting them all.
     */
    @Test
    void renumberedHandlesAndAnonymousBlocksKeepEveryElementsContent(@TempDir Path dir) throws Exception {
        assumeSharedData();
        Path original = dataDir().resolve("dxf/drawings/uncommon.dxf");
        List<String> lines = List.of(new String(Files.readAllBytes(original), StandardCharsets.ISO_8859_1)
                .split("\r?\n", -1));
        StringBuilder renumbered = new StringBuilder();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            int code = Integer.parseInt(lines.get(i).trim());
            String value = lines.get(i + 1);
            boolean handle = code == 5 || code == 105 || (code >= 320 && code <= 369) || (code >= 390 && code <= 399)
                    || code == 480 || code == 481 || code == 1005;
            if (handle && value.trim().matches("[0-9A-Fa-f]+") && !value.trim().equals("0")) {
                value = Long.toHexString(Long.parseLong(value.trim(), 16) + 0x100000).toUpperCase(Locale.ROOT);
            } else if (value.matches("\\*[DUXTA]\\d+")) {
                value = value.charAt(0) + "" + value.charAt(1) + (Integer.parseInt(value.substring(2)) + 100);
            }
            renumbered.append(lines.get(i)).append('\n').append(value).append('\n');
        }
        Path copy = Files.writeString(dir.resolve("uncommon-renumbered.dxf"), renumbered, StandardCharsets.ISO_8859_1);
        RecordingContext before = extract("dxf/drawings/uncommon.dxf");
        RecordingContext after = RecordingContext.extract(copy, Map.of());
        Set<String> identifiers = before.elements.stream().map(Element::identifier).collect(Collectors.toSet());
        assertTrue(after.elements.stream().noneMatch(e -> identifiers.contains(e.identifier())),
                "every handle is new");
        assertEquals(contents(before), contents(after));
        assertEquals(before.issues.size(), after.issues.size(), after.issueText());
    }

    private static Map<List<Object>, Long> contents(RecordingContext ctx) {
        return ctx.elements.stream().collect(Collectors.groupingBy(RecordingContext::content, HashMap::new,
                Collectors.counting()));
    }

    @Test
    void duplicateHandlesAreLeftToCoreAndMissingHandlesDerived() throws Exception {
        assumeSharedData();
        RecordingContext ctx = extract("dxf/malformed/duplicate_handles.dxf");
        Map<String, Long> perIdentifier = ctx.elements.stream().collect(Collectors.groupingBy(Element::identifier,
                Collectors.counting()));
        assertTrue(perIdentifier.values().stream().anyMatch(n -> n > 1), "the file repeats handles; core suffixes them");
        assertTrue(ctx.issues.stream().anyMatch(i -> i.category().equals("DxfStructure")
                && i.message().contains("duplicate handle")), ctx.issueText());
    }

    /**
     * Pair D3: one drawing written by netDxf as R2000 and as R2018. Handles are kept, so every element must be equal
     * by handle: nothing of the version-specific header, classes or objects reaches an element.
     */
    @Test
    void sameDrawingInTwoDxfVersionsGivesEqualElements() throws Exception {
        assumeSharedData();
        RecordingContext r2000 = extract(D3 + "sample_2000.dxf");
        RecordingContext r2018 = extract(D3 + "sample_2018.dxf");
        assertEquals(53, r2000.elements.size());
        assertEquals(differingIdentifiers(r2000, r2018), Set.of());
    }

    /**
     * Pair D1: ezdxf's text_alignments example before and after one commit: same handles, new header timestamps and
     * GUIDs, objects reordered. The commit lengthened two texts and moved the alignment point of the MIDDLE text
     * (and the circle that marks it); nothing else may differ.
     */
    @Test
    void headerChurnPairChangesOnlyTheEditedEntities() throws Exception {
        assumeSharedData();
        RecordingContext before = extract(D1 + "text_alignments@a72c54c8.dxf");
        RecordingContext after = extract(D1 + "text_alignments@ff308940.dxf");
        assertEquals(58, before.elements.size());
        assertEquals(Set.of("41", "43", "45", "66"), differingIdentifiers(before, after));
        assertEquals("ALIGNED-TEXT", attributes(before.element("41")).get("text"));
        assertEquals("ALIGNED-TEXT-ALIGNED-TEXT-ALIGNED-TEXT-ALIGNED-TEXT", attributes(after.element("41")).get("text"));
        assertEquals(before.element("41").placement(), after.element("41").placement());
        assertEquals(before.element("45").properties(), after.element("45").properties());
        assertEquals(new Point3(15, 15, 0), after.element("45").placement().bbox().high());
    }

    private static Set<String> differingIdentifiers(RecordingContext a, RecordingContext b) {
        Map<String, Element> other = new HashMap<>();
        b.elements.forEach(e -> other.put(e.identifier(), e));
        assertEquals(a.elements.stream().map(Element::identifier).collect(Collectors.toSet()), other.keySet());
        Set<String> differing = new TreeSet<>();
        for (Element element : a.elements) {
            if (!content(element).equals(content(other.get(element.identifier())))) {
                differing.add(element.identifier());
            }
        }
        return differing;
    }

    private static Map<String, Long> countByType(List<Element> elements) {
        return elements.stream().collect(Collectors.groupingBy(e -> e.classFullName().substring(4), TreeMap::new,
                Collectors.counting()));
    }

    /** Counts the top-level records of the ENTITIES section by type, leaving out sub-entities and paper space. */
    private static Map<String, Long> scanModelSpaceTypes(Path file) throws IOException {
        List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\r?\n"));
        Map<String, Long> counts = new TreeMap<>();
        boolean inEntities = false;
        String type = null;
        boolean paper = false;
        String previous = "";
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String code = lines.get(i).trim();
            String value = lines.get(i + 1).trim();
            if (code.equals("0")) {
                if (inEntities && type != null && !paper) {
                    counts.merge(type, 1L, Long::sum);
                }
                type = null;
                paper = false;
                if (value.equals("ENDSEC")) {
                    inEntities = false;
                } else if (inEntities && !Set.of("VERTEX", "SEQEND", "ATTRIB").contains(value)) {
                    type = value.toUpperCase(Locale.ROOT);
                }
            } else if (code.equals("2") && previous.equals("SECTION")) {
                inEntities = value.equals("ENTITIES");
            } else if (code.equals("67") && value.equals("1")) {
                paper = true;
            }
            previous = value;
        }
        return counts;
    }

    private static void assertFinite(Point3 p, Element element) {
        assertTrue(Double.isFinite(p.x()) && Double.isFinite(p.y()) && Double.isFinite(p.z()), element + ": " + p);
    }

    private static void assertAllFinite(double[] values, Element element) {
        for (double value : values) {
            assertTrue(Double.isFinite(value), element.toString());
        }
    }
}
