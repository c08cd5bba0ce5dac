package io.sinter.connector.ifc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Issue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Geometry on the real IFC files of {@code ../shared/data/ifc}: which elements get a mesh, that boxes sit
 * inside the building, that tessellation is deterministic. Prints coverage per file. Skipped when the
 * folder is absent.
 */
class SharedIfcGeometryTest {
    private static final List<String> BUILDING_ELEMENTS = List.of("IfcWall", "IfcWallStandardCase", "IfcSlab", "IfcWindow", "IfcDoor");
    private static final List<String> MODELS = List.of(
            "models/duplex.ifc",
            "pairs/P06_ifc4_fzk_haus_crlf_vs_lf/AC20-FZK-Haus.ifc",
            "pairs/P03_ifc2x3_archicad9_hand_edited/Niedri_org.ifc",
            "pairs/P04_ifc2x3_archicad14_reexport/export1.ifc",
            "pairs/P01_ifc2x3_archicad_door_added/compare_by_guid_rev_2.ifc",
            "models/IfcOpenHouse_IFC4.ifc",
            "models/OneWall.ifc",
            "pairs/P08_ifc2x3_whitespace_only/WallOnly.ifc",
            "models/geographic-referencing-utm.ifc");
    private static Path ifc;

    @BeforeAll
    static void locateSharedData() {
        String property = System.getProperty("sinter.shared.dir");
        Path shared = property != null && Files.isDirectory(Path.of(property, "data"))
                ? Path.of(property) : Path.of("../../../shared");
        ifc = shared.toAbsolutePath().normalize().resolve("data").resolve("ifc");
        Assumptions.assumeTrue(Files.isDirectory(ifc), "../shared/data not present: skipping real-file tests");
    }

    /** Coverage per file: products with geometry, with a body mesh, unsupported-geometry warnings. */
    @TestFactory
    Stream<DynamicTest> productsGetMeshesAndBoxes() {
        return MODELS.stream().map(name -> dynamicTest(name, () -> {
            RecordingContext context = Extractions.extract(ifc.resolve(name));
            int products = 0;
            int withGeometry = 0;
            int withMesh = 0;
            long triangles = 0;
            Map<String, int[]> byClass = new TreeMap<>();
            for (Element element : context.elements) {
                if (element.placement() == null) {
                    continue;
                }
                products++;
                Geometry geometry = element.geometry();
                String className = element.classFullName().substring(4);
                int[] counts = byClass.computeIfAbsent(className, c -> new int[2]);
                counts[0]++;
                if (geometry == null) {
                    continue;
                }
                withGeometry++;
                counts[1]++;
                if (!geometry.meshes().isEmpty()) {
                    withMesh++;
                    triangles += geometry.meshes().stream().mapToLong(m -> m.triangles().length / 3).sum();
                }
                Box box = element.placement().bbox();
                assertNotNull(box, element.toString());
                for (double v : new double[] {box.low().x(), box.low().y(), box.low().z(), box.high().x(), box.high().y(), box.high().z()}) {
                    assertTrue(Double.isFinite(v), element + " box " + box);
                }
            }
            List<Issue> warnings = context.issues("UnsupportedGeometry");
            List<Issue> failures = context.issues("GeometryFailed");
            System.out.printf("%-70s products %5d, with geometry %5d (mesh %5d, %7d triangles), UnsupportedGeometry %3d, GeometryFailed %d%n",
                    name, products, withGeometry, withMesh, triangles, warnings.size(), failures.size());
            warnings.stream().limit(5).forEach(w -> System.out.println("    " + w.message()));
            assertEquals(List.of(), failures, "no tessellation failure");
            for (String className : BUILDING_ELEMENTS) {
                int[] counts = byClass.get(className);
                if (counts != null) {
                    System.out.printf("    %-22s %4d of %4d with geometry%n", className, counts[1], counts[0]);
                }
            }
        }));
    }

    @Test
    void duplexBuildingElementsHaveMeshesInsideTheBuilding() throws Exception {
        RecordingContext context = Extractions.extract(ifc.resolve("models/duplex.ifc"));
        assertMostBuildingElementsHaveMeshes(context, 0.95);
        // the NIBS duplex: two flats side by side, about 19 x 15 m, three levels
        assertInside(context, -5, -25, -5, 30, 15, 15);
    }

    @Test
    void fzkHausBuildingElementsHaveMeshesInsideTheBuilding() throws Exception {
        RecordingContext context = Extractions.extract(ifc.resolve("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/AC20-FZK-Haus.ifc"));
        assertMostBuildingElementsHaveMeshes(context, 0.95);
        // the KIT FZK-Haus: about 12 x 10 m, two storeys and a roof
        assertInside(context, -5, -5, -5, 20, 20, 15);
    }

    @Test
    void geometryIsDeterministic() throws Exception {
        Path path = ifc.resolve("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/AC20-FZK-Haus.ifc");
        List<Geometry> first = Extractions.extract(path).elements.stream().map(Element::geometry).toList();
        List<Geometry> second = Extractions.extract(path).elements.stream().map(Element::geometry).toList();
        assertEquals(first, second);
    }

    @Test
    void lineEndingsDoNotChangeGeometry() throws Exception {
        Map<String, List<Object>> crlf = Extractions.contentByIdentifier(
                Extractions.extract(ifc.resolve("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/AC20-FZK-Haus.ifc")));
        Map<String, List<Object>> lf = Extractions.contentByIdentifier(
                Extractions.extract(ifc.resolve("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/ISSUE_005_haus.ifc")));
        assertEquals(crlf, lf);
    }

    private static void assertMostBuildingElementsHaveMeshes(RecordingContext context, double share) {
        for (String className : BUILDING_ELEMENTS) {
            List<Element> elements = context.ofClass(className);
            if (elements.isEmpty()) {
                continue;
            }
            long meshed = elements.stream().filter(e -> e.geometry() != null && !e.geometry().meshes().isEmpty()).count();
            assertTrue(meshed >= share * elements.size(), className + ": " + meshed + " of " + elements.size() + " have a mesh");
        }
    }

    private static void assertInside(RecordingContext context, double x0, double y0, double z0, double x1, double y1, double z1) {
        for (String className : BUILDING_ELEMENTS) {
            for (Element element : context.ofClass(className)) {
                if (element.geometry() == null) {
                    continue;
                }
                Box box = element.placement().bbox();
                String what = element + " " + box;
                assertTrue(box.low().x() >= x0 && box.low().y() >= y0 && box.low().z() >= z0, what);
                assertTrue(box.high().x() <= x1 && box.high().y() <= y1 && box.high().z() <= z1, what);
                assertTrue(box.high().x() - box.low().x() + box.high().y() - box.low().y() > 0.01, "not degenerate: " + what);
            }
        }
    }
}
