package io.sinter.core.internal.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementContentTest {
    private static final String CAFE_NFC = "Caf\u00e9";
    private static final String CAFE_NFD = "Cafe\u0301";

    private static Element.Builder wall(String id) {
        return Element.builder("IfcRoot", id, "IFC:IfcWall")
                .category("IfcWall")
                .parent("storey-1")
                .codeValue("W-01")
                .userLabel("Basic Wall")
                .placement(new Placement(new Point3(1.25, 2, 0), new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1},
                        new Box(new Point3(1, 1, 0), new Point3(1.5, 3, 3))))
                .geometry(new Geometry(List.of(square(0)), List.of()));
    }

    private static Geometry.Mesh square(double shift) {
        return new Geometry.Mesh(new double[] {shift, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0}, new int[] {0, 1, 2, 0, 2, 3});
    }

    @Test
    void contentHasTheSynchronizedFieldsInCanonicalForm() {
        Element e = wall("2O2Fr$t4X7Zf8NOew3FLOH")
                .property("Pset_WallCommon", "IsExternal", true)
                .relationship("IfcRelVoidsElement", "b")
                .relationship("IfcRelConnectsElements", "c")
                .relationship("IfcRelConnectsElements", "a")
                .build();
        String json = CanonicalJson.write(ElementContent.content(e));
        assertTrue(json.startsWith("{\"category\":\"IfcWall\",\"classFullName\":\"IFC:IfcWall\",\"codeValue\":\"W-01\",\"geometry\":\""), json);
        assertTrue(json.contains("\"parent\":\"storey-1\""), json);
        assertTrue(json.contains("\"placement\":{\"bbox\":{\"high\":[1.5,3,3],\"low\":[1,1,0]},\"origin\":[1.25,2,0],"
                + "\"rotation\":[[0,-1,0],[1,0,0],[0,0,1]]}"), json);
        assertTrue(json.contains("\"properties\":{\"Pset_WallCommon\":{\"IsExternal\":true}}"), json);
        assertTrue(json.endsWith("\"relationships\":[{\"target\":\"a\",\"type\":\"IfcRelConnectsElements\"},"
                + "{\"target\":\"c\",\"type\":\"IfcRelConnectsElements\"},{\"target\":\"b\",\"type\":\"IfcRelVoidsElement\"}],"
                + "\"userLabel\":\"Basic Wall\"}"), json);
        assertTrue(!json.contains("2O2Fr$t4X7Zf8NOew3FLOH"), "the element's own identifier is not content");
        assertEquals(64, ElementContent.checksum(e).length());
    }

    @Test
    void checksumIgnoresPropertyInsertionOrder() {
        Element one = wall("x").property("Pset_A", "a", 1L).property("Pset_A", "b", "two").property("Pset_B", "c", 3.5).build();
        Element two = wall("x").property("Pset_B", "c", 3.5).property("Pset_A", "b", "two").property("Pset_A", "a", 1L).build();
        assertEquals(ElementContent.checksum(one), ElementContent.checksum(two));
    }

    @Test
    void checksumIgnoresRelationshipOrder() {
        Element one = wall("x").relationship("R1", "t2").relationship("R1", "t1").relationship("R0", "t9").build();
        Element two = wall("x").relationship("R0", "t9").relationship("R1", "t1").relationship("R1", "t2").build();
        assertEquals(ElementContent.checksum(one), ElementContent.checksum(two));
    }

    @Test
    void checksumIgnoresUnicodeNormalizationForm() {
        assertEquals(CAFE_NFC, Normalizer.normalize(CAFE_NFD, Normalizer.Form.NFC));
        Element nfc = wall("x").userLabel(CAFE_NFC).property("Pset_" + CAFE_NFC, "Name", CAFE_NFC)
                .property("Pset_A", "list", List.of(CAFE_NFC, 1L)).build();
        Element nfd = wall("x").userLabel(CAFE_NFD).property("Pset_" + CAFE_NFD, "Name", CAFE_NFD)
                .property("Pset_A", "list", List.of(CAFE_NFD, 1L)).build();
        assertEquals(ElementContent.checksum(nfc), ElementContent.checksum(nfd));
        assertEquals(ElementContent.checksums(nfc), ElementContent.checksums(nfd));
    }

    @Test
    void checksumIgnoresCoordinateDifferencesBelowTheRounding() {
        Element one = Element.builder("Entity", "1F", "DXF:LINE")
                .placement(new Placement(new Point3(10.1234561, 0, -0.0), new double[] {1, 1e-11, 0, 0, 1, 0, 0, 0, 1},
                        new Box(new Point3(10.1234561, 0, 0), new Point3(12, 1, 0))))
                .geometry(new Geometry(List.of(), List.of(new Geometry.Polyline(new double[] {0, 0, 0, 1.00000004, 0, 0}, false))))
                .build();
        Element two = Element.builder("Entity", "1F", "DXF:LINE")
                .placement(new Placement(new Point3(10.12345605, 0, 0.0), null,
                        new Box(new Point3(10.12345608, 0, 0), new Point3(12.00000001, 1, 0))))
                .geometry(new Geometry(List.of(), List.of(new Geometry.Polyline(new double[] {0, 0, 0, 1, 0, 0}, false))))
                .build();
        assertEquals(ElementContent.checksum(one), ElementContent.checksum(two));
        Element moved = Element.builder("Entity", "1F", "DXF:LINE")
                .placement(new Placement(new Point3(10.123457, 0, 0), null,
                        new Box(new Point3(10.12345608, 0, 0), new Point3(12.00000001, 1, 0))))
                .geometry(new Geometry(List.of(), List.of(new Geometry.Polyline(new double[] {0, 0, 0, 1, 0, 0}, false))))
                .build();
        assertNotEquals(ElementContent.checksum(one), ElementContent.checksum(moved));
    }

    @Test
    void aChangedPropertyChangesTheChecksum() {
        Element before = wall("x").property("Qto_WallBaseQuantities", "Height", 3.0).build();
        Element after = wall("x").property("Qto_WallBaseQuantities", "Height", 1.5).build();
        assertNotEquals(ElementContent.checksum(before), ElementContent.checksum(after));
        assertNotEquals(ElementContent.contentChecksum(before), ElementContent.contentChecksum(after));
        assertNotEquals(ElementContent.nonGeometricChecksum(before), ElementContent.nonGeometricChecksum(after));
    }

    @Test
    void everySynchronizedFieldReachesTheChecksum() {
        String base = ElementContent.checksum(wall("x").build());
        List<Element> variants = List.of(
                wall("x").category("Other").build(),
                wall("x").parent("storey-2").build(),
                wall("x").codeValue("W-02").build(),
                wall("x").userLabel("Wall").build(),
                wall("x").relationship("R", "t").build(),
                wall("x").placement(Placement.at(Point3.ORIGIN, null)).build(),
                wall("x").geometry(new Geometry(List.of(square(0.5)), List.of())).build(),
                Element.builder("IfcRoot", "x", "IFC:IfcWallStandardCase").category("IfcWall").parent("storey-1")
                        .codeValue("W-01").userLabel("Basic Wall").placement(wall("x").build().placement())
                        .geometry(wall("x").build().geometry()).build());
        for (Element variant : variants) {
            assertNotEquals(base, ElementContent.checksum(variant), variant::toString);
        }
        assertEquals(base, ElementContent.checksum(wall("x").version("rev 2").federationGuid("6a2f...").build()),
                "version and federation GUID are not compared");
        assertEquals(base, ElementContent.checksum(wall("other-identifier").build()), "the own identifier is not content");
    }

    @Test
    void contentChecksumIgnoresIdentifiersButKeepsRelationshipTypes() {
        Element before = wall("a").parent("p1").relationship("R", "t1").relationship("R", "t2").build();
        Element renumbered = wall("b").parent("p9").relationship("R", "t8").relationship("R", "t7").build();
        assertNotEquals(ElementContent.checksum(before), ElementContent.checksum(renumbered));
        assertEquals(ElementContent.contentChecksum(before), ElementContent.contentChecksum(renumbered));
        assertNotEquals(ElementContent.contentChecksum(before),
                ElementContent.contentChecksum(wall("a").parent("p1").relationship("R", "t1").build()),
                "relationship multiplicity counts");
        assertNotEquals(ElementContent.contentChecksum(before),
                ElementContent.contentChecksum(wall("a").parent(null).relationship("R", "t1").relationship("R", "t2").build()),
                "having a parent counts");
    }

    @Test
    void checksumWithRenamedReferencesMatchesTheStoredOne() {
        Element stored = wall("a").parent("p1").relationship("R", "t1").build();
        Element renumbered = wall("b").parent("p9").relationship("R", "t8").build();
        Map<String, String> previous = Map.of("p9", "p1", "t8", "t1");
        assertEquals(ElementContent.checksum(stored),
                ElementContent.checksum(renumbered, id -> previous.getOrDefault(id, id)));
    }

    @Test
    void nonGeometricChecksumIgnoresPlacementAndGeometry() {
        Element one = wall("x").build();
        Element moved = wall("x").placement(Placement.at(new Point3(5, 5, 5), null))
                .geometry(new Geometry(List.of(square(0.25)), List.of())).build();
        assertEquals(ElementContent.nonGeometricChecksum(one), ElementContent.nonGeometricChecksum(moved));
        assertNotEquals(ElementContent.contentChecksum(one), ElementContent.contentChecksum(moved));
    }

    @Test
    void checksumsAgreeWithTheSingleMethods() {
        Element e = wall("x").property("P", "v", 2L).relationship("R", "t").build();
        ElementContent.Checksums all = ElementContent.checksums(e);
        assertEquals(ElementContent.checksum(e), all.checksum());
        assertEquals(ElementContent.contentChecksum(e), all.contentChecksum());
        assertEquals(ElementContent.nonGeometricChecksum(e), all.nonGeometricChecksum());
    }

    @Test
    void analysisGivesTheCanonicalContentItsChecksumHashes() {
        List<Element> elements = List.of(
                wall("x").property("P", "v", 2L).property("P", CAFE_NFD, 1.5).relationship("R", "t").build(),
                Element.builder("Row", "E-1", "CSV:Wall").category("CSV").codeValue("E-1").userLabel(null)
                        .property("Columns", "height", 2.5).property("Columns", "remark", "fire rated, \"30\" min\n").build(),
                Element.builder("Entity", "1F", "DXF:LINE").version("7").build());
        for (Element e : elements) {
            ElementContent.Analysis analysis = ElementContent.analyse(e);
            assertEquals(ElementContent.checksums(e), analysis.checksums());
            assertEquals(CanonicalJson.write(ElementContent.content(e)), analysis.contentJson());
            assertEquals(ElementContent.checksum(e), Hashes.sha256Hex(analysis.contentJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(ElementContent.content(e));
            body.put("version", e.version());
            assertEquals(CanonicalJson.write(body), analysis.contentJsonWith("version", e.version()));
        }
        assertThrows(IllegalArgumentException.class, () -> ElementContent.analyse(elements.get(0)).contentJsonWith("category", "x"));
    }

    @Test
    void geometryDigestIgnoresTriangleOrderVertexIndexingAndMeshSplit() {
        Geometry reference = new Geometry(List.of(square(0)), List.of());
        Geometry reindexed = new Geometry(List.of(new Geometry.Mesh(
                new double[] {0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0}, new int[] {2, 0, 1, 1, 3, 2 /* wrong */})), List.of());
        Geometry reordered = new Geometry(List.of(new Geometry.Mesh(
                new double[] {0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0}, new int[] {1, 0, 2, 3, 1, 2})), List.of());
        Geometry split = new Geometry(List.of(
                new Geometry.Mesh(new double[] {0, 0, 0, 1, 1, 0, 0, 1, 0}, new int[] {1, 2, 0}),
                new Geometry.Mesh(new double[] {1, 1, 0, 0, 0, 0, 1, 0, 0, 7, 7, 7}, new int[] {2, 0, 1})), List.of());
        String digest = ElementContent.geometryDigest(reference);
        assertEquals(digest, ElementContent.geometryDigest(reordered));
        assertEquals(digest, ElementContent.geometryDigest(split));
        assertNotEquals(digest, ElementContent.geometryDigest(reindexed));
    }

    @Test
    void geometryDigestKeepsWindingAndPolylineDirection() {
        Geometry ccw = new Geometry(List.of(new Geometry.Mesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2})), List.of());
        Geometry cw = new Geometry(List.of(new Geometry.Mesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 2, 1})), List.of());
        assertNotEquals(ElementContent.geometryDigest(ccw), ElementContent.geometryDigest(cw));
        Geometry.Polyline forward = new Geometry.Polyline(new double[] {0, 0, 0, 1, 0, 0}, false);
        Geometry.Polyline backward = new Geometry.Polyline(new double[] {1, 0, 0, 0, 0, 0}, false);
        Geometry.Polyline closed = new Geometry.Polyline(new double[] {0, 0, 0, 1, 0, 0}, true);
        String digest = ElementContent.geometryDigest(new Geometry(List.of(), List.of(forward, closed)));
        assertEquals(digest, ElementContent.geometryDigest(new Geometry(List.of(), List.of(closed, forward))));
        assertNotEquals(digest, ElementContent.geometryDigest(new Geometry(List.of(), List.of(backward, closed))));
        assertNotEquals(digest, ElementContent.geometryDigest(new Geometry(List.of(), List.of(forward, forward))));
        assertNull(ElementContent.geometryDigest(null));
        assertNull(ElementContent.geometryDigest(new Geometry(List.of(), List.of())));
    }

    @Test
    void placementRoundsAndNormalisesNegativeZero() {
        Map<String, Object> placement = ElementContent.placement(new Placement(new Point3(-0.0, -0.0000004, 0.0000006),
                new double[] {0.7071067811865476, -0.7071067811865475, 0, 0.7071067811865475, 0.7071067811865476, 0, 0, 0, -0.0},
                null));
        assertEquals("{\"bbox\":null,\"origin\":[0,0,0.000001],"
                + "\"rotation\":[[0.707106781,-0.707106781,0],[0.707106781,0.707106781,0],[0,0,0]]}",
                CanonicalJson.write(placement));
    }

    @Test
    void rejectsCoordinatesJsonCannotHold() {
        Element nan = Element.builder("Row", "1", "CSV:Row").placement(Placement.at(new Point3(Double.NaN, 0, 0), null)).build();
        assertThrows(IllegalArgumentException.class, () -> ElementContent.checksum(nan));
        Element far = Element.builder("Row", "1", "CSV:Row").placement(Placement.at(new Point3(1e13, 0, 0), null)).build();
        assertThrows(IllegalArgumentException.class, () -> ElementContent.checksum(far));
    }

    @Test
    void normalizeKeepsOneOfTwoCanonicallyEquivalentKeysWhateverTheOrder() {
        Map<String, Object> nfcFirst = new java.util.LinkedHashMap<>();
        nfcFirst.put(CAFE_NFC, 1L);
        nfcFirst.put(CAFE_NFD, 2L);
        Map<String, Object> nfdFirst = new java.util.LinkedHashMap<>();
        nfdFirst.put(CAFE_NFD, 2L);
        nfdFirst.put(CAFE_NFC, 1L);
        assertEquals(ElementContent.normalize(nfcFirst), ElementContent.normalize(nfdFirst));
        assertEquals(Map.of(CAFE_NFC, 2L), ElementContent.normalize(nfcFirst), "NFD 'e\u0301' sorts below NFC '\u00e9'");
    }
}
