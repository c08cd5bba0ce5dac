package io.sinter.connector.ifc.internal;

import static io.sinter.connector.ifc.internal.MeshMath.area;
import static io.sinter.connector.ifc.internal.MeshMath.assertBounds;
import static io.sinter.connector.ifc.internal.MeshMath.assertClosed;
import static io.sinter.connector.ifc.internal.MeshMath.volume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Point3;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Geometry of the shapes in {@code ifc/geometry-4.ifc} (a millimetre project; one IfcBuildingElementProxy
 * per shape, named after it). Expected counts follow from the shapes; volumes and areas are computed here
 * from the profile dimensions, and from the meshes by the divergence theorem.
 */
class IfcGeometryTest {
    private static final double EPS = 1e-9;
    /** The area of a regular 24-gon inscribed in the unit circle. */
    private static final double UNIT_24GON = 12 * Math.sin(Math.PI / 12);
    private static RecordingContext context;

    @BeforeAll
    static void extract() throws Exception {
        context = Extractions.extract(Extractions.resource("geometry-4.ifc"));
    }

    private static Element named(String name) {
        List<Element> found = context.elements.stream().filter(e -> name.equals(e.userLabel())).toList();
        assertEquals(1, found.size(), name);
        return found.get(0);
    }

    private static Geometry.Mesh mesh(String name) {
        Geometry geometry = named(name).geometry();
        assertEquals(1, geometry.meshes().size(), name);
        return geometry.meshes().get(0);
    }

    private static void assertCounts(String name, int vertices, int triangles) {
        Geometry.Mesh mesh = mesh(name);
        assertEquals(vertices, mesh.vertices().length / 3, name + " vertices");
        assertEquals(triangles, mesh.triangles().length / 3, name + " triangles");
    }

    private static void assertSolid(String name, double expectedVolume, double eps) {
        Geometry.Mesh mesh = mesh(name);
        assertEquals(expectedVolume, volume(mesh), eps, name + " volume");
        assertClosed(mesh);
    }

    @Test
    void rectangleExtrusionInElementLocalMetresWithASpatialBox() {
        Element element = named("rectangle");
        assertCounts("rectangle", 8, 12);
        assertSolid("rectangle", 24, EPS);
        assertTrue(element.geometry().polylines().isEmpty(), "the Body is preferred to the Axis");
        Geometry.Mesh mesh = mesh("rectangle");
        assertBounds(new double[] {-1, -1.5, 0, 1, 1.5, 4}, mesh.vertices(), EPS);
        assertEquals(new Point3(10, 20, 0), element.placement().origin());
        // turned a quarter about z: local x is spatial y, local y is spatial -x
        Box box = element.placement().bbox();
        assertEquals(new Point3(8.5, 19, 0), box.low());
        assertEquals(new Point3(11.5, 21, 4), box.high());
        // world = origin + rotation * local for every vertex stays inside the box
        double[] r = element.placement().rotation();
        double[] v = mesh.vertices();
        for (int i = 0; i < v.length; i += 3) {
            double x = 10 + r[0] * v[i] + r[1] * v[i + 1] + r[2] * v[i + 2];
            double y = 20 + r[3] * v[i] + r[4] * v[i + 1] + r[5] * v[i + 2];
            assertTrue(x >= 8.5 - EPS && x <= 11.5 + EPS && y >= 19 - EPS && y <= 21 + EPS);
        }
    }

    @Test
    void circlesAndEllipsesHave24Segments() {
        assertCounts("circle", 48, 22 * 2 + 48);
        assertSolid("circle", UNIT_24GON, EPS);
        assertEquals(Math.PI, volume(mesh("circle")), Math.PI * 0.015, "pi r^2 within the segment error");
        assertCounts("circle-hollow", 96, 48 * 2 + 96);
        assertSolid("circle-hollow", UNIT_24GON * (1 - 0.9 * 0.9), EPS);
        assertSolid("ellipse", UNIT_24GON * 2 * 1, EPS);
        // corners of radius 0.2 m: quarter circles of 24 / 4 = 6 segments
        double corners = 4 * 0.2 * 0.2 * (6 * Math.sin(Math.PI / 12) / 2 - 1);
        assertCounts("rounded-rectangle", 2 * 4 * 7, 2 * (28 - 2) + 2 * 28);
        assertSolid("rounded-rectangle", 2 * 1 + corners, EPS);
        // a radius of half the short side: the half circles meet the long sides without repeated points
        assertCounts("rounded-fully", 2 * (4 * 7 - 2), 2 * (26 - 2) + 2 * 26);
        assertSolid("rounded-fully", 1 * 1 + 4 * 0.5 * 0.5 * 6 * Math.sin(Math.PI / 12) / 2, EPS);
        assertSolid("hollow-rectangle", 2 * 1 - 1.8 * 0.8, EPS);
    }

