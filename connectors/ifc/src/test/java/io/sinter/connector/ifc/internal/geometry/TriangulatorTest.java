package io.sinter.connector.ifc.internal.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Geometry;
import io.sinter.connector.ifc.internal.MeshMath;
import org.junit.jupiter.api.Test;

class TriangulatorTest {
    private static final double EPS = 1e-12;

    /** Triangulates and checks that every triangle turns counter-clockwise; returns {triangles, total area}. */
    private static double[] triangulate(double[] xy, int... ringEnds) {
        IntList out = new IntList();
        int count = new Triangulator().triangulate(xy, ringEnds, ringEnds.length, out);
        assertEquals(count * 3, out.size());
        double area = 0;
        for (int i = 0; i < out.size(); i += 3) {
            int a = out.get(i);
            int b = out.get(i + 1);
            int c = out.get(i + 2);
            double twice = (xy[2 * b] - xy[2 * a]) * (xy[2 * c + 1] - xy[2 * a + 1]) - (xy[2 * c] - xy[2 * a]) * (xy[2 * b + 1] - xy[2 * a + 1]);
            assertTrue(twice >= 0, "counter-clockwise triangle " + a + "," + b + "," + c);
            area += twice / 2;
        }
        return new double[] {count, area};
    }

    @Test
    void squareEitherWayRound() {
        double[] ccw = triangulate(new double[] {0, 0, 1, 0, 1, 1, 0, 1}, 4);
        assertEquals(2, ccw[0]);
        assertEquals(1, ccw[1], EPS);
        double[] cw = triangulate(new double[] {0, 0, 0, 1, 1, 1, 1, 0}, 4);
        assertEquals(2, cw[0]);
        assertEquals(1, cw[1], EPS);
    }

    @Test
    void concaveComb() {
        double[] comb = {0, 0, 5, 0, 5, 3, 4, 3, 4, 1, 3, 1, 3, 3, 2, 3, 2, 1, 1, 1, 1, 3, 0, 3};
        double[] result = triangulate(comb, 12);
        assertEquals(10, result[0]);
        assertEquals(15 - 2 * 2, result[1], EPS);
    }

    @Test
    void holesAreBridged() {
        // 4 x 4 with a 2 x 2 hole: n + 2h - 2 = 8 triangles
        double[] xy = {0, 0, 4, 0, 4, 4, 0, 4, 1, 1, 3, 1, 3, 3, 1, 3};
        double[] one = triangulate(xy, 4, 8);
        assertEquals(8, one[0]);
        assertEquals(12, one[1], EPS);
        // two holes, one of them touching the outer ring at a vertex
        double[] two = {0, 0, 10, 0, 10, 4, 0, 4, 1, 1, 3, 1, 3, 3, 1, 3, 5, 0, 7, 2, 6, 3};
        double[] result = triangulate(two, 4, 8, 11);
        assertEquals(40 - 4 - 2, result[1], 1e-9); // the triangle (5,0) (7,2) (6,3) has area 2
    }

    @Test
    void collinearAndRepeatedPointsAreHarmless() {
        double[] xy = {0, 0, 1, 0, 2, 0, 2, 0, 2, 2, 1, 2, 0, 2, 0, 1};
        assertEquals(4, triangulate(xy, 8)[1], EPS);
        assertEquals(0, triangulate(new double[] {0, 0, 1, 1, 2, 2}, 3)[0], "no area, no triangle");
    }

    @Test
    void manyPointsOnACircleWithAHole() {
        int n = 360;
        double[] xy = new double[4 * n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            xy[2 * i] = 10 * Math.cos(a);
            xy[2 * i + 1] = 10 * Math.sin(a);
            xy[2 * (n + i)] = 5 * Math.cos(-a);
            xy[2 * (n + i) + 1] = 5 * Math.sin(-a);
        }
        double[] result = triangulate(xy, n, 2 * n);
        assertEquals(2 * n, result[0]);
        double polygon = n / 2.0 * Math.sin(2 * Math.PI / n);
        assertEquals(polygon * (100 - 25), result[1], 1e-9);
    }

    @Test
    void planeClipCapsTheCut() {
        MeshBuilder cube = new MeshBuilder();
        new Tessellator().extrude(new double[] {0, 0, 1, 0, 1, 1, 0, 1}, new int[] {4}, 1, 0, 0, 1, Affine.IDENTITY, cube);
        MeshBuilder half = new MeshBuilder();
        // keep below the slanted plane through (0, 0, 0.5) with normal (1, 0, 1): a wedge-cut cube
        new PlaneClip().clip(cube, new double[] {0.5, 0.5, 0.5}, new double[] {1, 0, 1}, half);
        Geometry.Mesh mesh = half.toGeometry().meshes().get(0);
        assertEquals(0.5, MeshMath.volume(mesh), EPS);
        MeshMath.assertClosed(mesh);
        MeshBuilder none = new MeshBuilder();
        new PlaneClip().clip(cube, new double[] {0, 0, -1}, new double[] {0, 0, 1}, none);
        assertEquals(0, none.triangleCount(), "all of it on the removed side");
    }
}
