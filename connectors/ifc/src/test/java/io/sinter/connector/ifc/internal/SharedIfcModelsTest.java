package io.sinter.connector.ifc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Relationship;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The connector on the real IFC files of {@code ../shared/data/ifc} (see its MANIFEST.tsv), including the
 * version pairs and what their MANIFEST notes say changed. Skipped when the folder is absent.
 */
class SharedIfcModelsTest {
    private static final double EPS = 1e-9;
    private static Path ifc;

    @BeforeAll
    static void locateSharedData() {
        String property = System.getProperty("sinter.shared.dir");
        Path shared = property != null && Files.isDirectory(Path.of(property, "data"))
                ? Path.of(property) : Path.of("../../../shared");
        ifc = shared.toAbsolutePath().normalize().resolve("data").resolve("ifc");
        Assumptions.assumeTrue(Files.isDirectory(ifc), "../shared/data not present: skipping real-file tests");
    }

    private static RecordingContext extract(String relative) throws ConnectorException {
        return Extractions.extract(ifc.resolve(relative));
    }

    /** Every complete model extracts, with one element per instance of each element class (counted in the text). */
    @TestFactory
    Stream<DynamicTest> everyCompleteModelExtracts() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ifc)) {
            files = walk.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".ifc"))
                    .filter(p -> !p.startsWith(ifc.resolve("malformed"))).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(path -> dynamicTest(ifc.relativize(path).toString(), () -> {
            String text = Files.readString(path, StandardCharsets.ISO_8859_1);
            if (!text.stripTrailing().endsWith("END-ISO-10303-21;")) {
                return; // truncated: see truncatedFileIsCorrupt
            }
            RecordingContext context = Extractions.extract(path);
            assertFalse(context.elements.isEmpty());
            assertEquals(1, context.ofClass("IfcProject").size(), "one project");
            for (Map.Entry<String, Long> count : context.countsByClass().entrySet()) {
                String keyword = count.getKey().substring(4).toUpperCase(Locale.ROOT);
                long written = Pattern.compile("#\\d+\\s*=\\s*" + keyword + "\\s*\\(").matcher(text).results().count();
                assertEquals(written, count.getValue(), count.getKey());
            }
            for (Element element : context.elements) {
                assertEquals("IfcRoot", element.kind());
                assertEquals(22, element.identifier().length(), element.toString());
                assertNotNull(element.federationGuid(), element.toString());
            }
            assertEquals(1, context.units.size());
            assertTrue(context.issues.stream().noneMatch(i -> i.category().equals("MissingGlobalId")), context.toString());
        }));
    }

    @Test
    void truncatedFileIsCorrupt() {
        ConnectorException e = assertThrows(ConnectorException.class, () -> extract("models/FJK-Project-Final.ifc"));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        assertTrue(e.position().line() > 2000, e.describe());
        assertEquals(151552, e.position().byteOffset(), "the end of the cut file");
        assertNotNull(e.position().entity(), e.describe());
    }

    @Test
    void malformedFiles() throws Exception {
        RecordingContext empty = extract("malformed/EmptyTest.ifc");
        assertTrue(empty.elements.isEmpty());
        assertEquals(1, empty.issues("NoProject").size());

        ConnectorException header = assertThrows(ConnectorException.class, () -> extract("malformed/fail-header-attr-too-few.ifc"));
        assertEquals(ConnectorException.Kind.CORRUPT, header.kind());
        assertEquals(4, header.position().line());

        // IfcProject and IfcSite share a GlobalId; IfcBuilding's has a ".1" suffix: all three are emitted, core
        // makes the repeated identifier unique (~2) and the invalid one gets a random federation GUID
        RecordingContext doubles = extract("malformed/doubleguids.ifc");
        List<Element> shared = doubles.elements.stream().filter(e -> e.identifier().equals("2CND9gmL0OS2wPqFz8m2Fi")).toList();
        assertEquals(List.of("IFC:IfcProject", "IFC:IfcSite"), shared.stream().map(Element::classFullName).toList());
        Element building = doubles.element("2CND9gmL0OS2wPqFz8m2Fi.1");
        assertEquals("IFC:IfcBuilding", building.classFullName());
        assertNull(building.federationGuid());
        assertEquals(1, doubles.issues("InvalidGlobalId").size());
        assertEquals("2CND9gmL0OS2wPqFz8m2Fi.1", doubles.issues("InvalidGlobalId").get(0).identifier());
    }

    @Test
    void ifc4x3MapConversion() throws Exception {
        RecordingContext context = extract("models/geographic-referencing-utm.ifc");
        Geolocation geolocation = context.geolocations.get(0);
        assertEquals(1, context.geolocations.size(), "the site's latitude/longitude are not applied as well");
        assertEquals(Geolocation.Kind.PROJECTED, geolocation.kind());
        assertEquals("EPSG:25832", geolocation.horizontalCrsId());
        assertEquals(458657.30, geolocation.origin().x(), EPS);
        assertEquals(5438232.25, geolocation.origin().y(), EPS);
        assertEquals(113.7, geolocation.origin().z(), EPS);
        assertEquals(Math.atan2(0.962691746426, 0.270600445976), geolocation.rotation(), EPS);
        assertEquals(1.0, geolocation.scale(), EPS, "Scale 1000. in a millimetre file is read as the inverse, with a warning");
        assertEquals(List.of("MILLI METRE=0.001"), context.units);
        Element proxy = context.element("0rBru4syGxGOZb$M8kVJuS");
        assertEquals("IFC:IfcBuildingElementProxy", proxy.classFullName());
        assertEquals("3_fv_WeK63IPclwapZa9MD", proxy.parentIdentifier(), "contained in the storey");
        assertEquals("0cVTYHAI3nGeTXA2X4Gxyo", context.element("3_fv_WeK63IPclwapZa9MD").parentIdentifier());
    }

    @Test
    void siteCoordinatesAndTrueNorth() throws Exception {
        Geolocation fzk = extract("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/AC20-FZK-Haus.ifc").geolocations.get(0);
        assertEquals(Geolocation.Kind.GEOGRAPHIC, fzk.kind());
        assertEquals(49 + 6 / 60.0 + 1.566 / 3600, fzk.origin().y(), EPS);
        assertEquals(8 + 26 / 60.0 + 11.5404 / 3600, fzk.origin().x(), EPS);
        assertEquals(110, fzk.origin().z(), EPS);
        assertEquals(Math.toRadians(50), fzk.rotation(), 1e-6, "ArchiCAD's project north 50 degrees off");
        Geolocation duplex = extract("models/duplex.ifc").geolocations.get(0);
        assertEquals(-(87 + 38 / 60.0 + 21.839999 / 3600), duplex.origin().x(), 1e-9);
        assertEquals(41 + 52 / 60.0 + 27.84 / 3600, duplex.origin().y(), 1e-9);
    }

    @Test
    void descendingIdsAndSystems() throws Exception {
        RecordingContext context = extract("models/2012-03-23-Duplex-Handover.ifc");
        assertEquals(10, context.ofClass("IfcSystem").size());
        Element member = context.elements.stream()
                .filter(e -> e.relationships().contains(new Relationship("IfcRelAssignsToGroup", "0MnIzKiNT4FOJ6xfwRTOX7")))
                .findFirst().orElseThrow();
        assertTrue(member.classFullName().startsWith("IFC:IfcFlow"), member.toString());
        assertEquals(List.of("MILLI METRE=0.001"), context.units);
    }

    @Test
    void cancellationStopsTheExtraction() {
        RecordingContext context = new RecordingContext();
        context.cancelAfterElements = 1;
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Extractions.extract(ifc.resolve("pairs/P03_ifc2x3_archicad9_hand_edited/Niedri_org.ifc"), context));
        assertEquals(ConnectorException.Kind.CANCELLED, e.kind());
        assertTrue(context.elements.size() < 100, context.elements.size() + " elements");
    }

    // --- version pairs (MANIFEST.tsv notes) ----------------------------------------------------------

    /** P06: identical except CRLF vs LF line endings: zero changes. */
    @Test
    void p06LineEndingsChangeNothing() throws Exception {
        Map<String, List<Object>> crlf = Extractions.contentByIdentifier(extract("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/AC20-FZK-Haus.ifc"));
        assertEquals(227, crlf.size());
        assertEquals(crlf, Extractions.contentByIdentifier(extract("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/ISSUE_005_haus.ifc")));
    }

    /** P08: a whitespace character added before a ';': zero changes. */
    @Test
    void p08WhitespaceChangesNothing() throws Exception {
        Map<String, List<Object>> before = Extractions.contentByIdentifier(extract("pairs/P08_ifc2x3_whitespace_only/WallOnly.ifc"));
        assertEquals(5, before.size());
        assertEquals(before, Extractions.contentByIdentifier(extract("pairs/P08_ifc2x3_whitespace_only/WallOnlyAddedSpace.ifc")));
    }

    /**
     * P01: v2 keeps every GlobalId of v1 and adds a door with its opening and style; the #ids are renumbered.
     * The one common element whose content changes is the wall that hosts the new opening: it gains the
     * IfcRelVoidsElement and ArchiCAD rewrote its "Surface (All)" value.
     */
    @Test
    void p01OnlyInsertsTheDoor() throws Exception {
        Map<String, List<Object>> v1 = Extractions.contentByIdentifier(extract("pairs/P01_ifc2x3_archicad_door_added/compare_by_guid_rev_1.ifc"));
        RecordingContext second = extract("pairs/P01_ifc2x3_archicad_door_added/compare_by_guid_rev_2.ifc");
        Map<String, List<Object>> v2 = Extractions.contentByIdentifier(second);
        assertTrue(v2.keySet().containsAll(v1.keySet()));
        Set<String> inserted = new TreeSet<>(v2.keySet());
        inserted.removeAll(v1.keySet());
        assertEquals(Set.of("IFC:IfcDoor", "IFC:IfcOpeningElement", "IFC:IfcDoorStyle"),
                inserted.stream().map(id -> second.element(id).classFullName()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(3, inserted.size());
        Set<String> changed = changed(v1, v2);
        assertEquals(Set.of("0_Rrjj1cQfGvssbqo29La7"), changed);
        Element host = second.element("0_Rrjj1cQfGvssbqo29La7");
        String opening = second.ofClass("IfcOpeningElement").get(0).identifier();
        assertTrue(host.relationships().contains(new Relationship("IfcRelVoidsElement", opening)));
        assertEquals("0_Rrjj1cQfGvssbqo29La7", second.element(opening).parentIdentifier());
    }

    /**
     * P03: same GUIDs; one IfcRelSpaceBoundary renamed, one IfcCartesianPoint of a space boundary's
     * connection geometry moved by 5e-8 m, four entities renumbered. Without geometry (a later task) the
     * rename is the one change the elements show; the renumbering shows none.
     */
    @Test
    void p03ShowsTheEditedBoundary() throws Exception {
        Map<String, List<Object>> before = Extractions.contentByIdentifier(extract("pairs/P03_ifc2x3_archicad9_hand_edited/Niedri_org.ifc"));
        RecordingContext edited = extract("pairs/P03_ifc2x3_archicad9_hand_edited/Niedri_slabs.ifc");
        Map<String, List<Object>> after = Extractions.contentByIdentifier(edited);
        assertEquals(before.keySet(), after.keySet());
        assertEquals(Set.of("30aA$PahL0Pwj2kQlFDIK5"), changed(before, after));
        Element boundary = edited.element("30aA$PahL0Pwj2kQlFDIK5");
        assertEquals("Second Level (changed)", boundary.userLabel());
        assertEquals("IFC:IfcRelSpaceBoundary", boundary.classFullName());
        assertEquals("IFC:IfcSpace", edited.element(boundary.parentIdentifier()).classFullName());
        // the aggregations renumbered in the edit still give the same spatial tree
        assertEquals("2vzslg5KL0YPc$QsvPNWVx", edited.ofClass("IfcBuilding").get(0).parentIdentifier());
    }

    /** P04: ArchiCAD re-export 4 hours later: types, relationships and a window re-GUIDed, a roof and a column renamed. */
    @Test
    void p04ReexportChurnsIdentifiers() throws Exception {
        RecordingContext first = extract("pairs/P04_ifc2x3_archicad14_reexport/export1.ifc");
        RecordingContext second = extract("pairs/P04_ifc2x3_archicad14_reexport/export3.ifc");
        Map<String, List<Object>> v1 = Extractions.contentByIdentifier(first);
        Map<String, List<Object>> v3 = Extractions.contentByIdentifier(second);
        Set<String> kept = new TreeSet<>(v1.keySet());
        kept.retainAll(v3.keySet());
        assertEquals(25, kept.size());
        assertEquals(8, v1.size() - kept.size());
        assertEquals("RT - 001", first.element("06W4jvUIjD_v1Bjvgbrx5H").userLabel());
        assertEquals("Roof renamed", second.element("06W4jvUIjD_v1Bjvgbrx5H").userLabel());
        assertEquals("CRE - 001 Changed!", second.element("1_36fbufX4ugWMtqEiij7m").userLabel());
    }

    private static Set<String> changed(Map<String, List<Object>> before, Map<String, List<Object>> after) {
        Set<String> changed = new TreeSet<>();
        before.forEach((id, content) -> {
            if (after.containsKey(id) && !after.get(id).equals(content)) {
                changed.add(id);
            }
        });
        return changed;
    }
}
