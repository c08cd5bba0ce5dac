package io.sinter.connector.ifc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.Connector;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Point3;
import io.sinter.connector.api.Relationship;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector on small hand-written files of {@code src/test/resources/ifc}. */
class IfcConnectorTest {
    private static final String PROJECT = "0Project00000000000000";
    private static final String SITE = "0Site00000000000000000";
    private static final String BUILDING = "0Building0000000000000";
    private static final String STOREY = "0Storey000000000000000";
    private static final String WALL = "0Wall00000000000000000";
    private static final String WALL_TYPE = "0WallType0000000000000";
    private static final String DOOR = "0Door00000000000000000";
    private static final String OPENING = "0Opening00000000000000";
    private static final String ZONE = "0Zone00000000000000000";
    private static final double EPS = 1e-9;

    @TempDir
    Path temp;

    @Test
    void mapsTheSpatialStructureAndItsElements() throws Exception {
        RecordingContext context = Extractions.extract(Extractions.resource("house-2x3.ifc"));
        assertEquals(List.of(PROJECT, SITE, BUILDING, STOREY, WALL, WALL_TYPE, DOOR, OPENING, ZONE, "0Mystery00000000000000"),
                context.elements.stream().map(Element::identifier).toList(), "file order, relationships and property sets are no elements");
        Element wall = context.element(WALL);
        assertEquals("IfcRoot", wall.kind());
        assertEquals("IFC:IfcWallStandardCase", wall.classFullName());
        assertEquals("IfcWallStandardCase", wall.category());
        assertEquals("Wall 1", wall.userLabel());
        assertEquals("W-01", wall.codeValue());
        assertEquals("2092fbc0-0000-0000-0000-000000000000", wall.federationGuid());
        assertEquals(STOREY, wall.parentIdentifier());
        assertEquals(Map.of("Name", "Wall 1", "Description", "A wall", "ObjectType", "Basic Wall", "Tag", "W-01"),
                wall.properties().get("Attributes"));
        assertEquals(List.of(new Relationship("IfcRelAssignsToGroup", ZONE), new Relationship("IfcRelContainedInSpatialStructure", STOREY),
                new Relationship("IfcRelDefinesByType", WALL_TYPE), new Relationship("IfcRelVoidsElement", OPENING)), wall.relationships());
        // the wall has only a 'Box' representation: its IfcBoundingBox becomes a box mesh
        assertEquals(1, wall.geometry().meshes().size());
        assertEquals(8 * 3, wall.geometry().meshes().get(0).vertices().length);
        assertEquals(12 * 3, wall.geometry().meshes().get(0).triangles().length);

        assertEquals(SITE, context.element(BUILDING).parentIdentifier());
        assertEquals(BUILDING, context.element(STOREY).parentIdentifier());
        assertEquals(PROJECT, context.element(SITE).parentIdentifier());
        assertNull(context.element(PROJECT).parentIdentifier());
        assertNull(context.element(PROJECT).placement(), "the project is not placed");
        assertEquals(WALL, context.element(OPENING).parentIdentifier(), "an opening belongs to the element it voids");
        Element door = context.element(DOOR);
        assertEquals("Door \u00fc 1", door.userLabel(), "\\X2\\ decoded");
        assertEquals(List.of(new Relationship("IfcRelAssignsToGroup", ZONE), new Relationship("IfcRelContainedInSpatialStructure", STOREY),
                new Relationship("IfcRelFillsElement", OPENING)), door.relationships());
        assertEquals(Map.of("Name", "Door \u00fc 1", "Tag", "D-01", "OverallHeight", 2.1, "OverallWidth", 0.9),
                door.properties().get("Attributes"), "IFC2X3 door attributes, lengths in metres");
        assertEquals(3.0, ((Map<?, ?>) context.element(STOREY).properties().get("Attributes")).get("Elevation"));
        assertEquals(List.of(48L, 8L, 30L, 500000L), ((Map<?, ?>) context.element(SITE).properties().get("Attributes")).get("RefLatitude"));
    }

    @Test
    void resolvesNestedPlacementsInMetres() throws Exception {
        RecordingContext context = Extractions.extract(Extractions.resource("house-2x3.ifc"));
        assertEquals(List.of("MILLI METRE=0.001"), context.units);
        assertEquals(new Point3(1, 2, 0), context.element(SITE).placement().origin());
        double[] quarterTurn = {0, -1, 0, 1, 0, 0, 0, 0, 1};
        assertPlacement(context.element(BUILDING), new Point3(1, 2, 0.5), quarterTurn);
        assertPlacement(context.element(STOREY), new Point3(1, 2, 3.5), quarterTurn);
        assertPlacement(context.element(WALL), new Point3(1, 2.1, 3.5), quarterTurn);
        assertPlacement(context.element(DOOR), new Point3(1, 3.1, 3.5), quarterTurn);
        Box wallBox = context.element(WALL).placement().bbox();
        assertPoint(new Point3(0.8, 2.1, 3.5), wallBox.low());
        assertPoint(new Point3(1.0, 6.1, 6.5), wallBox.high());
        Box doorBox = context.element(DOOR).placement().bbox();
        assertEquals(doorBox.low(), doorBox.high(), "no IfcBoundingBox: the origin as a degenerate box");
    }

