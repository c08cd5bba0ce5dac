package io.sinter.connector.dxf.internal;

import static io.sinter.connector.dxf.internal.RecordingContext.attributes;
import static io.sinter.connector.dxf.internal.RecordingContext.content;
import static io.sinter.connector.dxf.internal.RecordingContext.extract;
import static io.sinter.connector.dxf.internal.RecordingContext.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Point3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DxfConnectorTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    @Test
    void convertsMillimetresToMetres() throws Exception {
        RecordingContext ctx = extract(resource("units_mm.dxf", dir), Map.of());
        assertEquals("millimetres", ctx.unitName);
        assertEquals(0.001, ctx.metresPerUnit);
        Element line = ctx.element("1A");
        assertEquals("Entity", line.kind());
        assertEquals("DXF:LINE", line.classFullName());
        assertEquals("WALLS", line.category());
        assertNull(line.parentIdentifier());
        assertNull(line.codeValue());
        assertNull(line.userLabel());
        assertTrue(line.relationships().isEmpty());
        assertPoint(new Point3(1, 2, 0), line.placement().origin());
        assertBox(new Point3(1, 2, 0), new Point3(3, 2, 0.5), line.placement().bbox());
        assertArrayEquals(new double[] {0, 0, 0, 2, 0, 0.5}, line.geometry().polylines().get(0).points(), EPS);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, line.placement().rotation());
        assertEquals(Map.of("Attributes", Map.of("color", 1L, "colorSource", "BYLAYER", "trueColor", "#FF8000",
                "linetype", "DASHED", "lineweight", 50L)), line.properties());
        assertTrue(ctx.issues("Units").isEmpty(), ctx.issueText());
    }

    @Test
    void resolvesLayerColourLinetypeAndLineweight() throws Exception {
        RecordingContext ctx = extract(resource("units_mm.dxf", dir), Map.of());
        Map<String, Object> circle = attributes(ctx.element("1B"));
        assertEquals(3L, circle.get("color"));
        assertEquals("ENTITY", circle.get("colorSource"));
        assertFalse(circle.containsKey("trueColor"), "an entity colour overrides the layer's true colour");
        assertEquals("DASHED", circle.get("linetype"));
        assertEquals(50L, circle.get("lineweight"), "lineweight -1 is BYLAYER");
        assertEquals(0.25, (Double) circle.get("thickness"), EPS, "thickness in metres");

        Map<String, Object> byBlock = attributes(ctx.element("1C"));
        assertEquals(0L, byBlock.get("color"));
        assertEquals("BYBLOCK", byBlock.get("colorSource"));
        assertEquals("BYBLOCK", byBlock.get("linetype"));
        assertFalse(byBlock.containsKey("lineweight"), "neither entity nor layer states a lineweight");
    }

    @Test
    void tessellatesCirclesArcsAndBulges() throws Exception {
        RecordingContext ctx = extract(resource("units_mm.dxf", dir), Map.of());
        Element circle = ctx.element("1B");
        Geometry.Polyline ring = circle.geometry().polylines().get(0);
        assertTrue(ring.closed());
        Point3 o = circle.placement().origin();
        double[] p = ring.points();
        assertTrue(p.length / 3 >= 64, "1 m radius at 1 mm chord tolerance needs about 70 segments: " + p.length / 3);
        for (int i = 0; i < p.length; i += 3) {
            assertEquals(1.0, Math.hypot(p[i] + o.x(), p[i + 1] + o.y()), 1e-9);
        }
        Box box = circle.placement().bbox();
        assertEquals(-1, box.low().x(), 1e-3, "the chords stay within 1 mm of the circle");
        assertEquals(1, box.high().x(), 1e-3);
        assertEquals(-1, box.low().y(), 1e-3);
        assertEquals(1, box.high().y(), 1e-3);

        Element bulged = ctx.element("1C");
        Geometry.Polyline outline = bulged.geometry().polylines().get(0);
        assertFalse(outline.closed());
        // bulge 1 from (0,0) to (2,0): a counter-clockwise half circle around (1,0), i.e. below the chord
        assertBox(new Point3(0, -1, 0), new Point3(2, 1, 0), bulged.placement().bbox(), 1e-3);
        double[] q = outline.points();
        int last = q.length - 3;
        assertArrayEquals(new double[] {2, 1, 0}, new double[] {q[last], q[last + 1], q[last + 2]}, EPS);
        for (int i = 0; i < last - 3; i += 3) {
            assertEquals(1.0, Math.hypot(q[i] - 1, q[i + 1]), 1e-9, "arc point " + i / 3);
        }

        Element arc = ctx.element("1D");
        assertPoint(new Point3(0.5, 0, 0), arc.placement().origin());
        double[] a = world(arc).get(0);
        assertArrayEquals(new double[] {0.5, 0, 0}, new double[] {a[0], a[1], a[2]}, EPS);
        int end = a.length - 3;
        assertEquals(0, a[end], 1e-12);
        assertEquals(0.5, a[end + 1], 1e-12);
    }

    @Test
    void expandsInsertsWithScaleRotationNestingAndAttributes() throws Exception {
        RecordingContext ctx = extract(resource("inserts.dxf", dir), Map.of());
        Element insert = ctx.element("2A");
        assertEquals("DXF:INSERT", insert.classFullName());
        assertEquals("DOORS", insert.category());
        assertEquals("SQUARE", attributes(insert).get("blockName"));
        assertEquals(Map.of("ROOM", "101 °", "NAME", "Kitchen"), insert.properties().get("BlockAttributes"));
        assertPoint(new Point3(10, 5, 0), insert.placement().origin());
        List<double[]> world = world(insert);
        assertEquals(2, world.size(), "the block's line and the nested TICK's line; the ATTDEF is not drawn");
        assertArrayEquals(new double[] {10, 5, 0, 10, 7, 0}, world.get(0), EPS);
        assertArrayEquals(new double[] {10, 7, 0, 8, 7, 0}, world.get(1), EPS);
        assertBox(new Point3(8, 5, 0), new Point3(10, 7, 0), insert.placement().bbox());
        assertTrue(ctx.issues("GeometryProblem").stream().noneMatch(i -> "2A".equals(i.identifier())));
    }

    @Test
    void expandsMinsertArraysAndExtrusion() throws Exception {
        RecordingContext ctx = extract(resource("inserts.dxf", dir), Map.of());
        Element array = ctx.element("2B");
        assertEquals(6, array.geometry().polylines().size(), "3 columns x 2 rows");
        assertBox(new Point3(0, 0, 0), new Point3(10, 11, 0), array.placement().bbox());

        Element mirrored = ctx.element("2C");
        assertPoint(new Point3(-3, 0, 0), mirrored.placement().origin());
        assertArrayEquals(new double[] {-3, 0, 0, -3, 1, 0}, world(mirrored).get(0), EPS,
                "extrusion (0,0,-1) mirrors the OCS x axis");
    }

    @Test
    void cutsOffRecursiveAndReportsMissingBlocks() throws Exception {
        RecordingContext ctx = extract(resource("inserts.dxf", dir), Map.of());
        Element loop = ctx.element("2D");
        assertEquals(1, loop.geometry().polylines().size());
        assertTrue(ctx.issues("GeometryProblem").stream().anyMatch(i -> "2D".equals(i.identifier())
                && i.message().contains("contains itself")), ctx.issueText());

        Element missing = ctx.element("31");
        assertNull(missing.geometry());
        assertPoint(new Point3(7, 8, 0), missing.placement().origin());
        assertTrue(ctx.issues("GeometryProblem").stream().anyMatch(i -> "31".equals(i.identifier())
                && i.message().contains("'MISSING', which is not defined")), ctx.issueText());
        assertEquals(List.of("DXF:INSERT"), ctx.classes.stream().map(ClassDefinition::fullName).toList());
        assertEquals(5, ctx.elements.size(), "block entities are not elements of their own");
    }

    @Test
    void stripsMtextFormattingAndTextControlCodes() throws Exception {
        RecordingContext ctx = extract(resource("text_unitless.dxf", dir), Map.of());
        Element mtext = ctx.element("40");
        assertEquals("Ground\nfloor plan 1/2 ⌀12 100\u00A0m\\x{y}", attributes(mtext).get("text"));
        assertEquals("NOTES", mtext.category());
        assertEquals(2L, attributes(mtext).get("color"));
        assertPoint(new Point3(1, 2, 0), mtext.placement().origin());
        assertNull(mtext.geometry(), "text is a point placement with the text as property");
        Element text = ctx.element("41");
        assertEquals("45° ±0.1", attributes(text).get("text"));
        assertEquals(0.5, (Double) attributes(text).get("textHeight"), EPS);
        assertEquals("STANDARD", attributes(text).get("textStyle"));
    }

    @Test
    void readsUnitlessDrawingsAsMetresWithAnInfo() throws Exception {
        RecordingContext ctx = extract(resource("text_unitless.dxf", dir), Map.of());
        assertEquals(1.0, ctx.metresPerUnit);
        Issue units = ctx.issues("Units").get(0);
        assertEquals(Issue.Level.INFO, units.level());
        assertTrue(units.message().contains("metres"), units.message());
        assertPoint(new Point3(3, 4, 0), ctx.element("41").placement().origin());
    }

    @Test
    void unitlessUnitSettingScalesUnitlessDrawings() throws Exception {
        RecordingContext ctx = extract(resource("text_unitless.dxf", dir), Map.of("unitlessUnit", "mm"));
        assertEquals(0.001, ctx.metresPerUnit);
        assertEquals("millimetres", ctx.unitName);
        assertPoint(new Point3(0.003, 0.004, 0), ctx.element("41").placement().origin());
        assertEquals(0.0005, (Double) attributes(ctx.element("41")).get("textHeight"), EPS);

        RecordingContext inches = extract(dir.resolve("text_unitless.dxf"), Map.of("unitlessUnit", "1"));
        assertEquals(0.0254, inches.metresPerUnit);

        RecordingContext wrong = extract(dir.resolve("text_unitless.dxf"), Map.of("unitlessUnit", "cubits"));
        assertEquals(1.0, wrong.metresPerUnit);
        assertTrue(wrong.issues("Units").stream().anyMatch(i -> i.level() == Issue.Level.WARNING
                && i.message().contains("cubits")), wrong.issueText());
    }

    @Test
    void unitlessUnitSettingDoesNotOverrideStatedUnits() throws Exception {
        RecordingContext ctx = extract(resource("units_mm.dxf", dir), Map.of("unitlessUnit", "inches"));
        assertEquals(0.001, ctx.metresPerUnit);
    }

    @Test
    void derivesStableIdentifiersForEntitiesWithoutHandle() throws Exception {
        Path file = resource("text_unitless.dxf", dir);
        RecordingContext first = extract(file, Map.of());
        List<Element> lines = first.elements.stream().filter(e -> e.classFullName().equals("DXF:LINE")).toList();
        assertEquals(2, lines.size(), "the paper-space LINE is skipped");
        assertTrue(lines.get(0).identifier().matches("LINE:[0-9A-F]{16}"), lines.get(0).identifier());
        assertNotEquals(lines.get(0).identifier(), lines.get(1).identifier());
        List<Issue> warnings = first.issues("MissingHandle");
        assertEquals(2, warnings.size());
        assertEquals(Issue.Level.WARNING, warnings.get(0).level());
        assertEquals(lines.get(0).identifier(), warnings.get(0).identifier());

        RecordingContext second = extract(file, Map.of());
        assertEquals(lines.stream().map(Element::identifier).toList(), second.elements.stream()
                .filter(e -> e.classFullName().equals("DXF:LINE")).map(Element::identifier).toList());
    }

    @Test
    void skipsPaperSpaceAndKeepsAcisBodiesWithoutGeometry() throws Exception {
        RecordingContext ctx = extract(resource("text_unitless.dxf", dir), Map.of());
        assertTrue(ctx.elements.stream().noneMatch(e -> e.identifier().equals("42")));
        Issue paper = ctx.issues("PaperSpace").get(0);
        assertEquals(Issue.Level.INFO, paper.level());
        assertTrue(paper.message().startsWith("1 paper-space entity"), paper.message());

        Element solid = ctx.element("43");
        assertEquals("DXF:3DSOLID", solid.classFullName());
        assertNull(solid.geometry());
        assertNull(solid.placement());
        assertTrue(ctx.issues("UnsupportedGeometry").stream().anyMatch(i -> "43".equals(i.identifier())
                && i.level() == Issue.Level.WARNING));

        Element point = ctx.element("44");
        assertNull(point.geometry());
        assertBox(new Point3(7, 8, 9), new Point3(7, 8, 9), point.placement().bbox());
    }

    @Test
    void paperSpaceOfEveryLayoutIsSkippedByDefault() throws Exception {
        RecordingContext ctx = extract(resource("paper_space.dxf", dir), Map.of());
        assertEquals(List.of("40"), ctx.elements.stream().map(Element::identifier).toList());
        assertNull(attributes(ctx.element("40")).get("layout"));
        List<Issue> paper = ctx.issues("PaperSpace");
        assertEquals(1, paper.size(), ctx.issueText());
        assertEquals(Issue.Level.INFO, paper.get(0).level());
        assertTrue(paper.get(0).message().startsWith("2 paper-space entities"), paper.get(0).message());
        assertTrue(paper.get(0).message().contains("spaces"), "names the setting: " + paper.get(0).message());
    }

    @Test
    void spacesSettingAddsPaperSpaceLayoutsAsElements() throws Exception {
        Path file = resource("paper_space.dxf", dir);
        RecordingContext model = extract(file, Map.of());
        for (String spaces : List.of("all", "model,paper", " Paper , MODEL ")) {
            RecordingContext ctx = extract(file, Map.of(DxfConnector.SPACES, spaces));
            assertEquals(List.of("40", "41", "50"), ctx.elements.stream().map(Element::identifier).sorted().toList(),
                    spaces);
            assertEquals(content(model.element("40")), content(ctx.element("40")), "model space is unchanged");
            Map<String, Object> active = attributes(ctx.element("41"));
            assertEquals("paper", active.get("space"));
            assertEquals("Sheet A", active.get("layout"));
            Map<String, Object> other = attributes(ctx.element("50"));
            assertEquals("paper", other.get("space"));
            assertEquals("Sheet B", other.get("layout"), "entities of inactive layouts come from their block");
            assertBox(new Point3(0.09, 0.04, 0), new Point3(0.11, 0.06, 0), ctx.element("50").placement().bbox(),
                    1e-3);
            assertTrue(ctx.issues("PaperSpace").isEmpty(), ctx.issueText());
        }
    }

    @Test
    void spacesSettingPaperOnlySkipsModelSpace() throws Exception {
        RecordingContext ctx = extract(resource("paper_space.dxf", dir), Map.of(DxfConnector.SPACES, "paper"));
        assertEquals(List.of("41", "50"), ctx.elements.stream().map(Element::identifier).sorted().toList());
        assertTrue(ctx.issues("PaperSpace").get(0).message().startsWith("1 model-space entity was skipped"),
                ctx.issueText());
    }

    @Test
    void unknownSpacesSettingFallsBackToModelSpaceWithAWarning() throws Exception {
        RecordingContext ctx = extract(resource("paper_space.dxf", dir), Map.of(DxfConnector.SPACES, "layouts"));
        assertEquals(List.of("40"), ctx.elements.stream().map(Element::identifier).toList());
        assertTrue(ctx.issues("Settings").stream().anyMatch(i -> i.level() == Issue.Level.WARNING
                && i.message().contains("layouts")), ctx.issueText());
    }

    @Test
    void evaluatesSplinesEllipsesAndExtrudedCircles() throws Exception {
        RecordingContext ctx = extract(resource("curves.dxf", dir), Map.of());
        double[] bezier = world(ctx.element("60")).get(0);
        double maxY = 0;
        boolean apex = false;
        for (int i = 0; i < bezier.length; i += 3) {
            maxY = Math.max(maxY, bezier[i + 1]);
            apex |= Math.abs(bezier[i] - 1) < 1e-12 && Math.abs(bezier[i + 1] - 1) < 1e-12;
        }
        assertTrue(apex, "the quadratic Bezier (0,0) (1,2) (2,0) passes (1,1) at t = 1/2");
        assertEquals(1.0, maxY, 1e-12);
        assertArrayEquals(new double[] {2, 0, 0}, java.util.Arrays.copyOfRange(bezier, bezier.length - 3,
                bezier.length), EPS);

        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 2, 0, 0}, world(ctx.element("61")).get(0), EPS);
        assertTrue(ctx.issues("GeometryProblem").stream().anyMatch(i -> "61".equals(i.identifier())
                && i.message().contains("fit points")), ctx.issueText());

        Element ellipse = ctx.element("62");
        assertTrue(ellipse.geometry().polylines().get(0).closed());
        for (double[] line : world(ellipse)) {
            for (int i = 0; i < line.length; i += 3) {
                assertEquals(1.0, line[i] * line[i] / 4 + line[i + 1] * line[i + 1], 1e-9);
            }
        }
        assertBox(new Point3(-2, -1, 0), new Point3(2, 1, 0), ellipse.placement().bbox(), 1e-3);

        double[] circle = world(ctx.element("6E")).get(0);
        for (int i = 0; i < circle.length; i += 3) {
            assertEquals(-3, circle[i + 2], EPS, "OCS elevation 3 along -z");
            assertEquals(1.0, Math.hypot(circle[i] + 1, circle[i + 1] - 2), 1e-9, "centre (1,2) in OCS is (-1,2)");
        }
    }

    @Test
    void triangulatesFacesSolidsAndPolyfaceMeshes() throws Exception {
        RecordingContext ctx = extract(resource("curves.dxf", dir), Map.of());
        Geometry.Mesh face = ctx.element("63").geometry().meshes().get(0);
        assertEquals(2, face.triangles().length / 3);
        assertEquals(1.0, area(face), EPS);
        Geometry.Mesh solid = ctx.element("64").geometry().meshes().get(0);
        assertEquals(1.0, area(solid), EPS, "SOLID corners 1-2-4-3 cover the unit square once");
        Element polyface = ctx.element("65");
        assertEquals("DXF:POLYLINE", polyface.classFullName());
        Geometry.Mesh mesh = polyface.geometry().meshes().get(0);
        assertEquals(4, mesh.vertices().length / 3);
        assertEquals(3, mesh.triangles().length / 3, "a quad (2 triangles) and a triangle");
        assertEquals(1, ctx.elements.stream().filter(e -> e.classFullName().equals("DXF:POLYLINE")).count(),
                "VERTEX records are part of their POLYLINE");
    }

    @Test
    void drawsHatchBoundaryPaths() throws Exception {
        RecordingContext ctx = extract(resource("curves.dxf", dir), Map.of());
        Element hatch = ctx.element("6D");
        assertEquals("SOLID", attributes(hatch).get("pattern"));
        assertEquals(true, attributes(hatch).get("solidFill"));
        List<double[]> loops = world(hatch);
        assertEquals(2, loops.size());
        assertTrue(hatch.geometry().polylines().stream().allMatch(Geometry.Polyline::closed));
        double[] circle = loops.get(0);
        for (int i = 0; i < circle.length; i += 3) {
            assertEquals(1.0, Math.hypot(circle[i] - 1, circle[i + 1]), 1e-9, "two bulges of 1 make a circle");
        }
        double[] halfDisc = loops.get(1);
        double top = 0;
        for (int i = 0; i < halfDisc.length; i += 3) {
            assertTrue(halfDisc[i] >= 10 - EPS && halfDisc[i] <= 12 + EPS && halfDisc[i + 1] >= -EPS);
            top = Math.max(top, halfDisc[i + 1]);
        }
        assertEquals(1.0, top, 1e-9);
    }

    @Test
    void reportsGeolocationFromGeodata() throws Exception {
        RecordingContext ctx = extract(resource("geodata.dxf", dir), Map.of());
        assertEquals(1, ctx.geolocations.size(), ctx.issueText());
        Geolocation geo = ctx.geolocations.get(0);
        assertEquals(Geolocation.Kind.PROJECTED, geo.kind());
        assertEquals("EPSG:32632", geo.horizontalCrsId());
        assertPoint(new Point3(499_999, 5_399_998, 100), geo.origin());
        assertEquals(0, geo.rotation(), EPS);
    }

    @Test
    void headerOnlyChurnChangesNoElement() throws Exception {
        Path file = resource("units_mm.dxf", dir);
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String churned = text.replace("2459000.5", "2460123.25")
                .replace("{11111111-2222-3333-4444-555555555555}", "{99999999-8888-7777-6666-555555555555}");
        assertNotEquals(text, churned);
        Path other = Files.writeString(dir.resolve("churned.dxf"), churned, StandardCharsets.US_ASCII);
        RecordingContext before = extract(file, Map.of());
        RecordingContext after = extract(other, Map.of());
        assertEquals(before.elements.size(), after.elements.size());
        for (int i = 0; i < before.elements.size(); i++) {
            assertEquals(before.elements.get(i).identifier(), after.elements.get(i).identifier());
            assertEquals(content(before.elements.get(i)), content(after.elements.get(i)));
        }
    }

    @Test
    void refusesDwgFiles() throws Exception {
        Path dwg = dir.resolve("plan.dxf");
        byte[] bytes = new byte[256];
        System.arraycopy("AC1032".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 6);
        Files.write(dwg, bytes);
        ConnectorException e = assertThrows(ConnectorException.class, () -> extract(dwg, Map.of()));
        assertEquals(ConnectorException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("DWG") && e.getMessage().contains("AC1032"), e.getMessage());
    }

    @Test
    void reportsMalformedFilesWithLineAndPair() throws Exception {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> extract(resource("bad_real.dxf", dir), Map.of()));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        assertEquals(54, e.position().line());
        assertTrue(e.getMessage().contains("1.5x") && e.getMessage().contains("pair 27"), e.getMessage());
        assertTrue(e.describe().startsWith("line 54: "), e.describe());
    }

    @Test
    void checksCancellationAndReportsProgress() throws Exception {
        StringBuilder dxf = new StringBuilder("0\nSECTION\n2\nENTITIES\n");
        for (int i = 0; i < 2500; i++) {
            dxf.append("0\nLINE\n5\n").append(Integer.toHexString(0x100 + i)).append("\n8\n0\n10\n").append(i)
                    .append("\n20\n0\n11\n").append(i + 1).append("\n21\n0\n");
        }
        dxf.append("0\nENDSEC\n0\nEOF\n");
        Path file = Files.writeString(dir.resolve("many.dxf"), dxf);
        RecordingContext all = extract(file, Map.of());
        assertEquals(2500, all.elements.size());
        assertTrue(all.progress.size() >= 3, "progress every 1000 entities and at the end");
        long[] last = all.progress.get(all.progress.size() - 1);
        assertEquals(Files.size(file), last[0]);
        assertEquals(Files.size(file), last[1]);

        RecordingContext cancelling = new RecordingContext();
        cancelling.cancelAfter = 10;
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> new DxfConnector().extract(RecordingContext.sourceFile(file, Map.of()), cancelling));
        assertEquals(ConnectorException.Kind.CANCELLED, e.kind());
        assertTrue(cancelling.elements.size() < 1000);
    }

    @Test
    void declaresAGeometricTolerance() {
        assertEquals(1e-6, new DxfConnector().geometryTolerance());
    }

    /** @return the element's polylines in world coordinates */
    static List<double[]> world(Element element) {
        Point3 o = element.placement().origin();
        return element.geometry().polylines().stream().map(line -> {
            double[] p = line.points().clone();
            for (int i = 0; i < p.length; i += 3) {
                p[i] += o.x();
                p[i + 1] += o.y();
                p[i + 2] += o.z();
            }
            return p;
        }).toList();
    }

    private static double area(Geometry.Mesh mesh) {
        double[] v = mesh.vertices();
        int[] t = mesh.triangles();
        double sum = 0;
        for (int i = 0; i < t.length; i += 3) {
            double ax = v[t[i + 1] * 3] - v[t[i] * 3];
            double ay = v[t[i + 1] * 3 + 1] - v[t[i] * 3 + 1];
            double az = v[t[i + 1] * 3 + 2] - v[t[i] * 3 + 2];
            double bx = v[t[i + 2] * 3] - v[t[i] * 3];
            double by = v[t[i + 2] * 3 + 1] - v[t[i] * 3 + 1];
            double bz = v[t[i + 2] * 3 + 2] - v[t[i] * 3 + 2];
            double cx = ay * bz - az * by;
            double cy = az * bx - ax * bz;
            double cz = ax * by - ay * bx;
            sum += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
        }
        return sum;
    }

    static void assertPoint(Point3 expected, Point3 actual) {
        assertPoint(expected, actual, 1e-9);
    }

    static void assertPoint(Point3 expected, Point3 actual, double tolerance) {
        assertNotNull(actual);
        assertArrayEquals(new double[] {expected.x(), expected.y(), expected.z()},
                new double[] {actual.x(), actual.y(), actual.z()}, tolerance, "point " + actual);
    }

    static void assertBox(Point3 low, Point3 high, Box box) {
        assertBox(low, high, box, 1e-9);
    }

    static void assertBox(Point3 low, Point3 high, Box box, double tolerance) {
        assertNotNull(box);
        assertPoint(low, box.low(), tolerance);
        assertPoint(high, box.high(), tolerance);
    }
}
