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
            local.reverse();
        }
        out.append(local, t);
    }

    /**
     * Adds a tube of {@code radius} (hollow inside {@code innerRadius} when that is positive) along a path
     * of 3D points, with {@code segments} sides; the rings follow the path by parallel transport and the
     * ends are capped. Faces point outwards.
     */
    public void tube(double[] path, double radius, double innerRadius, int segments, Affine t, MeshBuilder out) {
        int n = path.length / 3;
        if (n < 2 || !(radius > 0)) {
            return;
        }
        boolean hollow = innerRadius > 0 && innerRadius < radius;
        MeshBuilder local = new MeshBuilder();
        double[] normal = null;
        double[] previousTangent = null;
        for (int i = 0; i < n; i++) {
            // tangent: the mean of the directions of the segments meeting here
            double[] tangent = new double[3];
            if (i > 0) {
                addUnit(tangent, path, i - 1, i);
            }
            if (i < n - 1) {
                addUnit(tangent, path, i, i + 1);
            }
            double tl = Math.sqrt(tangent[0] * tangent[0] + tangent[1] * tangent[1] + tangent[2] * tangent[2]);
            if (tl < 1e-12) {
                tangent = previousTangent != null ? previousTangent : new double[] {0, 0, 1};
            } else {
                tangent = new double[] {tangent[0] / tl, tangent[1] / tl, tangent[2] / tl};
            }
            if (normal == null) {
                double[] axis = Math.abs(tangent[2]) < 0.9 ? new double[] {0, 0, 1} : new double[] {1, 0, 0};
                normal = cross(axis, tangent);
            } else {
                double dot = normal[0] * tangent[0] + normal[1] * tangent[1] + normal[2] * tangent[2];
                normal = new double[] {normal[0] - dot * tangent[0], normal[1] - dot * tangent[1], normal[2] - dot * tangent[2]};
            }
            double nl = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
            if (nl < 1e-12) {
                double[] axis = Math.abs(tangent[2]) < 0.9 ? new double[] {0, 0, 1} : new double[] {1, 0, 0};
                normal = cross(axis, tangent);
                nl = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
            }
            normal = new double[] {normal[0] / nl, normal[1] / nl, normal[2] / nl};
            double[] binormal = cross(tangent, normal);
            // at a bend the ring lies in the mitre plane: stretched across the bend by 1 / cos(half the turn)
            double[] mitre = null;
            double stretch = 1;
            if (i > 0 && i < n - 1) {
                double[] in = new double[3];
                double[] outDir = new double[3];
                addUnit(in, path, i - 1, i);
                addUnit(outDir, path, i, i + 1);
                double cosHalf = in[0] * tangent[0] + in[1] * tangent[1] + in[2] * tangent[2];
                double[] m = {outDir[0] - in[0], outDir[1] - in[1], outDir[2] - in[2]};
                double ml = Math.sqrt(m[0] * m[0] + m[1] * m[1] + m[2] * m[2]);
                if (ml > 1e-9 && cosHalf > 0.05) {
                    mitre = new double[] {m[0] / ml, m[1] / ml, m[2] / ml};
                    stretch = 1 / cosHalf;
                }
            }
            for (double r : hollow ? new double[] {radius, innerRadius} : new double[] {radius}) {
                for (int k = 0; k < segments; k++) {
                    double a = 2 * Math.PI * k / segments;
                    double c = Math.cos(a) * r;
                    double sn = Math.sin(a) * r;
                    double ox = c * normal[0] + sn * binormal[0];
                    double oy = c * normal[1] + sn * binormal[1];
                    double oz = c * normal[2] + sn * binormal[2];
                    if (mitre != null) {
                        double along = (ox * mitre[0] + oy * mitre[1] + oz * mitre[2]) * (stretch - 1);
                        ox += along * mitre[0];
                        oy += along * mitre[1];
                        oz += along * mitre[2];
                    }
                    local.vertex(path[3 * i] + ox, path[3 * i + 1] + oy, path[3 * i + 2] + oz);
                }
            }
            previousTangent = tangent;
        }
        int perStation = hollow ? 2 * segments : segments;
        for (int i = 0; i + 1 < n; i++) {
            for (int ring = 0; ring < (hollow ? 2 : 1); ring++) {
                int a0 = i * perStation + ring * segments;
                int b0 = a0 + perStation;
                for (int k = 0; k < segments; k++) {
                    int k1 = (k + 1) % segments;
                    if (ring == 0) {
                        local.triangle(a0 + k, a0 + k1, b0 + k1);
                        local.triangle(a0 + k, b0 + k1, b0 + k);
                    } else {
                        local.triangle(a0 + k, b0 + k1, a0 + k1);
                        local.triangle(a0 + k, b0 + k, b0 + k1);
                    }
                }
            }
        }
        for (int end = 0; end < 2; end++) {
            int base = end == 0 ? 0 : (n - 1) * perStation;
            boolean flip = end == 0;
            if (hollow) {
                for (int k = 0; k < segments; k++) {
                    int k1 = (k + 1) % segments;
                    local.triangle(base + k, base + segments + k, base + segments + k1, !flip);
                    local.triangle(base + k, base + segments + k1, base + k1, !flip);
                }
            } else {
                for (int k = 1; k + 1 < segments; k++) {
                    local.triangle(base, base + k, base + k + 1, flip);
                }
            }
        }
        if (signedVolume(local) < 0) {
            local.reverse();
        }
        out.append(local, t);
    }

    private static void addUnit(double[] sum, double[] path, int from, int to) {
        double dx = path[3 * to] - path[3 * from];
        double dy = path[3 * to + 1] - path[3 * from + 1];
        double dz = path[3 * to + 2] - path[3 * from + 2];
        double l = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (l > 0) {
            sum[0] += dx / l;
            sum[1] += dy / l;
            sum[2] += dz / l;
        }
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
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