    @Test
    void readsPropertySetsQuantitiesAndInheritsFromTheType() throws Exception {
        Map<String, Object> wall = Extractions.extract(Extractions.resource("house-2x3.ifc")).element(WALL).properties();
        assertEquals(Map.of("IsExternal", true, "FireRating", "F30", "ThermalTransmittance", 0.25), wall.get("Pset_WallCommon"),
                "the type's FireRating inherited, its IsExternal=false overridden by the occurrence");
        Map<?, ?> custom = (Map<?, ?>) wall.get("Custom");
        assertEquals(List.of("Matt", "Gloss"), custom.get("Finish"));
        assertEquals(Map.of("upper", 30.0, "lower", -10.0), custom.get("Temperature"));
        assertEquals(List.of(0.1, 0.25), custom.get("Offsets"), "IfcLengthMeasure in millimetres to metres");
        assertEquals(Map.of("defining", List.of(1.0, 2.0), "defined", List.of(10.0, 20.0)), custom.get("Curve"));
        assertEquals(Map.of("Code", "L1", "Count", 3L), custom.get("Layer"));
        assertEquals(1.2, custom.get("Width"));
        assertEquals(Map.of("Length", 4.0, "NetSideArea", 12.0, "NetVolume", 2.4, "Openings", 1.0), wall.get("BaseQuantities"));
        assertEquals(Map.of("Names", List.of("Plaster", "Concrete"), "LayerSetName", "Wall 200",
                "Layers", List.of(Map.of("Material", "Plaster", "Thickness", 0.015), Map.of("Material", "Concrete", "Thickness", 0.185)),
                "LayerSetDirection", "AXIS2", "DirectionSense", "POSITIVE", "OffsetFromReferenceLine", -0.1), wall.get("Materials"));
        assertEquals(Map.of("MasterFormat", List.of(Map.of("Identification", "04 20 00", "Name", "Unit Masonry"))),
                wall.get("Classifications"), "the type's classification applies to the occurrence");

        Map<String, Object> type = Extractions.extract(Extractions.resource("house-2x3.ifc")).element(WALL_TYPE).properties();
        assertEquals(Map.of("IsExternal", false, "FireRating", "F30"), type.get("Pset_WallCommon"), "HasPropertySets of the type");
        assertEquals(Map.of("Names", List.of("Concrete")), type.get("Materials"));
    }

    @Test
    void reportsSiteCoordinatesRotatedByTrueNorth() throws Exception {
        RecordingContext context = Extractions.extract(Extractions.resource("house-2x3.ifc"));
        Geolocation geolocation = context.geolocations.get(0);
        assertEquals(1, context.geolocations.size());
        assertEquals(Geolocation.Kind.GEOGRAPHIC, geolocation.kind());
        assertEquals(11 + 34 / 60.0, geolocation.origin().x(), EPS);
        assertEquals(48 + 8 / 60.0 + 30.5 / 3600, geolocation.origin().y(), EPS);
        assertEquals(520, geolocation.origin().z(), EPS, "RefElevation in millimetres");
        assertEquals(-Math.PI / 2, geolocation.rotation(), EPS, "true north along -x: the file's x axis points south");
    }

    @Test
    void readsEntitiesMissingFromTheTableAsProducts() throws Exception {
        RecordingContext context = Extractions.extract(Extractions.resource("house-2x3.ifc"));
        Element mystery = context.element("0Mystery00000000000000");
        assertEquals("IFC:IfcFlowsegmentx", mystery.classFullName());
        assertEquals("Mystery", mystery.userLabel());
        assertEquals(STOREY, mystery.parentIdentifier());
        assertEquals(new Point3(1, 2.1, 3.5), mystery.placement().origin());
        assertEquals(1, context.issues("UnsupportedEntity").size());
        assertTrue(context.classes.contains(new ClassDefinition("IFC:IfcFlowsegmentx", "IFC:IfcProduct",
                "not in the connector's IFC2X3 schema table")));
        assertTrue(context.classes.contains(new ClassDefinition("IFC:IfcWallStandardCase", "IFC:IfcWall", null)));
        assertTrue(context.classes.contains(new ClassDefinition("IFC:IfcRoot", null, null)));
        assertEquals(context.classes.size(), context.classes.stream().distinct().count(), "each class declared once");
    }

