package io.sinter.connector.ifc.internal.geometry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a triangle mesh by a plane, keeping the part on the negative side of the plane's normal, and
 * closes the cut with cap polygons (the loops of the cut, holes nested in their smallest enclosing
 * loop). Closed, consistently oriented input gives closed output; the caps face along the normal.
 */
public final class PlaneClip {
    private final Tessellator tessellator = new Tessellator();

    /** Quantised position, to join cut segments whose end vertices were created twice. */
    private record Key(long x, long y, long z) {
    }

    /**
     * @param in the mesh to cut (not changed)
     * @param point a point of the plane
     * @param normal the plane normal; the side it points to is removed
     * @param out where the kept part goes
     * @return false when nothing was removed (the whole mesh was copied)
     */
    public boolean clip(MeshBuilder in, double[] point, double[] normal, MeshBuilder out) {
        double nl = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        double nx = normal[0] / nl;
        double ny = normal[1] / nl;
        double nz = normal[2] / nl;
        double[] v = in.vertices().array();
        int count = in.vertexCount();
        double[] d = new double[count];
        double extent = 0;
        for (int i = 0; i < count; i++) {
            d[i] = (v[3 * i] - point[0]) * nx + (v[3 * i + 1] - point[1]) * ny + (v[3 * i + 2] - point[2]) * nz;
            extent = Math.max(extent, Math.abs(d[i]));
        }
        double eps = 1e-9 * Math.max(1, extent);
        boolean anyOut = false;
        boolean[] on = new boolean[count];
        for (int i = 0; i < count; i++) {
            on[i] = Math.abs(d[i]) <= eps;
            if (d[i] > eps) {
                anyOut = true;
            } else if (on[i]) {
                d[i] = 0;
            }
        }
        if (!anyOut) {
            out.append(in, Affine.IDENTITY);
            return false;
        }
        int[] map = new int[count];
        java.util.Arrays.fill(map, -1);
        Map<Long, Integer> cuts = new HashMap<>();
        DoubleList segments = new DoubleList(); // from xyz, to xyz
        IntList tri = in.triangles();
        int[] poly = new int[4];
        for (int t = 0; t < tri.size(); t += 3) {
            int[] c = {tri.get(t), tri.get(t + 1), tri.get(t + 2)};
            int inside = 0;
            for (int k = 0; k < 3; k++) {
                if (d[c[k]] <= 0) {
                    inside++;
                }
            }
            if (inside == 0) {
                continue;
            }
            if (on[c[0]] && on[c[1]] && on[c[2]]) {
                // a face in the plane bounds the kept part only when it faces the removed side
                double ux = v[3 * c[1]] - v[3 * c[0]];
                double uy = v[3 * c[1] + 1] - v[3 * c[0] + 1];
                double uz = v[3 * c[1] + 2] - v[3 * c[0] + 2];
                double wx = v[3 * c[2]] - v[3 * c[0]];
                double wy = v[3 * c[2] + 1] - v[3 * c[0] + 1];
                double wz = v[3 * c[2] + 2] - v[3 * c[0] + 2];
                double facing = (uy * wz - uz * wy) * nx + (uz * wx - ux * wz) * ny + (ux * wy - uy * wx) * nz;
                if (facing > 0) {
                    out.triangle(keep(c[0], v, map, out), keep(c[1], v, map, out), keep(c[2], v, map, out));
                } else {
                    // dropped: its edges cancel the cap edges its neighbours add
                    for (int k = 0; k < 3; k++) {
                        int a = c[k];
                        int b = c[(k + 1) % 3];
                        segments.add(v[3 * a], v[3 * a + 1], v[3 * a + 2]);
                        segments.add(v[3 * b], v[3 * b + 1], v[3 * b + 2]);
                    }
                }
                continue;
            }
            int n = 0;
            int exit = -1;
            int entry = -1;
            for (int k = 0; k < 3; k++) {
                int a = c[k];
                int b = c[(k + 1) % 3];
                boolean aIn = d[a] <= 0;
                boolean bIn = d[b] <= 0;
                if (aIn) {
                    poly[n++] = keep(a, v, map, out);
                }
                if (aIn && !bIn) {
                    // leaving the kept side: at a itself when a lies in the plane
                    exit = d[a] == 0 ? keep(a, v, map, out) : cut(a, b, v, d, cuts, out);
                    if (d[a] != 0) {
                        poly[n++] = exit;
                    }
                } else if (!aIn && bIn) {
                    // entering: at b itself when b lies in the plane (b comes next in the polygon)
                    entry = d[b] == 0 ? keep(b, v, map, out) : cut(a, b, v, d, cuts, out);
                    if (d[b] != 0) {
                        poly[n++] = entry;
                    }
                }
            }
            for (int k = 1; k + 1 < n; k++) {
                out.triangle(poly[0], poly[k], poly[k + 1]);
            }
            if (exit >= 0 && entry >= 0) {
                // the cap runs against the kept polygon's boundary: entry -> exit
                double[] o = out.vertices().array();
                segments.add(o[3 * entry], o[3 * entry + 1], o[3 * entry + 2]);
                segments.add(o[3 * exit], o[3 * exit + 1], o[3 * exit + 2]);
            }
        }
        cap(segments, nx, ny, nz, extent, out);
        return true;
    }

    private static int keep(int a, double[] v, int[] map, MeshBuilder out) {
        if (map[a] < 0) {
            map[a] = out.vertex(v[3 * a], v[3 * a + 1], v[3 * a + 2]);
        }
        return map[a];
    }

