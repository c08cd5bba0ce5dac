package io.sinter.connector.dxf.internal.geometry;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the shape of one element in world metres (polylines, triangle meshes and marker points such as a text's
 * insertion point) and turns it into a {@link Placement} and element-local {@link Geometry}. Points that are not
 * finite are dropped and counted. A vertex budget bounds the memory one element may take (a huge nested insert).
 */
public final class Shapes {
    /** Vertices per element (over all polylines and meshes) beyond which further shapes are dropped. */
    public static final int DEFAULT_VERTEX_BUDGET = 2_000_000;

    private final int vertexBudget;
    private final List<double[]> polylines = new ArrayList<>();
    private final List<Boolean> closed = new ArrayList<>();
    private final List<double[]> meshVertices = new ArrayList<>();
    private final List<int[]> meshTriangles = new ArrayList<>();
    private double[] anchor;
    private final double[] low = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    private final double[] high = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private long vertices;
    private int nonFinite;
    private boolean overBudget;

    /** Collects with the default vertex budget. */
    public Shapes() {
        this(DEFAULT_VERTEX_BUDGET);
    }

    /** @param vertexBudget how many vertices the element may have at most */
    public Shapes(int vertexBudget) {
        this.vertexBudget = vertexBudget;
    }

    /**
     * Sets the element's representative point (insertion point, text position), unless one is set already; without
     * one the first vertex is used. The point also counts for the bounding box.
     */
    public void anchor(double x, double y, double z) {
        if (!finite(x, y, z)) {
            nonFinite++;
            return;
        }
        if (anchor == null) {
            anchor = new double[] {x, y, z};
        }
        extend(x, y, z);
    }

    /** Adds a marker point (no geometry, but part of the extent). */
    public void marker(double x, double y, double z) {
        if (!finite(x, y, z)) {
            nonFinite++;
            return;
        }
        extend(x, y, z);
    }

    /**
     * Adds a polyline in world metres; consecutive duplicate points are merged. A closed polyline whose last point
     * repeats its first drops the repetition. Fewer than two distinct points add nothing.
     *
     * @param points x, y, z per point; {@code count} points are used
     */
    public void polyline(double[] points, int count, boolean isClosed) {
        double[] kept = new double[count * 3];
        int n = 0;
        for (int i = 0; i < count; i++) {
            double x = points[i * 3];
            double y = points[i * 3 + 1];
            double z = points[i * 3 + 2];
            if (!finite(x, y, z)) {
                nonFinite++;
                continue;
            }
            if (n > 0 && kept[n * 3 - 3] == x && kept[n * 3 - 2] == y && kept[n * 3 - 1] == z) {
                continue;
            }
            kept[n * 3] = x;
            kept[n * 3 + 1] = y;
            kept[n * 3 + 2] = z;
            n++;
        }
        if (isClosed && n > 2 && kept[0] == kept[n * 3 - 3] && kept[1] == kept[n * 3 - 2]
                && kept[2] == kept[n * 3 - 1]) {
            n--;
        }
        if (n < 2) {
            // a degenerate curve (zero-length line, zero-radius arc) still has a position
            for (int i = 0; i < n; i++) {
                extend(kept[i * 3], kept[i * 3 + 1], kept[i * 3 + 2]);
            }
            return;
        }
        if (!reserve(n)) {
            return;
        }
        double[] line = Arrays.copyOf(kept, n * 3);
        for (int i = 0; i < n; i++) {
            extend(line[i * 3], line[i * 3 + 1], line[i * 3 + 2]);
        }
        polylines.add(line);
        closed.add(isClosed && n > 2);
    }

