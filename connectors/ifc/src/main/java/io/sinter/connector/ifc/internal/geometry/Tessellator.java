package io.sinter.connector.ifc.internal.geometry;

/**
 * Turns planar polygons and extruded profiles into triangles of a {@link MeshBuilder}. Reuses its
 * scratch buffers between calls; not thread-safe.
 */
public final class Tessellator {
    private final Triangulator triangulator = new Triangulator();
    private final IntList scratchTriangles = new IntList(64);
    private final DoubleList scratch2d = new DoubleList(64);

    /**
     * Adds a planar polygon with holes given in 3D.
     *
     * @param xyz the points of all rings (x, y, z each)
     * @param vertexIds for each point the index of its vertex in {@code out} (already added)
     * @param ringEnds ring ends in points; ring 0 is the outer boundary
     * @param ringCount rings used
     * @param reverse true to emit the triangles facing the other way than the outer ring's order says
     * @param out where the triangles go
     * @return the triangles added
     */
    public int face(double[] xyz, int[] vertexIds, int[] ringEnds, int ringCount, boolean reverse, MeshBuilder out) {
        int outerEnd = ringEnds[0];
        if (outerEnd < 3) {
            return 0;
        }
        if (ringCount == 1 && outerEnd == 3) {
            out.triangle(vertexIds[0], vertexIds[1], vertexIds[2], reverse);
            return 1;
        }
        // Newell normal of the outer ring
        double nx = 0;
        double ny = 0;
        double nz = 0;
        for (int i = 0, j = outerEnd - 1; i < outerEnd; j = i++) {
            double xi = xyz[3 * i];
            double yi = xyz[3 * i + 1];
            double zi = xyz[3 * i + 2];
            double xj = xyz[3 * j];
            double yj = xyz[3 * j + 1];
            double zj = xyz[3 * j + 2];
            nx += (yj - yi) * (zj + zi);
            ny += (zj - zi) * (xj + xi);
            nz += (xj - xi) * (yj + yi);
        }
        double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (!(length > 0)) {
            return 0;
        }
        nx /= length;
        ny /= length;
        nz /= length;
        // u = a × n, v = n × u: (u, v, n) is right-handed, so counter-clockwise about n stays counter-clockwise
        double ax = Math.abs(nx) < 0.9 ? 1 : 0;
        double ay = 1 - ax;
        double ux = ay * nz;
        double uy = -ax * nz;
        double uz = ax * ny - ay * nx;
        double ul = Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux /= ul;
        uy /= ul;
        uz /= ul;
        double vx = ny * uz - nz * uy;
        double vy = nz * ux - nx * uz;
        double vz = nx * uy - ny * ux;
        int points = ringEnds[ringCount - 1];
        scratch2d.clear();
        for (int i = 0; i < points; i++) {
            double x = xyz[3 * i];
            double y = xyz[3 * i + 1];
            double z = xyz[3 * i + 2];
            scratch2d.add(x * ux + y * uy + z * uz, x * vx + y * vy + z * vz);
        }
        scratchTriangles.clear();
        int count = triangulator.triangulate(scratch2d.array(), ringEnds, ringCount, scratchTriangles);
        for (int i = 0; i < scratchTriangles.size(); i += 3) {
            out.triangle(vertexIds[scratchTriangles.get(i)], vertexIds[scratchTriangles.get(i + 1)],
                    vertexIds[scratchTriangles.get(i + 2)], reverse);
        }
        return count;
    }

    /**
     * Adds a closed prism: a planar profile in the local xy plane swept along {@code (dx, dy, dz)}, both
     * caps and the sides, mapped by {@code t}. Rings must be simple; orientation is fixed here (outer
     * counter-clockwise, holes clockwise) so that the triangles face outwards.
     *
     * @param xy the rings' points, 2D
     * @param ringEnds ring ends in points; ring 0 is the outer boundary
     * @param ringCount rings used
     */
    public void extrude(double[] xy, int[] ringEnds, int ringCount, double dx, double dy, double dz, Affine t, MeshBuilder out) {
        loft(xy, xy, ringEnds, ringCount, dx, dy, dz, t, out);
    }

