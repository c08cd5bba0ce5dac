package io.sinter.connector.ifc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sinter.connector.api.Geometry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Measures of triangle meshes for tests, computed independently of the tessellator. */
public final class MeshMath {
    private MeshMath() {
    }

    /** @return the enclosed volume by the divergence theorem (positive for outward-facing closed meshes) */
    public static double volume(Geometry.Mesh mesh) {
        double[] v = mesh.vertices();
        int[] t = mesh.triangles();
        double sum = 0;
        for (int i = 0; i < t.length; i += 3) {
            int a = 3 * t[i];
            int b = 3 * t[i + 1];
            int c = 3 * t[i + 2];
            sum += v[a] * (v[b + 1] * v[c + 2] - v[b + 2] * v[c + 1])
                    - v[a + 1] * (v[b] * v[c + 2] - v[b + 2] * v[c])
                    + v[a + 2] * (v[b] * v[c + 1] - v[b + 1] * v[c]);
        }
        return sum / 6;
    }

    /** @return the total area of the triangles */
    public static double area(Geometry.Mesh mesh) {
        double[] v = mesh.vertices();
        int[] t = mesh.triangles();
        double sum = 0;
        for (int i = 0; i < t.length; i += 3) {
            int a = 3 * t[i];
            int b = 3 * t[i + 1];
            int c = 3 * t[i + 2];
            double ux = v[b] - v[a];
            double uy = v[b + 1] - v[a + 1];
            double uz = v[b + 2] - v[a + 2];
            double wx = v[c] - v[a];
            double wy = v[c + 1] - v[a + 1];
            double wz = v[c + 2] - v[a + 2];
            double cx = uy * wz - uz * wy;
            double cy = uz * wx - ux * wz;
            double cz = ux * wy - uy * wx;
            sum += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
        }
        return sum;
    }

    /** @return {x0, y0, z0, x1, y1, z1} of the vertices */
    public static double[] bounds(double[] v) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < v.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                b[k] = Math.min(b[k], v[i + k]);
                b[3 + k] = Math.max(b[3 + k], v[i + k]);
            }
        }
        return b;
    }

    /** Asserts that the bounds of {@code v} are {@code expected} within {@code eps}. */
    public static void assertBounds(double[] expected, double[] v, double eps) {
        double[] actual = bounds(v);
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], actual[i], eps, "bound " + i + " of " + java.util.Arrays.toString(actual));
        }
    }

    /** Asserts that the mesh is closed and consistently oriented: each edge, by vertex position, is used as often in both directions. */
    public static void assertClosed(Geometry.Mesh mesh) {
        double[] v = mesh.vertices();
        int[] t = mesh.triangles();
        Map<List<Long>, Integer> edges = new HashMap<>();
        for (int i = 0; i < t.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                List<Long> from = key(v, t[i + k]);
                List<Long> to = key(v, t[i + (k + 1) % 3]);
                edges.merge(List.of(from.get(0), from.get(1), from.get(2), to.get(0), to.get(1), to.get(2)), 1, Integer::sum);
            }
        }
        for (Map.Entry<List<Long>, Integer> edge : edges.entrySet()) {
            List<Long> e = edge.getKey();
            List<Long> reverse = List.of(e.get(3), e.get(4), e.get(5), e.get(0), e.get(1), e.get(2));
            assertEquals(edge.getValue(), edges.getOrDefault(reverse, 0), "edge " + e + " and its reverse");
        }
    }

    private static List<Long> key(double[] v, int i) {
        return List.of(Math.round(v[3 * i] * 1e6), Math.round(v[3 * i + 1] * 1e6), Math.round(v[3 * i + 2] * 1e6));
    }
}