    @Test
    void shapeProfiles() {
        assertCounts("L-shape", 12, 4 * 2 + 12);
        assertSolid("L-shape", (100 * 10 + 190 * 10) * 1e-6, EPS);
        assertCounts("I-shape", 24, 10 * 2 + 24);
        assertSolid("I-shape", (2 * 200 * 20 + 260 * 10) * 1e-6, EPS);
        assertSolid("T-shape", (200 * 20 + 280 * 10) * 1e-6, EPS);
        assertSolid("U-shape", (2 * 100 * 20 + 260 * 10) * 1e-6, EPS);
        assertSolid("C-shape", 10 * (300 + 2 * 90 + 2 * 20) * 1e-6, EPS);
        assertSolid("Z-shape", (2 * 100 * 20 + 260 * 10) * 1e-6, EPS);
        assertBounds(new double[] {-0.05, -0.1, 0, 0.05, 0.1, 1}, mesh("L-shape").vertices(), EPS);
    }

    @Test
    void arbitraryProfilesWithVoidsAndConcaveRings() {
        assertCounts("with-void", 16, 8 * 2 + 16);
        assertSolid("with-void", 4 * 4 - 2 * 2, EPS);
        assertCounts("comb-slanted", 24, 10 * 2 + 24);
        assertSolid("comb-slanted", 11 * Math.sqrt(0.5), EPS);
        assertBounds(new double[] {0, 0, 0, 5, 3 + Math.sqrt(0.5), Math.sqrt(0.5)}, mesh("comb-slanted").vertices(), EPS);
    }

    @Test
    void compositeAndIndexedCurvesWithArcs() {
        double halfDisk = UNIT_24GON / 2;
        assertCounts("D-composite", 26, 11 * 2 + 26);
        assertSolid("D-composite", halfDisk, EPS);
        assertCounts("D-indexed", 26, 11 * 2 + 26);
        assertSolid("D-indexed", halfDisk, EPS);
        assertBounds(new double[] {-1, 0, 0, 1, 1, 1}, mesh("D-composite").vertices(), EPS);
    }

    @Test
    void mappedItemsWithNonUniformScaleAndMirror() {
        assertCounts("mapped-scaled", 8, 12);
        assertSolid("mapped-scaled", 2 * 3 * 4, EPS);
        assertBounds(new double[] {-1, -1.5, 0, 1, 1.5, 4}, mesh("mapped-scaled").vertices(), EPS);
        assertSolid("mapped-mirrored", 1, EPS);
        assertBounds(new double[] {4.5, -0.5, 0, 5.5, 0.5, 1}, mesh("mapped-mirrored").vertices(), EPS);
    }

    @Test
    void facetedBrepsAndFaceSets() {
        assertCounts("brep-cube", 8, 12);
        assertSolid("brep-cube", 1, EPS);
        assertCounts("polygonal", 8, 12);
        assertSolid("polygonal", 1, EPS);
        assertCounts("triangulated", 4, 4);
        assertSolid("triangulated", 1.0 / 6, EPS);
        assertBounds(new double[] {0, 0, 0, 1, 1, 1}, mesh("triangulated").vertices(), EPS);
        assertCounts("face-with-hole", 8, 8);
        assertEquals(1 - 0.25, area(mesh("face-with-hole")), EPS);
    }

    @Test
    void halfSpacesCutAndCap() {
        assertSolid("clipped", 1, EPS);
        assertBounds(new double[] {-0.5, -0.5, 0, 0.5, 0.5, 1}, mesh("clipped").vertices(), EPS);
        // 10 m long, 0.3 m thick, 2 m high at the ends and 4 m in the middle
        assertEquals(0.3 * (10 * 2 + 10 * 2 / 2.0), volume(mesh("gable")), 1e-6);
        assertBounds(new double[] {0, 0, 0, 10, 0.3, 4}, mesh("gable").vertices(), 1e-9);
    }

    @Test
    void revolvedAndTaperedSolids() {
        // 24 segments a turn at 2 m from the axis: a quarter turn in 6 steps, each a prism of area (r2² - r1²) sin(15°) / 2
        double step = (2 * 2 - 1 * 1) * Math.sin(Math.PI / 12) / 2;
        assertCounts("revolved-quarter", 4 * 7, 6 * 8 + 2 * 2);
        assertSolid("revolved-quarter", 6 * step, EPS);
        assertEquals(Math.PI / 2 * 1.5, volume(mesh("revolved-quarter")), 0.03, "Pappus within the segment error");
        assertBounds(new double[] {0, 0, -2, 2, 1, 0}, mesh("revolved-quarter").vertices(), EPS);
        assertCounts("revolved-full", 4 * 24, 24 * 8);
        assertSolid("revolved-full", 24 * step, EPS);
        // a square frustum: h / 3 (A1 + A2 + sqrt(A1 A2))
        assertCounts("tapered", 8, 12);
        assertSolid("tapered", (1 + 0.25 + 0.5) / 3, EPS);
    }