    @Test
    void reportsTheMapConversionAndIgnoresTheSiteCoordinates() throws Exception {
        RecordingContext context = Extractions.extract(Extractions.resource("georeferenced-4.ifc"));
        assertEquals(List.of(new Geolocation(Geolocation.Kind.PROJECTED, "EPSG:25832", "DHHN2016", new Point3(500000, 5700000, 100),
                Math.atan2(0.5, 0.866025403784439), 1.0)), context.geolocations, "Scale 0.001 maps millimetres to metres: 1 per file metre");
        assertEquals(1, context.issues("Georeferencing").size(), context.toString());
        Element proxy = context.element("0Proxy0000000000000000");
        assertEquals(Map.of("Name", "Proxy", "Tag", "P-1", "PredefinedType", "USERDEFINED"), proxy.properties().get("Attributes"));
        assertEquals(Map.of("Colour", "red"), proxy.properties().get("Pset_Type"), "IFC4 type property set related by IfcRelDefinesByProperties");
        assertEquals(Map.of("Range", Map.of("upper", 2.0, "lower", 1.0, "setPoint", 1.5)), proxy.properties().get("Pset_Bounded"),
                "set related through an IfcPropertySetDefinitionSet");
        assertEquals(new Point3(1, 0, 0), proxy.placement().origin());
        assertEquals(Map.of("Name", "Window", "OverallHeight", 1.2, "OverallWidth", 0.8, "PredefinedType", "WINDOW",
                "PartitioningType", "SINGLE_PANEL"), context.element("0Window000000000000000").properties().get("Attributes"));
    }

    @Test
    void doesNotGeoreferenceAbsoluteSiteCoordinatesTwice() throws Exception {
        String text = Files.readString(Extractions.resource("georeferenced-4.ifc"));
        Path file = write("absolute.ifc", text.replace("#33=IFCCARTESIANPOINT((0.,0.,0.));", "#33=IFCCARTESIANPOINT((500000000.,5700000000.,0.));"));
        RecordingContext context = Extractions.extract(file);
        Geolocation geolocation = context.geolocations.get(0);
        assertEquals("EPSG:25832", geolocation.horizontalCrsId());
        assertEquals(Point3.ORIGIN, geolocation.origin(), "the map conversion's offset is not applied on top of absolute coordinates");
        assertEquals(0, geolocation.rotation());
        assertTrue(context.issues("Georeferencing").stream().anyMatch(i -> i.message().contains("absolute coordinates")), context.toString());
        assertEquals(new Point3(500001, 5700000, 0), context.element("0Proxy0000000000000000").placement().origin());
    }

    @Test
    void correctsAnInvertedMapScale() throws Exception {
        String text = Files.readString(Extractions.resource("georeferenced-4.ifc"));
        RecordingContext context = Extractions.extract(write("inverted.ifc", text.replace("0.866025403784439,0.5,0.001)", "0.866025403784439,0.5,1000.)")));
        assertEquals(1.0, context.geolocations.get(0).scale(), EPS);
        assertTrue(context.issues("Georeferencing").stream().anyMatch(i -> i.message().contains("inverse")));
        RecordingContext noScale = Extractions.extract(write("noscale.ifc", text.replace("0.866025403784439,0.5,0.001)", "0.866025403784439,0.5,$)")));
        assertEquals(1.0, noScale.geolocations.get(0).scale(), EPS, "no Scale: the units decide");
    }

    @Test
    void convertsFeetAndDegrees() throws Exception {
        String text = Files.readString(Extractions.resource("house-2x3.ifc"))
                .replace("#10=IFCUNITASSIGNMENT((#11,#12,#13,#14));", "#10=IFCUNITASSIGNMENT((#19,#12,#13,#14));\n"
                        + "#19=IFCCONVERSIONBASEDUNIT(#16,.LENGTHUNIT.,'FOOT',#23);\n#23=IFCMEASUREWITHUNIT(IFCLENGTHMEASURE(0.3048),#15);");
        RecordingContext context = Extractions.extract(write("feet.ifc", text));
        assertEquals(List.of("FOOT=0.3048"), context.units);
        assertEquals(3000 * 0.3048, ((Map<?, ?>) context.element(STOREY).properties().get("Attributes")).get("Elevation"));
        assertEquals(1000 * 0.3048, context.element(SITE).placement().origin().x(), EPS);
    }

