package io.sinter.connector.ifc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The IFC2X3 version of the geometry fixture ({@code ifc/geometry-2x3.ifc}, written by the same script
 * as {@code geometry-4.ifc}): IFC2X3's attribute lists (profiles with centre-of-gravity attributes,
 * Ifc2DCompositeCurve) give exactly the geometry of the IFC4 file, shape by shape.
 */
class Ifc2x3GeometryTest {

    private static Map<String, Element> byName(RecordingContext context) {
        Map<String, Element> byName = new TreeMap<>();
        for (Element element : context.elements) {
            if (element.classFullName().equals("IFC:IfcBuildingElementProxy")) {
                byName.put(element.userLabel(), element);
            }
        }
        return byName;
    }

    @Test
    void sameGeometryAsTheIfc4Fixture() throws Exception {
        RecordingContext ifc2x3 = Extractions.extract(Extractions.resource("geometry-2x3.ifc"));
        Map<String, Element> old = byName(ifc2x3);
        Map<String, Element> ifc4 = byName(Extractions.extract(Extractions.resource("geometry-4.ifc")));
        assertEquals(30, old.size());
        int compared = 0;
        for (Map.Entry<String, Element> entry : old.entrySet()) {
            Element twin = ifc4.get(entry.getKey());
            assertNotNull(twin, entry.getKey());
            assertEquals(twin.geometry(), entry.getValue().geometry(), entry.getKey());
            assertEquals(twin.placement(), entry.getValue().placement(), entry.getKey());
            if (entry.getValue().geometry() != null) {
                compared++;
            }
        }
        assertEquals(29, compared);
        Geometry d = old.get("D-composite").geometry();
        assertEquals(26, d.meshes().get(0).vertices().length / 3, "Ifc2DCompositeCurve of a trimmed circle and a line");
        assertTrue(MeshMath.volume(old.get("L-shape").geometry().meshes().get(0)) > 0);
        assertEquals(1, ifc2x3.issues("UnsupportedGeometry").size(), ifc2x3.toString());
    }
}
