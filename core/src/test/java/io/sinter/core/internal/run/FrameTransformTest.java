package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTransformTest {
    private static final double C30 = Math.cos(Math.toRadians(30));

    /** CRS coordinates of a point p of a file at origin o, rotated by angle: o + Rz(angle) p (scale 1). */
    private static Point3 crs(Point3 origin, double angle, Point3 p) {
        return new Point3(origin.x() + Math.cos(angle) * p.x() - Math.sin(angle) * p.y(),
                origin.y() + Math.sin(angle) * p.x() + Math.cos(angle) * p.y(), origin.z() + p.z());
    }

    @Test
    void aFilePointKeepsItsCrsCoordinatesInTheFrame() {
        Point3 frameOrigin = new Point3(500_000, 5_700_000, 100);
        double frameAngle = Math.toRadians(30);
        Point3 fileOrigin = new Point3(500_100, 5_700_050, 102);
        double fileAngle = Math.toRadians(-15);
        FrameTransform t = FrameTransform.between(frameOrigin, frameAngle, fileOrigin, fileAngle, 1);
        for (Point3 p : List.of(new Point3(0, 0, 0), new Point3(1, 0, 0), new Point3(-3.5, 12.25, 7))) {
            Point3 q = t.apply(p);
            Point3 expected = crs(fileOrigin, fileAngle, p);
            Point3 actual = crs(frameOrigin, frameAngle, q);
            assertEquals(expected.x(), actual.x(), 1e-6, p.toString());
            assertEquals(expected.y(), actual.y(), 1e-6, p.toString());
            assertEquals(expected.z(), actual.z(), 1e-6, p.toString());
        }
    }

    @Test
    void aShiftInARotatedFrameIsTurnedIntoFrameAxes() {
        FrameTransform t = FrameTransform.between(new Point3(0, 0, 0), Math.toRadians(30), new Point3(100, 50, 2), Math.toRadians(30), 1);
        Point3 q = t.apply(new Point3(1, 0, 0));
        assertEquals(1 + 100 * C30 + 25, q.x(), 1e-9);
        assertEquals(-50 + 50 * C30, q.y(), 1e-9);
        assertEquals(2, q.z(), 1e-9);
        assertTrue(t.describe().startsWith("shifted by (111.603, -6.699, 2.000) m"), t.describe());
        assertFalse(t.isIdentity());
        assertTrue(FrameTransform.between(new Point3(5, 6, 7), 0.3, new Point3(5, 6, 7), 0.3, 1).isIdentity());
    }

    @Test
    void placementsTurnWithTheirBoxesAndKeepLocalGeometry() {
        FrameTransform t = new FrameTransform(Math.toRadians(90), 10, 0, 1);
        Geometry mesh = new Geometry(List.of(new Geometry.Mesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2})), List.of());
        Element placed = Element.builder("Entity", "A", "DXF:LINE").placement(new Placement(new Point3(1, 0, 0), null,
                new Box(new Point3(1, 0, 0), new Point3(3, 1, 0)))).geometry(mesh).property("p", "q", 1).relationship("r", "B").build();
        Element moved = t.apply(placed);
        Placement p = moved.placement();
        assertEquals(new Point3(10, 1, 1), new Point3(Math.round(p.origin().x() * 1e9) / 1e9, Math.round(p.origin().y() * 1e9) / 1e9, p.origin().z()));
        double[] r = p.rotation();
        assertArrayEquals(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1}, new double[] {Math.round(r[0]), Math.round(r[1]), r[2], Math.round(r[3]),
                Math.round(r[4]), r[5], r[6], r[7], r[8]});
        // box corners (1..3, 0..1) turned by 90°: x in -1..0, y in 1..3, then shifted by (10, 0, 1)
        assertEquals(9, p.bbox().low().x(), 1e-9);
        assertEquals(10, p.bbox().high().x(), 1e-9);
        assertEquals(1, p.bbox().low().y(), 1e-9);
        assertEquals(3, p.bbox().high().y(), 1e-9);
        assertEquals(1, p.bbox().low().z(), 1e-9);
        assertSame(placed.geometry(), moved.geometry(), "geometry is local to the placement");
        assertEquals(placed.properties(), moved.properties());
        assertEquals(placed.relationships(), moved.relationships());
        assertEquals(placed.identifier(), moved.identifier());
        assertEquals(placed.category(), moved.category());
    }

    @Test
    void geometryWithoutPlacementIsInFrameCoordinatesAndMovesVertexByVertex() {
        FrameTransform t = new FrameTransform(0, 5, -5, 0.5);
        Element loose = Element.builder("Entity", "L", "DXF:LINE")
                .geometry(new Geometry(List.of(), List.of(new Geometry.Polyline(new double[] {0, 0, 0, 1, 2, 3}, false)))).build();
        Element moved = t.apply(loose);
        assertNull(moved.placement());
        assertArrayEquals(new double[] {5, -5, 0.5, 6, -3, 3.5}, moved.geometry().polylines().get(0).points(), 1e-12);
        Element plain = Element.builder("Row", "R", "CSV:Row").property("a", "b", "c").build();
        assertSame(plain, t.apply(plain));
    }
}
