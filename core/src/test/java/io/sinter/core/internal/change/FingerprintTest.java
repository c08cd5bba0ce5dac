package io.sinter.core.internal.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static Element.Builder wall(String id) {
        return Element.builder("IfcRoot", id, "IFC:IfcWall")
                .category("IfcWall")
                .parent("storey-1")
                .codeValue("W-01")
                .userLabel("Basic Wall")
                .placement(new Placement(new Point3(1.25, 2, 0), new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1},
                        new Box(new Point3(1, 1, 0), new Point3(1.5, 3, 3))))
                .geometry(new Geometry(List.of(new Geometry.Mesh(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0}, new int[] {0, 1, 2})),
                        List.of(new Geometry.Polyline(new double[] {0, 0, 0, 2, 0, 0}, false))))
                .property("Pset_WallCommon", "IsExternal", true)
                .property("Pset_WallCommon", "Width", new BigDecimal("0.25"))
                .property("Pset_WallCommon", "Layers", 3L)
                .property("Identity", "Name", "Basic Wall:200mm")
                .relationship("IfcRelAggregates", "storey-1")
                .relationship("IfcRelConnectsElements", "wall-2");
    }

    private static Fingerprint of(Element.Builder builder) {
        return Fingerprint.of(builder.build());
    }

    @Test
    void theSameElementGivenTwiceHasTheSameFingerprintWhateverItsIdentifierGuidAndVersion() {
        Fingerprint first = of(wall("a"));
        assertEquals(first, of(wall("a")));
        assertEquals(first, of(wall("b").federationGuid("0b7e4a1c-8d3f-4a8e-9f1e-2b3c4d5e6f70").version("7")),
                "identifier, federation GUID and version are not content");
    }

    @Test
    void everyPartOfTheContentChangesTheFingerprint() {
        Fingerprint base = of(wall("a"));
        Map<String, UnaryOperator<Element.Builder>> changes = new LinkedHashMap<>();
        changes.put("category", b -> b.category("Walls"));
        changes.put("parent", b -> b.parent("storey-2"));
        changes.put("code", b -> b.codeValue("W-02"));
        changes.put("label", b -> b.userLabel("Basic Wall 2"));
        changes.put("origin", b -> b.placement(new Placement(new Point3(1.25, 2, 0.000001), new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1},
                new Box(new Point3(1, 1, 0), new Point3(1.5, 3, 3)))));
        changes.put("rotation", b -> b.placement(new Placement(new Point3(1.25, 2, 0), null, new Box(new Point3(1, 1, 0), new Point3(1.5, 3, 3)))));
        changes.put("no box", b -> b.placement(new Placement(new Point3(1.25, 2, 0), new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1}, null)));
        changes.put("no placement", b -> b.placement(null));
        changes.put("a value", b -> b.property("Pset_WallCommon", "Layers", 4L));
        changes.put("a value's type", b -> b.property("Pset_WallCommon", "Layers", "3"));
        changes.put("a decimal", b -> b.property("Pset_WallCommon", "Width", new BigDecimal("0.26")));
        changes.put("a boolean", b -> b.property("Pset_WallCommon", "IsExternal", false));
        changes.put("a text", b -> b.property("Identity", "Name", "Basic Wall:201mm"));
        changes.put("one property more", b -> b.property("Identity", "Mark", "x"));
        changes.put("a relationship more", b -> b.relationship("IfcRelConnectsElements", "wall-3"));
        changes.put("a vertex", b -> b.geometry(new Geometry(List.of(new Geometry.Mesh(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 1e-9},
                new int[] {0, 1, 2})), List.of(new Geometry.Polyline(new double[] {0, 0, 0, 2, 0, 0}, false)))));
        changes.put("a closed polyline", b -> b.geometry(new Geometry(List.of(new Geometry.Mesh(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0},
                new int[] {0, 1, 2})), List.of(new Geometry.Polyline(new double[] {0, 0, 0, 2, 0, 0}, true)))));
        changes.put("no geometry", b -> b.geometry(null));
        for (Map.Entry<String, UnaryOperator<Element.Builder>> change : changes.entrySet()) {
            assertNotEquals(base, of(change.getValue().apply(wall("a"))), change.getKey());
        }
        assertNotEquals(base, Fingerprint.of(Element.builder("IfcRoot", "a", "IFC:IfcSlab").build()), "class");
    }

    @Test
    void valuesDoNotRunIntoEachOther() {
        assertNotEquals(of(Element.builder("Row", "1", "CSV:Row").property("P", "a", "bc").property("P", "d", "e")),
                of(Element.builder("Row", "1", "CSV:Row").property("P", "a", "b").property("P", "cd", "e")));
        assertNotEquals(of(Element.builder("Row", "1", "CSV:Row").codeValue("ab")),
                of(Element.builder("Row", "1", "CSV:Row").userLabel("ab")), "the same text in another field");
        assertNotEquals(of(Element.builder("Row", "1", "CSV:Row").property("P", "n", 1L)),
                of(Element.builder("Row", "1", "CSV:Row").property("P", "n", new BigDecimal("1"))), "1 and 1.0 as given");
    }

    @Test
    void equalFingerprintsMeanEqualChecksums() {
        // the fingerprint is a shortcut for the checksum: whatever gives the same fingerprint gives the same checksum
        Element a = wall("a").build();
        Element b = wall("zz").federationGuid("0b7e4a1c-8d3f-4a8e-9f1e-2b3c4d5e6f70").build();
        assertEquals(Fingerprint.of(a), Fingerprint.of(b));
        assertEquals(ElementContent.checksums(a).checksum(), ElementContent.checksums(b).checksum());
        // the converse does not hold: another property order, the same checksum
        Element c = Element.builder("Row", "1", "CSV:Row").property("P", "x", 1L).property("P", "y", 2L).build();
        Element d = Element.builder("Row", "1", "CSV:Row").property("P", "y", 2L).property("P", "x", 1L).build();
        assertEquals(ElementContent.checksums(c).checksum(), ElementContent.checksums(d).checksum());
        assertNotEquals(Fingerprint.of(c), Fingerprint.of(d));
    }

    @Test
    void itsTextFormReadsBack() {
        Fingerprint f = of(wall("a"));
        assertEquals(32, f.toString().length());
        assertEquals(f, Fingerprint.parse(f.toString()));
        assertEquals(new Fingerprint(-1, 1), Fingerprint.parse(new Fingerprint(-1, 1).toString()));
        assertNull(Fingerprint.parse(null));
        assertNull(Fingerprint.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("abc"));
    }
}