    @Test
    void sweptDisksAndBrepsWithVoids() {
        // a straight tube: 12 sides, the area between two 12-gons, 1 m long
        assertCounts("swept-disk-hollow", 2 * 24, 2 * 24 + 2 * 24);
        assertSolid("swept-disk-hollow", 6 * Math.sin(Math.PI / 6) * (0.1 * 0.1 - 0.05 * 0.05), EPS);
        // an 8-sided rod along 2 m with a mitred right-angled bend: its section times the length of its axis
        double section = 4 * Math.sin(Math.PI / 4) * 0.05 * 0.05;
        Geometry.Mesh rod = mesh("swept-disk");
        assertEquals(3 * 8, rod.vertices().length / 3);
        assertClosed(rod);
        assertEquals(2 * section, volume(rod), EPS);
        assertSolid("brep-with-void", 1 - 0.125, EPS);
        assertCounts("brep-with-void", 16, 24);
    }

    @Test
    void boxAndAxisWhenThereIsNoBody() {
        assertCounts("box-only", 8, 12);
        assertSolid("box-only", 6, EPS);
        Geometry axis = named("axis-only").geometry();
        assertTrue(axis.meshes().isEmpty());
        assertEquals(List.of(new Geometry.Polyline(new double[] {0, 0, 0, 3, 0, 0, 3, 4, 0}, false)), axis.polylines());
        assertEquals(new Box(new Point3(0, 0, 0), new Point3(3, 4, 0)), named("axis-only").placement().bbox());
    }

    @Test
    void anUnsupportedBodyKeepsTheElementWithAWarning() {
        Element element = named("unsupported");
        assertNull(element.geometry());
        Box box = element.placement().bbox();
        assertEquals(box.low(), box.high(), "no geometry: the origin as a degenerate box");
        List<Issue> warnings = context.issues("UnsupportedGeometry");
        assertEquals(1, warnings.size(), context.toString());
        Issue warning = warnings.get(0);
        assertEquals(Issue.Level.WARNING, warning.level());
        assertEquals(element.identifier(), warning.identifier());
        assertTrue(warning.message().matches(".*IFCADVANCEDBREP #\\d+.*"), warning.message());
        assertEquals(List.of(), context.issues("GeometryFailed"));
    }

    @Test
    void everyElementWithGeometryHasABoxAroundItsTransformedVertices() {
        int withGeometry = 0;
        for (Element element : context.elements) {
            if (element.geometry() == null) {
                continue;
            }
            withGeometry++;
            Box box = element.placement().bbox();
            double[] r = element.placement().rotation();
            Point3 o = element.placement().origin();
            for (Geometry.Mesh mesh : element.geometry().meshes()) {
                double[] v = mesh.vertices();
                for (int i = 0; i < v.length; i += 3) {
                    double x = o.x() + r[0] * v[i] + r[1] * v[i + 1] + r[2] * v[i + 2];
                    double y = o.y() + r[3] * v[i] + r[4] * v[i + 1] + r[5] * v[i + 2];
                    double z = o.z() + r[6] * v[i] + r[7] * v[i + 1] + r[8] * v[i + 2];
                    assertTrue(x >= box.low().x() - EPS && x <= box.high().x() + EPS, element.toString());
                    assertTrue(y >= box.low().y() - EPS && y <= box.high().y() + EPS, element.toString());
                    assertTrue(z >= box.low().z() - EPS && z <= box.high().z() + EPS, element.toString());
                }
            }
        }
        assertEquals(33, withGeometry);
    }

    @Test
    void brokenShapesAreReportedNotThrown() throws Exception {
        RecordingContext broken = Extractions.extract(Extractions.resource("geometry-broken-4.ifc"));
        assertEquals(8, broken.elements.size(), "the project and every proxy");
        assertEquals(List.of(), broken.issues("GeometryFailed"));
        java.util.Map<String, String> warnings = new java.util.TreeMap<>();
        for (Issue issue : broken.issues("UnsupportedGeometry")) {
            warnings.put(issue.identifier(), issue.message());
        }
        java.util.function.Function<String, Element> named = name -> broken.elements.stream()
                .filter(e -> name.equals(e.userLabel())).findFirst().orElseThrow();
        for (String name : List.of("zero-rectangle", "missing-map", "self-mapped", "flat-profiles", "no-operand")) {
            Element element = named.apply(name);
            assertNull(element.geometry(), name);
            assertTrue(warnings.get(element.identifier()).endsWith("not supported; the element has no geometry."), name);
        }
        assertTrue(warnings.get(named.apply("zero-rectangle").identifier()).contains("IFCRECTANGLEPROFILEDEF #10"));
        assertTrue(warnings.get(named.apply("flat-profiles").identifier()).contains("IFCEXTRUDEDAREASOLID #37"));
        // what can be read is kept: the good triangle of the brep and of the face set, the cylinder's solid uncut
        Element faces = named.apply("partly-bad-faces");
        assertEquals(2, faces.geometry().meshes().get(0).triangles().length / 3);
        assertEquals(1, MeshMath.volume(named.apply("curved-half-space").geometry().meshes().get(0)), EPS);
        assertTrue(warnings.get(named.apply("curved-half-space").identifier()).contains("IFCCYLINDRICALSURFACE #77"));
    }

    @Test
    void geometryIsDeterministic() throws Exception {
        RecordingContext again = Extractions.extract(Extractions.resource("geometry-4.ifc"));
        assertEquals(Extractions.contentByIdentifier(context), Extractions.contentByIdentifier(again));
        assertFalse(context.elements.isEmpty());
    }
}
