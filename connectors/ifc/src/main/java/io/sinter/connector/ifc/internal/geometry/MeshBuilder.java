package io.sinter.connector.ifc.internal.geometry;

import io.sinter.connector.api.Geometry;

/**
 * Collects the triangles of one element's shape, and its polylines, in element-local coordinates.
 * Vertices and indices are kept in primitive arrays that grow; nothing is allocated per vertex.
 */
public final class MeshBuilder {
    private final DoubleList vertices = new DoubleList(256);
    private final IntList triangles = new IntList(256);
    private final java.util.List<Geometry.Polyline> polylines = new java.util.ArrayList<>();

    /** @return the index of the new vertex (x, y, z) */
    public int vertex(double x, double y, double z) {
        vertices.add(x, y, z);
        return vertices.size() / 3 - 1;
    }

    /** @return the index of the new vertex, the image of (x, y, z) under {@code t} */
    public int vertex(Affine t, double x, double y, double z) {
        vertices.add(t.x(x, y, z), t.y(x, y, z), t.z(x, y, z));
        return vertices.size() / 3 - 1;
    }

    /** Adds the triangle a, b, c (counter-clockwise seen from outside); degenerate index triples are dropped. */
    public void triangle(int a, int b, int c) {
        if (a != b && b != c && a != c) {
            triangles.add(a, b, c);
        }
    }

    /** Adds a triangle, reversed when {@code flip}. */
    public void triangle(int a, int b, int c, boolean flip) {
        if (flip) {
            triangle(a, c, b);
        } else {
            triangle(a, b, c);
        }
    }

    /** Adds a polyline. */
    public void polyline(Geometry.Polyline polyline) {
        polylines.add(polyline);
    }

    /** @return the number of vertices so far */
    public int vertexCount() {
        return vertices.size() / 3;
    }

    /** @return the number of triangles so far */
    public int triangleCount() {
        return triangles.size() / 3;
    }

    /** @return the vertex coordinates (valid up to 3 × {@link #vertexCount()}) */
    public DoubleList vertices() {
        return vertices;
    }

    /** @return the triangle indices */
    public IntList triangles() {
        return triangles;
    }

    /** @return the polylines */
    public java.util.List<Geometry.Polyline> polylines() {
        return polylines;
    }

    /** Appends all of {@code other}'s triangles mapped by {@code t} (reversed when t mirrors), and its polylines. */
    public void append(MeshBuilder other, Affine t) {
        int base = vertexCount();
        double[] v = other.vertices.array();
        for (int i = 0, n = other.vertices.size(); i < n; i += 3) {
            vertex(t, v[i], v[i + 1], v[i + 2]);
        }
        boolean flip = t.determinant() < 0;
        IntList tri = other.triangles;
        for (int i = 0, n = tri.size(); i < n; i += 3) {
            triangle(base + tri.get(i), base + tri.get(i + 1), base + tri.get(i + 2), flip);
        }
        for (Geometry.Polyline line : other.polylines) {
            double[] p = line.points();
            double[] q = new double[p.length];
            for (int i = 0; i < p.length; i += 3) {
                q[i] = t.x(p[i], p[i + 1], p[i + 2]) + 0.0;
                q[i + 1] = t.y(p[i], p[i + 1], p[i + 2]) + 0.0;
                q[i + 2] = t.z(p[i], p[i + 1], p[i + 2]) + 0.0;
            }
            polylines.add(new Geometry.Polyline(q, line.closed()));
        }
    }

    /** Turns every triangle the other way round. */
    public void reverse() {
        for (int i = 0, n = triangles.size(); i < n; i += 3) {
            int b = triangles.get(i + 1);
            triangles.set(i + 1, triangles.get(i + 2));
            triangles.set(i + 2, b);
        }
    }

    /** @return whether nothing was added */
    public boolean isEmpty() {
        return triangles.size() == 0 && polylines.isEmpty();
    }

    /** Forgets everything. */
    public void clear() {
        vertices.clear();
        triangles.clear();
        polylines.clear();
    }

    /**
     * @return the geometry: one mesh of the vertices used by triangles (unused vertices dropped, order kept),
     *     and the polylines; null when empty
     */
    public Geometry toGeometry() {
        if (isEmpty()) {
            return null;
        }
        java.util.List<Geometry.Mesh> meshes = java.util.List.of();
        if (triangles.size() > 0) {
            int count = vertexCount();
            int[] map = new int[count];
            java.util.Arrays.fill(map, -1);
            int used = 0;
            for (int i = 0, n = triangles.size(); i < n; i++) {
                int v = triangles.get(i);
                if (map[v] < 0) {
                    map[v] = -2;
                }
            }
            for (int v = 0; v < count; v++) {
                if (map[v] == -2) {
                    map[v] = used++;
                }
            }
            double[] src = vertices.array();
            double[] dst = new double[used * 3];
            for (int v = 0; v < count; v++) {
                int w = map[v];
                if (w >= 0) {
                    dst[3 * w] = src[3 * v] + 0.0; // + 0.0 turns -0.0 into 0.0, for stable digests
                    dst[3 * w + 1] = src[3 * v + 1] + 0.0;
                    dst[3 * w + 2] = src[3 * v + 2] + 0.0;
                }
            }
            int[] tri = new int[triangles.size()];
            for (int i = 0; i < tri.length; i++) {
                tri[i] = map[triangles.get(i)];
            }
            meshes = java.util.List.of(new Geometry.Mesh(dst, tri));
        }
        return new Geometry(meshes, polylines);
    }
}
