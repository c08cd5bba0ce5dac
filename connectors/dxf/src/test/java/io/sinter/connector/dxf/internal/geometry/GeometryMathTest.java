package io.sinter.connector.dxf.internal.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Point3;
import org.junit.jupiter.api.Test;

class GeometryMathTest {
    private static final double EPS = 1e-12;

    @Test
    void segmentsFollowTheChordTolerance() {
        assertEquals(23, Curves.segments(0.001, 2 * Math.PI), "small circles: 1% of the radius as sagitta");
        assertEquals(8, Curves.segments(0, 2 * Math.PI), "no radius: the minimum");
        assertEquals(256, Curves.segments(1000, 2 * Math.PI), "huge circles are capped");
        int n = Curves.segments(1, 2 * Math.PI);
        double sagitta = 1 - Math.cos(Math.PI / n);
        assertTrue(sagitta <= Curves.CHORD_TOLERANCE && n < 80, n + " segments, sagitta " + sagitta);
        assertEquals(6, Curves.segments(0.001, Math.PI / 2), "a quarter arc needs a quarter of the segments");
        assertEquals(2, Curves.segments(0, Math.PI / 2), "and keeps its share of the per-turn minimum");
    }

    @Test
    void bulgeOfMinusOneIsAClockwiseHalfCircle() {
        PointList pts = new PointList();
        pts.add(0, 0, 0);
        Curves.bulge(pts, 0, 0, 2, 0, 0, -1, 1);
        double maxY = 0;
        for (int i = 0; i < pts.size(); i++) {
            assertEquals(1, Math.hypot(pts.x(i) - 1, pts.y(i)), 1e-12);
            maxY = Math.max(maxY, pts.y(i));
        }
        assertEquals(1, maxY, 1e-3, "clockwise from (0,0) to (2,0) passes above the chord");
        assertEquals(2, pts.x(pts.size() - 1), EPS);
    }

    @Test
    void ocsFollowsTheArbitraryAxisAlgorithm() {
        double[] out = new double[3];
        Ocs.toWorld(0, 0, 1).apply(1, 2, 3, out, 0);
        assertArrayEquals(new double[] {1, 2, 3}, out, EPS);
        Ocs.toWorld(1, 0, 0).apply(1, 0, 0, out, 0);
        assertArrayEquals(new double[] {0, 1, 0}, out, EPS, "x axis of OCS (1,0,0) is Wz x N = (0,1,0)");
        Ocs.toWorld(1, 0, 0).apply(0, 0, 5, out, 0);
        assertArrayEquals(new double[] {5, 0, 0}, out, EPS);
    }

    @Test
    void affineComposesInsideOut() {
        Affine m = Affine.translation(10, 0, 0).times(Affine.rotationZ(Math.PI / 2)).times(Affine.scaling(2, 2, 2));
        double[] out = new double[3];
        m.apply(1, 0, 0, out, 0);
        assertArrayEquals(new double[] {10, 2, 0}, out, 1e-12);
        assertEquals(2, m.maxScale(), EPS);
    }

    @Test
    void deBoorMatchesAClosedFormCurve() {
        // a rational quadratic with weights 1, cos 45°, 1 is a quarter of the unit circle
        double w = Math.sqrt(0.5);
        double[] knots = {0, 0, 0, 1, 1, 1};
        double[] control = {1, 0, 0, 1, 1, 0, 0, 1, 0};
        assertTrue(Nurbs.valid(2, knots, 3, new double[] {1, w, 1}));
        PointList pts = new PointList();
        Nurbs.sample(pts, 2, knots, control, new double[] {1, w, 1});
        assertEquals(Nurbs.SAMPLES_PER_SPAN + 1, pts.size());
        for (int i = 0; i < pts.size(); i++) {
            assertEquals(1, Math.hypot(pts.x(i), pts.y(i)), 1e-12);
        }
        assertFalse(Nurbs.valid(2, new double[] {0, 0, 1, 1}, 3, null), "wrong knot count");
        assertFalse(Nurbs.valid(2, new double[] {0, 0, 0, 2, 1, 1}, 3, null), "decreasing knots");
    }

    @Test
    void shapesPlaceGeometryRelativeToTheAnchor() {
        Shapes shapes = new Shapes();
        shapes.polyline(new double[] {1, 1, 1, 3, 1, 1, 3, 1, 1}, 3, false);
        shapes.anchor(2, 0, 0);
        shapes.polyline(new double[] {Double.NaN, 0, 0, 0, 0, 0}, 2, false);
        assertEquals(new Point3(2, 0, 0), shapes.placement().origin());
        assertEquals(new Point3(0, 0, 0), shapes.placement().bbox().low());
        assertEquals(new Point3(3, 1, 1), shapes.placement().bbox().high());
        assertArrayEquals(new double[] {-1, 1, 1, 1, 1, 1}, shapes.geometry().polylines().get(0).points(), EPS,
                "repeated points merged, coordinates local");
        assertEquals(1, shapes.geometry().polylines().size(), "a single finite point is no polyline");
        assertEquals(1, shapes.nonFinitePoints());
        assertNull(new Shapes().placement());
    }

    @Test
    void vertexBudgetBoundsAnElement() {
        Shapes shapes = new Shapes(3);
        shapes.polyline(new double[] {0, 0, 0, 1, 0, 0}, 2, false);
        shapes.polyline(new double[] {0, 1, 0, 1, 1, 0}, 2, false);
        assertTrue(shapes.overBudget());
        assertEquals(1, shapes.geometry().polylines().size());
    }
}