    private static int cut(int a, int b, double[] v, double[] d, Map<Long, Integer> cuts, MeshBuilder out) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        long key = ((long) lo << 32) | hi;
        Integer known = cuts.get(key);
        if (known != null) {
            return known;
        }
        double s = d[lo] / (d[lo] - d[hi]);
        int index = out.vertex(v[3 * lo] + s * (v[3 * hi] - v[3 * lo]), v[3 * lo + 1] + s * (v[3 * hi + 1] - v[3 * lo + 1]),
                v[3 * lo + 2] + s * (v[3 * hi + 2] - v[3 * lo + 2]));
        cuts.put(key, index);
        return index;
    }

    /** Chains the cut segments into loops and fills them. */
    private void cap(DoubleList segments, double nx, double ny, double nz, double extent, MeshBuilder out) {
        int count = segments.size() / 6;
        if (count < 3) {
            return;
        }
        double quantum = 1e-7 * Math.max(1, extent);
        double[] s = segments.array();
        // a segment and its reverse cancel (an edge in the plane between two dropped faces)
        boolean[] used = new boolean[count];
        Map<List<Key>, List<Integer>> open = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Key from = key(s, 6 * i, quantum);
            Key to = key(s, 6 * i + 3, quantum);
            if (from.equals(to)) {
                used[i] = true;
                continue;
            }
            List<Integer> reverse = open.get(List.of(to, from));
            if (reverse != null && !reverse.isEmpty()) {
                used[reverse.remove(reverse.size() - 1)] = true;
                used[i] = true;
            } else {
                open.computeIfAbsent(List.of(from, to), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Key, List<Integer>> byStart = new HashMap<>();
        for (int i = 0; i < count; i++) {
            if (!used[i]) {
                byStart.computeIfAbsent(key(s, 6 * i, quantum), k -> new ArrayList<>()).add(i);
            }
        }
        List<double[]> loops = new ArrayList<>();
        for (int first = 0; first < count; first++) {
            if (used[first]) {
                continue;
            }
            DoubleList loop = new DoubleList();
            Key start = key(s, 6 * first, quantum);
            int current = first;
            boolean closed = false;
            while (current >= 0 && !used[current]) {
                used[current] = true;
                loop.add(s[6 * current], s[6 * current + 1], s[6 * current + 2]);
                Key end = key(s, 6 * current + 3, quantum);
                if (end.equals(start)) {
                    closed = true;
                    break;
                }
                current = -1;
                for (int candidate : byStart.getOrDefault(end, List.of())) {
                    if (!used[candidate]) {
                        current = candidate;
                        break;
                    }
                }
            }
            if (closed && loop.size() >= 9) {
                loops.add(loop.toArray());
            }
        }
        if (loops.isEmpty()) {
            return;
        }
        // plane basis (u, v, n) as in Tessellator.face
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
        List<double[]> flat = new ArrayList<>();
        double[] areas = new double[loops.size()];
        for (int l = 0; l < loops.size(); l++) {
            double[] p = loops.get(l);
            double[] q = new double[p.length / 3 * 2];
            for (int i = 0; i < p.length / 3; i++) {
                q[2 * i] = p[3 * i] * ux + p[3 * i + 1] * uy + p[3 * i + 2] * uz;
                q[2 * i + 1] = p[3 * i] * vx + p[3 * i + 1] * vy + p[3 * i + 2] * vz;
            }
            flat.add(q);
            areas[l] = Triangulator.signedArea(q, 0, q.length / 2);
        }
        // outer loops run counter-clockwise about n; a clockwise loop is a hole of the smallest outer loop around it
        List<List<Integer>> groups = new ArrayList<>();
        int[] groupOf = new int[loops.size()];
        for (int l = 0; l < loops.size(); l++) {
            groupOf[l] = -1;
            if (areas[l] > 0) {
                groupOf[l] = groups.size();
                List<Integer> group = new ArrayList<>();
                group.add(l);
                groups.add(group);
            }
        }
        for (int l = 0; l < loops.size(); l++) {
            if (areas[l] > 0) {
                continue;
            }
            double[] q = flat.get(l);
            int best = -1;
            for (int o = 0; o < loops.size(); o++) {
                if (areas[o] > 0 && contains(flat.get(o), q[0], q[1]) && (best < 0 || areas[o] < areas[best])) {
                    best = o;
                }
            }
            if (best >= 0) {
                groups.get(groupOf[best]).add(l);
            }
        }
        for (List<Integer> group : groups) {
            int total = 0;
            for (int l : group) {
                total += loops.get(l).length / 3;
            }
            double[] xyz = new double[total * 3];
            int[] ids = new int[total];
            int[] ends = new int[group.size()];
            int at = 0;
            for (int g = 0; g < group.size(); g++) {
                double[] p = loops.get(group.get(g));
                for (int i = 0; i < p.length / 3; i++, at++) {
                    xyz[3 * at] = p[3 * i];
                    xyz[3 * at + 1] = p[3 * i + 1];
                    xyz[3 * at + 2] = p[3 * i + 2];
                    ids[at] = out.vertex(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
                }
                ends[g] = at;
            }
            tessellator.face(xyz, ids, ends, ends.length, false, out);
        }
    }

    private static Key key(double[] s, int at, double quantum) {
        return new Key(Math.round(s[at] / quantum), Math.round(s[at + 1] / quantum), Math.round(s[at + 2] / quantum));
    }

    private static boolean contains(double[] ring, double x, double y) {
        boolean inside = false;
        int n = ring.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double yi = ring[2 * i + 1];
            double yj = ring[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (ring[2 * j] - ring[2 * i]) * (y - yi) / (yj - yi) + ring[2 * i]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
