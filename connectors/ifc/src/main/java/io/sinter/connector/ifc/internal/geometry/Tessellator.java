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
        int points = ringEnds[ringCount - 1];
        // orientation: outer ring counter-clockwise, holes clockwise
        double[] ordered = new double[points * 2];
        for (int r = 0; r < ringCount; r++) {
            int start = r == 0 ? 0 : ringEnds[r - 1];
            int end = ringEnds[r];
            boolean ccw = Triangulator.signedArea(xy, start, end) > 0;
            boolean reverse = (r == 0) != ccw;
            for (int i = start; i < end; i++) {
                int src = reverse ? end - 1 - (i - start) : i;
                ordered[2 * i] = xy[2 * src];
                ordered[2 * i + 1] = xy[2 * src + 1];
            }
        }
        scratchTriangles.clear();
        triangulator.triangulate(ordered, ringEnds, ringCount, scratchTriangles);
        boolean flip = (dz < 0) != (t.determinant() < 0);
        int bottom = out.vertexCount();
        for (int i = 0; i < points; i++) {
            out.vertex(t, ordered[2 * i], ordered[2 * i + 1], 0);
        }
        int top = out.vertexCount();
        for (int i = 0; i < points; i++) {
            out.vertex(t, ordered[2 * i] + dx, ordered[2 * i + 1] + dy, dz);
        }
        for (int i = 0; i < scratchTriangles.size(); i += 3) {
            int a = scratchTriangles.get(i);
            int b = scratchTriangles.get(i + 1);
            int c = scratchTriangles.get(i + 2);
            out.triangle(bottom + a, bottom + c, bottom + b, flip);
            out.triangle(top + a, top + b, top + c, flip);
        }
        for (int r = 0; r < ringCount; r++) {
            int start = r == 0 ? 0 : ringEnds[r - 1];
            int end = ringEnds[r];
            for (int i = start; i < end; i++) {
                int j = i + 1 == end ? start : i + 1;
                out.triangle(bottom + i, bottom + j, top + j, flip);
                out.triangle(bottom + i, top + j, top + i, flip);
            }
        }
    }
}