    /**
     * Adds a triangle mesh in world metres. Triangles that use a non-finite vertex are dropped, and so are
     * degenerate ones that repeat a vertex index.
     */
    public void mesh(double[] points, int[] triangles) {
        int count = points.length / 3;
        boolean[] bad = new boolean[count];
        for (int i = 0; i < count; i++) {
            bad[i] = !finite(points[i * 3], points[i * 3 + 1], points[i * 3 + 2]);
            if (bad[i]) {
                nonFinite++;
            }
        }
        int[] kept = new int[triangles.length];
        int t = 0;
        for (int i = 0; i + 2 < triangles.length; i += 3) {
            int a = triangles[i];
            int b = triangles[i + 1];
            int c = triangles[i + 2];
            if (a < 0 || b < 0 || c < 0 || a >= count || b >= count || c >= count || bad[a] || bad[b] || bad[c]
                    || a == b || b == c || a == c) {
                continue;
            }
            kept[t++] = a;
            kept[t++] = b;
            kept[t++] = c;
        }
        if (t == 0) {
            // no usable face: the vertices still give the element its position and extent
            for (int i = 0; i < count; i++) {
                if (!bad[i]) {
                    extend(points[i * 3], points[i * 3 + 1], points[i * 3 + 2]);
                }
            }
            return;
        }
        // keep only the vertices the triangles use, in first-use order
        int[] remap = new int[count];
        Arrays.fill(remap, -1);
        double[] used = new double[Math.min(count, t) * 3];
        int n = 0;
        for (int i = 0; i < t; i++) {
            int v = kept[i];
            if (remap[v] < 0) {
                remap[v] = n;
                used[n * 3] = points[v * 3];
                used[n * 3 + 1] = points[v * 3 + 1];
                used[n * 3 + 2] = points[v * 3 + 2];
                n++;
            }
            kept[i] = remap[v];
        }
        if (!reserve(n)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            extend(used[i * 3], used[i * 3 + 1], used[i * 3 + 2]);
        }
        meshVertices.add(Arrays.copyOf(used, n * 3));
        meshTriangles.add(Arrays.copyOf(kept, t));
    }

    /** @return how many non-finite points were dropped */
    public int nonFinitePoints() {
        return nonFinite;
    }

    /** @return whether shapes were dropped because the vertex budget was spent */
    public boolean overBudget() {
        return overBudget;
    }

    /** @return whether neither geometry nor a point was collected */
    public boolean isEmpty() {
        return low[0] > high[0];
    }

    /** @return the placement (anchor or first vertex as origin, no rotation, world bounds), or null when empty */
    public Placement placement() {
        if (isEmpty()) {
            return null;
        }
        return Placement.at(origin(), new Box(new Point3(low[0], low[1], low[2]), new Point3(high[0], high[1], high[2])));
    }

    /** @return the geometry relative to {@link #placement()}'s origin, or null when there is none */
    public Geometry geometry() {
        if (polylines.isEmpty() && meshVertices.isEmpty()) {
            return null;
        }
        Point3 origin = origin();
        List<Geometry.Polyline> lines = new ArrayList<>(polylines.size());
        for (int i = 0; i < polylines.size(); i++) {
            lines.add(new Geometry.Polyline(local(polylines.get(i), origin), closed.get(i)));
        }
        List<Geometry.Mesh> meshes = new ArrayList<>(meshVertices.size());
        for (int i = 0; i < meshVertices.size(); i++) {
            meshes.add(new Geometry.Mesh(local(meshVertices.get(i), origin), meshTriangles.get(i)));
        }
        return new Geometry(meshes, lines);
    }

    private Point3 origin() {
        if (anchor != null) {
            return new Point3(anchor[0], anchor[1], anchor[2]);
        }
        double[] first = !polylines.isEmpty() ? polylines.get(0) : !meshVertices.isEmpty() ? meshVertices.get(0) : low;
        return new Point3(first[0], first[1], first[2]);
    }

    private static double[] local(double[] world, Point3 origin) {
        double[] local = new double[world.length];
        for (int i = 0; i < world.length; i += 3) {
            local[i] = world[i] - origin.x();
            local[i + 1] = world[i + 1] - origin.y();
            local[i + 2] = world[i + 2] - origin.z();
        }
        return local;
    }

    private boolean reserve(int count) {
        if (vertices + count > vertexBudget) {
            overBudget = true;
            return false;
        }
        vertices += count;
        return true;
    }

    private void extend(double x, double y, double z) {
        low[0] = Math.min(low[0], x);
        low[1] = Math.min(low[1], y);
        low[2] = Math.min(low[2], z);
        high[0] = Math.max(high[0], x);
        high[1] = Math.max(high[1], y);
        high[2] = Math.max(high[2], z);
    }

    private static boolean finite(double x, double y, double z) {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }
}
