package io.sinter.connector.api;

import java.util.Arrays;
import java.util.List;

/**
 * An element's shape in element-local coordinates (metres): triangle meshes for surfaces and
 * solids, polylines for curves.
 *
 * @param meshes triangle meshes
 * @param polylines open or closed polylines
 */
public record Geometry(List<Mesh> meshes, List<Polyline> polylines) {

    /** Copies the lists. */
    public Geometry {
        meshes = meshes == null ? List.of() : List.copyOf(meshes);
        polylines = polylines == null ? List.of() : List.copyOf(polylines);
    }

    /** @return true when there is nothing to draw */
    public boolean isEmpty() {
        return meshes.isEmpty() && polylines.isEmpty();
    }

    /**
     * A triangle mesh.
     *
     * @param vertices x, y, z of each vertex
     * @param triangles three vertex indices per triangle, counter-clockwise seen from outside
     */
    public record Mesh(double[] vertices, int[] triangles) {
        /** Checks the shape of the arrays. */
        public Mesh {
            if (vertices.length % 3 != 0 || triangles.length % 3 != 0) {
                throw new IllegalArgumentException("vertices and triangles must come in threes");
            }
            int count = vertices.length / 3;
            for (int index : triangles) {
                if (index < 0 || index >= count) {
                    throw new IllegalArgumentException("triangle index " + index + " outside 0.." + (count - 1));
                }
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Mesh m && Arrays.equals(vertices, m.vertices) && Arrays.equals(triangles, m.triangles);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(vertices) + Arrays.hashCode(triangles);
        }

        @Override
        public String toString() {
            return "Mesh[" + vertices.length / 3 + " vertices, " + triangles.length / 3 + " triangles]";
        }
    }

    /**
     * A polyline.
     *
     * @param points x, y, z of each point
     * @param closed whether the last point joins the first
     */
    public record Polyline(double[] points, boolean closed) {
        /** Checks the shape of the array. */
        public Polyline {
            if (points.length % 3 != 0 || points.length < 6) {
                throw new IllegalArgumentException("a polyline needs at least two points of three coordinates");
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Polyline p && closed == p.closed && Arrays.equals(points, p.points);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(points) + Boolean.hashCode(closed);
        }

        @Override
        public String toString() {
            return "Polyline[" + points.length / 3 + " points" + (closed ? ", closed" : "") + "]";
        }
    }
}