    /**
     * Adds a closed loft between a bottom profile in the plane z = 0 and a top profile of the same ring
     * structure (point for point) moved by {@code (dx, dy, dz)}, as for a tapered extrusion.
     */
    public void loft(double[] bottomXy, double[] topXy, int[] ringEnds, int ringCount, double dx, double dy, double dz, Affine t,
            MeshBuilder out) {
        int points = ringEnds[ringCount - 1];
        // orientation (decided by the bottom profile): outer ring counter-clockwise, holes clockwise
        double[] bottom = new double[points * 2];
        double[] top = bottomXy == topXy ? bottom : new double[points * 2];
        for (int r = 0; r < ringCount; r++) {
            int start = r == 0 ? 0 : ringEnds[r - 1];
            int end = ringEnds[r];
            boolean ccw = Triangulator.signedArea(bottomXy, start, end) > 0;
            boolean reverse = (r == 0) != ccw;
            for (int i = start; i < end; i++) {
                int src = reverse ? end - 1 - (i - start) : i;
                bottom[2 * i] = bottomXy[2 * src];
                bottom[2 * i + 1] = bottomXy[2 * src + 1];
                if (top != bottom) {
                    top[2 * i] = topXy[2 * src];
                    top[2 * i + 1] = topXy[2 * src + 1];
                }
            }
        }
        boolean flip = (dz < 0) != (t.determinant() < 0);
        int bottomBase = out.vertexCount();
        for (int i = 0; i < points; i++) {
            out.vertex(t, bottom[2 * i], bottom[2 * i + 1], 0);
        }
        int topBase = out.vertexCount();
        for (int i = 0; i < points; i++) {
            out.vertex(t, top[2 * i] + dx, top[2 * i + 1] + dy, dz);
        }
        scratchTriangles.clear();
        triangulator.triangulate(bottom, ringEnds, ringCount, scratchTriangles);
        for (int i = 0; i < scratchTriangles.size(); i += 3) {
            int a = scratchTriangles.get(i);
            int b = scratchTriangles.get(i + 1);
            int c = scratchTriangles.get(i + 2);
            out.triangle(bottomBase + a, bottomBase + c, bottomBase + b, flip);
            if (top == bottom) {
                out.triangle(topBase + a, topBase + b, topBase + c, flip);
            }
        }
        if (top != bottom) {
            scratchTriangles.clear();
            triangulator.triangulate(top, ringEnds, ringCount, scratchTriangles);
            for (int i = 0; i < scratchTriangles.size(); i += 3) {
                out.triangle(topBase + scratchTriangles.get(i), topBase + scratchTriangles.get(i + 1), topBase + scratchTriangles.get(i + 2), flip);
            }
        }
        for (int r = 0; r < ringCount; r++) {
            int start = r == 0 ? 0 : ringEnds[r - 1];
            int end = ringEnds[r];
            for (int i = start; i < end; i++) {
                int j = i + 1 == end ? start : i + 1;
                out.triangle(bottomBase + i, bottomBase + j, topBase + j, flip);
                out.triangle(bottomBase + i, topBase + j, topBase + i, flip);
            }
        }
    }

