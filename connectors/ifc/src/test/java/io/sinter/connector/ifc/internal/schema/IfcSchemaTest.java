package io.sinter.connector.ifc.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.ifc.internal.step.IfcSchemaVersion;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class IfcSchemaTest {

    private static List<String> names(IfcSchemaVersion version, String entity) {
        return IfcSchema.of(version).entity(entity).orElseThrow().attributes().stream().map(Attribute::name).toList();
    }

    @Test
    void inheritsAttributesAlongTheExpressSupertypes() {
        List<String> product = List.of("GlobalId", "OwnerHistory", "Name", "Description", "ObjectType", "ObjectPlacement", "Representation");
        for (IfcSchemaVersion version : IfcSchemaVersion.values()) {
            assertEquals(product, names(version, "IFCPRODUCT"), version.name());
            assertEquals("Tag", names(version, "IfcWall").get(7), version.name());
        }
    }

    @Test
    void knowsTheDifferencesBetweenIfc2x3AndIfc4() {
        assertEquals(8, names(IfcSchemaVersion.IFC2X3, "IfcWall").size(), "IFC2X3 IfcWall has no PredefinedType");
        assertEquals("PredefinedType", names(IfcSchemaVersion.IFC4, "IfcWall").get(8));
        assertEquals(List.of("OverallHeight", "OverallWidth"), names(IfcSchemaVersion.IFC2X3, "IfcDoor").subList(8, 10));
        assertEquals(List.of("OverallHeight", "OverallWidth", "PredefinedType", "OperationType", "UserDefinedOperationType"),
                names(IfcSchemaVersion.IFC4, "IfcDoor").subList(8, 13));
        assertEquals("CompositionType", names(IfcSchemaVersion.IFC2X3, "IfcBuildingElementProxy").get(8));
        assertEquals("PredefinedType", names(IfcSchemaVersion.IFC4, "IfcBuildingElementProxy").get(8));
        // IFC2X3: IfcProject is an IfcObject; IFC4: an IfcContext, ObjectType at the same position
        assertEquals("UnitsInContext", names(IfcSchemaVersion.IFC2X3, "IfcProject").get(8));
        assertEquals("UnitsInContext", names(IfcSchemaVersion.IFC4, "IfcProject").get(8));
        assertTrue(IfcSchema.of(IfcSchemaVersion.IFC4).isA("IFCPROJECT", "IfcContext"));
        assertFalse(IfcSchema.of(IfcSchemaVersion.IFC2X3).isA("IFCPROJECT", "IfcProduct"));
        assertEquals(List.of("InteriorOrExteriorSpace", "ElevationWithFlooring"), names(IfcSchemaVersion.IFC2X3, "IfcSpace").subList(9, 11));
        assertEquals(List.of("PredefinedType", "ElevationWithFlooring"), names(IfcSchemaVersion.IFC4, "IfcSpace").subList(9, 11));
    }

    @Test
    void ifc4x3BuildsOnFacilities() {
        IfcSchema schema = IfcSchema.of(IfcSchemaVersion.IFC4X3);
        assertTrue(schema.isA("IFCBUILDING", "IfcFacility"));
        assertTrue(schema.isA("IFCWALL", "IfcBuiltElement"));
        assertTrue(schema.entity("IFCWALLSTANDARDCASE").isEmpty(), "removed in IFC 4.3");
        assertEquals(List.of("PlacementRelTo", "RelativePlacement"), names(IfcSchemaVersion.IFC4X3, "IfcLocalPlacement"));
        assertEquals(Measure.LENGTH, schema.entity("IfcBuildingStorey").orElseThrow().attributes().get(9).measure());
    }

    @Test
    void rejectsMalformedTables() {
        assertThrows(IllegalStateException.class, () -> IfcSchema.parse("t", new BufferedReader(new StringReader("IfcA < IfcMissing"))));
        assertThrows(IllegalStateException.class, () -> IfcSchema.parse("t", new BufferedReader(new StringReader("IfcA = X/weight"))));
        assertThrows(IllegalStateException.class, () -> IfcSchema.parse("t", new BufferedReader(new StringReader("IfcA\nIfcA"))));
    }
}