    @Test
    void contentDoesNotDependOnIdsOrderWhitespaceOrEscapes() throws Exception {
        Path original = Extractions.resource("house-2x3.ifc");
        String text = Files.readString(original, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("DATA;") + "DATA;".length();
        int end = text.indexOf("ENDSEC;", start);
        List<String> lines = new ArrayList<>(List.of(text.substring(start, end).strip().split("\n")));
        Collections.reverse(lines);
        StringBuilder data = new StringBuilder();
        for (String line : lines) {
            data.append(renumber(line).replace(",", " ,\t").replace("=", " = ")).append("\r\n");
        }
        String changed = text.substring(0, start).replace("\n", "\r\n") + "\r\n" + data
                + text.substring(end).replace("\n", "\r\n");
        changed = changed.replace("'Wall 1'", "'\\X2\\0057\\X0\\all 1'").replace("'Door \\X2\\00FC\\X0\\ 1'", "'Door \\S\\| 1'");
        Path renumbered = write("renumbered.ifc", changed, StandardCharsets.ISO_8859_1);
        assertEquals(Extractions.contentByIdentifier(Extractions.extract(original)),
                Extractions.contentByIdentifier(Extractions.extract(renumbered)));
    }

    /** Maps {@code #n} to {@code #(100000 - 7n)}: other ids, another order. */
    private static String renumber(String line) {
        Matcher m = Pattern.compile("#(\\d+)").matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "#" + (100000 - 7 * Long.parseLong(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void readsIfcZip() throws Exception {
        Path zip = temp.resolve("house.ifczip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            zipped.putNextEntry(new ZipEntry("model/house-2x3.ifc"));
            zipped.write(Files.readAllBytes(Extractions.resource("house-2x3.ifc")));
            zipped.closeEntry();
        }
        RecordingContext context = Extractions.extract(zip);
        assertEquals(Extractions.contentByIdentifier(Extractions.extract(Extractions.resource("house-2x3.ifc"))),
                Extractions.contentByIdentifier(context));
        try (var files = Files.list(temp)) {
            assertEquals(List.of(zip), files.toList(), "the unpacked copy is deleted");
        }
        Path broken = write("broken.ifczip", "not a zip");
        ConnectorException e = assertThrows(ConnectorException.class, () -> Extractions.extract(broken));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
    }

    @Test
    void reportsSyntaxErrorsWithTheirPosition() throws Exception {
        String text = Files.readString(Extractions.resource("house-2x3.ifc"));
        Path broken = write("broken.ifc", text.replace("#60=IFCWALLSTANDARDCASE('0Wall00000000000000000',$,'Wall 1'",
                "#60=IFCWALLSTANDARDCASE('0Wall00000000000000000',$,'Wall 1''"));
        ConnectorException e = assertThrows(ConnectorException.class, () -> Extractions.extract(broken));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        long line = text.substring(0, text.indexOf("#60=")).chars().filter(c -> c == '\n').count() + 1;
        assertTrue(e.position().line() >= line, e.describe());
        assertTrue(e.position().byteOffset() > 0, e.describe());
        assertTrue(e.describe().startsWith("line "), e.describe());
    }

    @Test
    void refusesOtherSchemas() throws Exception {
        String text = Files.readString(Extractions.resource("house-2x3.ifc"));
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> Extractions.extract(write("cis2.ifc", text.replace("FILE_SCHEMA(('IFC2X3'));", "FILE_SCHEMA(('STRUCTURAL_FRAME_SCHEMA'));"))));
        assertEquals(ConnectorException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("STRUCTURAL_FRAME_SCHEMA"), e.getMessage());
    }

    @Test
    void emitsDuplicateGlobalIdsAndFlagsInvalidOnes() throws Exception {
        String text = Files.readString(Extractions.resource("house-2x3.ifc"))
                .replace("'0Door00000000000000000'", "'0Wall00000000000000000'")
                .replace("'0Zone00000000000000000'", "'0Zone00000000000000000.1'");
        RecordingContext context = Extractions.extract(write("duplicates.ifc", text));
        assertEquals(2, context.elements.stream().filter(e -> e.identifier().equals(WALL)).count(), "core makes them unique");
        Element zone = context.element("0Zone00000000000000000.1");
        assertNull(zone.federationGuid(), "no UUID for an invalid GlobalId: core assigns a random one");
        assertEquals(1, context.issues("InvalidGlobalId").size());
    }

    @Test
    void pairsRenumberedElementsByContent() {
        assertEquals(Connector.Rematch.BY_CONTENT, new IfcConnector().rematch());
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text, StandardCharsets.UTF_8);
    }

    private Path write(String name, String text, java.nio.charset.Charset charset) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text, charset);
        return file;
    }

    private static void assertPlacement(Element element, Point3 origin, double[] rotation) {
        assertPoint(origin, element.placement().origin());
        double[] actual = element.placement().rotation();
        for (int i = 0; i < 9; i++) {
            assertEquals(rotation[i], actual[i], EPS, element + " rotation " + i);
        }
    }

    private static void assertPoint(Point3 expected, Point3 actual) {
        assertEquals(expected.x(), actual.x(), EPS, "x of " + actual);
        assertEquals(expected.y(), actual.y(), EPS, "y of " + actual);
        assertEquals(expected.z(), actual.z(), EPS, "z of " + actual);
    }
}