    /**
     * Adds a solid of revolution: a planar profile in the local xy plane turned by {@code angle} radians
     * about the line through {@code (ax, ay, 0)} along {@code (ux, uy, 0)} (in the profile plane), in
     * {@code steps} steps, with caps unless it turns all the way round. Faces point outwards.
     */
    public void revolve(double[] xy, int[] ringEnds, int ringCount, double ax, double ay, double ux, double uy, double angle, int steps,
            Affine t, MeshBuilder out) {
        int points = ringEnds[ringCount - 1];
        xy = oriented(xy, ringEnds, ringCount);
        double ul = Math.sqrt(ux * ux + uy * uy);
        ux /= ul;
        uy /= ul;
        boolean full = Math.abs(angle) >= 2 * Math.PI - 1e-9;
        int rings = full ? steps : steps + 1;
        MeshBuilder local = new MeshBuilder();
        for (int k = 0; k < rings; k++) {
            double theta = angle * k / steps;
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            for (int i = 0; i < points; i++) {
                // split p - a into the part along u and the part across it; turn the latter about u
                double px = xy[2 * i] - ax;
                double py = xy[2 * i + 1] - ay;
                double along = px * ux + py * uy;
                double cx = px - along * ux;
                double cy = py - along * uy;
                // w = u × (c, 0): (uy*0 - 0*cy, 0*cx - ux*0, ux*cy - uy*cx)
                double wz = ux * cy - uy * cx;
                local.vertex(ax + along * ux + cos * cx, ay + along * uy + cos * cy, sin * wz);
            }
        }
        for (int k = 0; k < steps; k++) {
            int from = k * points;
            int to = ((k + 1) % rings) * points;
            for (int r = 0; r < ringCount; r++) {
                int start = r == 0 ? 0 : ringEnds[r - 1];
                int end = ringEnds[r];
                for (int i = start; i < end; i++) {
                    int j = i + 1 == end ? start : i + 1;
                    local.triangle(from + i, from + j, to + j);
                    local.triangle(from + i, to + j, to + i);
                }
            }
        }
        if (!full) {
            scratchTriangles.clear();
            triangulator.triangulate(xy, ringEnds, ringCount, scratchTriangles);
            int last = steps * points;
            for (int i = 0; i < scratchTriangles.size(); i += 3) {
                int a = scratchTriangles.get(i);
                int b = scratchTriangles.get(i + 1);
                int c = scratchTriangles.get(i + 2);
                local.triangle(a, c, b);
                local.triangle(last + a, last + b, last + c);
            }
        }
        // the turning sense and the rings' orientation decide which way the faces point: make them point out
        if (signedVolume(local) < 0) {
            IntList tri = local.triangles();
            for (int i = 0; i < tri.size(); i += 3) {
                int b = tri.get(i + 1);
                tri.set(i + 1, tri.get(i + 2));
                tri.set(i + 2, b);
            }
        }
        out.append(local, t);
    }

    /** @return a copy of the rings with the outer ring counter-clockwise and the holes clockwise */
    private static double[] oriented(double[] xy, int[] ringEnds, int ringCount) {
        double[] copy = new double[ringEnds[ringCount - 1] * 2];
        for (int r = 0; r < ringCount; r++) {
            int start = r == 0 ? 0 : ringEnds[r - 1];
            int end = ringEnds[r];
            boolean reverse = (r == 0) != (Triangulator.signedArea(xy, start, end) > 0);
            for (int i = start; i < end; i++) {
                int src = reverse ? end - 1 - (i - start) : i;
                copy[2 * i] = xy[2 * src];
                copy[2 * i + 1] = xy[2 * src + 1];
            }
        }
        return copy;
    }

    /** @return the signed volume enclosed by the triangles (divergence theorem) */
    static double signedVolume(MeshBuilder mesh) {
        double[] v = mesh.vertices().array();
        IntList t = mesh.triangles();
        double sum = 0;
        for (int i = 0; i < t.size(); i += 3) {
            int a = 3 * t.get(i);
            int b = 3 * t.get(i + 1);
            int c = 3 * t.get(i + 2);
            sum += v[a] * (v[b + 1] * v[c + 2] - v[b + 2] * v[c + 1]) - v[a + 1] * (v[b] * v[c + 2] - v[b + 2] * v[c])
                    + v[a + 2] * (v[b] * v[c + 1] - v[b + 1] * v[c]);
        }
        return sum / 6;
    }
}
