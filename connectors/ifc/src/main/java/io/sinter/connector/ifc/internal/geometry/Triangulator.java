package io.sinter.connector.ifc.internal.geometry;

/**
 * Triangulates a simple polygon with holes in the plane by ear clipping, after joining each hole to
 * the outer ring by a bridge (the approach of Eberly's "Triangulation by Ear Clipping" as made robust
 * by the earcut library: rings are linked lists, holes are bridged from their leftmost point, and when
 * no ear is found the ring is cleaned of degenerate points, local self-intersections are cured, and as a
 * last resort the polygon is split along a valid diagonal). Handles concave rings, collinear and
 * repeated points and holes touching the outer ring.
 *
 * <p>The nodes of the linked rings live in parallel arrays, so triangulating allocates a handful of
 * arrays and no object per point. Not thread-safe; one instance can be reused for many polygons.
 * Deterministic: the same input gives the same triangles.
 */
public final class Triangulator {
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private int[] index = new int[64];
    private int[] prev = new int[64];
    private int[] next = new int[64];
    private boolean[] steiner = new boolean[64];
    private int size;
    private IntList out;

    /**
     * @param xy the points of all rings, x and y of each
     * @param ringEnds the end (exclusive, in points) of each ring: ring {@code i} holds the points
     *     {@code ringEnds[i-1] .. ringEnds[i]-1}; ring 0 is the outer boundary, the others are holes; the
     *     orientation of the rings does not matter
     * @param ringCount how many entries of {@code ringEnds} are used
     * @param triangles where the triangles go, as point indices, counter-clockwise (x right, y up)
     * @return the number of triangles added
     */
    public int triangulate(double[] xy, int[] ringEnds, int ringCount, IntList triangles) {
        int before = triangles.size();
        size = 0;
        out = triangles;
        int points = ringEnds[ringCount - 1];
        ensure(points + 8 * ringCount + 8);
        int outer = linkedList(xy, 0, ringEnds[0], true);
        if (outer < 0 || next[outer] == prev[outer]) {
            return 0;
        }
        if (ringCount > 1) {
            outer = eliminateHoles(xy, ringEnds, ringCount, outer);
        }
        earcutLinked(outer, 0);
        out = null;
        return (triangles.size() - before) / 3;
    }

    /** @return twice the signed area of a ring of {@code xy} (positive when counter-clockwise) */
    public static double signedArea(double[] xy, int start, int end) {
        double sum = 0;
        for (int i = start, j = end - 1; i < end; j = i++) {
            sum += (xy[2 * j] - xy[2 * i]) * (xy[2 * i + 1] + xy[2 * j + 1]);
        }
        return sum;
    }

    private void ensure(int capacity) {
        if (xs.length >= capacity) {
            return;
        }
        int n = Math.max(capacity, xs.length * 2);
        xs = java.util.Arrays.copyOf(xs, n);
        ys = java.util.Arrays.copyOf(ys, n);
        index = java.util.Arrays.copyOf(index, n);
        prev = java.util.Arrays.copyOf(prev, n);
        next = java.util.Arrays.copyOf(next, n);
        steiner = java.util.Arrays.copyOf(steiner, n);
    }

    private int newNode(int i, double x, double y) {
        ensure(size + 1);
        int n = size++;
        index[n] = i;
        xs[n] = x;
        ys[n] = y;
        prev[n] = n;
        next[n] = n;
        steiner[n] = false;
        return n;
    }

    private int insertNode(int i, double x, double y, int last) {
        int p = newNode(i, x, y);
        if (last >= 0) {
            next[p] = next[last];
            prev[p] = last;
            prev[next[last]] = p;
            next[last] = p;
        }
        return p;
    }

    private void removeNode(int p) {
        next[prev[p]] = next[p];
        prev[next[p]] = prev[p];
    }

    /** Links a ring in the wanted orientation (counter-clockwise for the outer ring, clockwise for holes). */
    private int linkedList(double[] xy, int start, int end, boolean counterClockwise) {
        int last = -1;
        if (end - start < 1) {
            return -1;
        }
        if (counterClockwise == (signedArea(xy, start, end) > 0)) {
            for (int i = start; i < end; i++) {
                last = insertNode(i, xy[2 * i], xy[2 * i + 1], last);
            }
        } else {
            for (int i = end - 1; i >= start; i--) {
                last = insertNode(i, xy[2 * i], xy[2 * i + 1], last);
            }
        }
        if (last >= 0 && equalsPt(last, next[last])) {
            removeNode(last);
            last = next[last];
        }
        return last;
    }

    private boolean equalsPt(int a, int b) {
        return xs[a] == xs[b] && ys[a] == ys[b];
    }

    /** @return twice the signed area of triangle p, q, r, negative when counter-clockwise */
    private double area(int p, int q, int r) {
        return (ys[q] - ys[p]) * (xs[r] - xs[q]) - (xs[q] - xs[p]) * (ys[r] - ys[q]);
    }

    /** Removes repeated and collinear points. */
    private int filterPoints(int start, int end) {
        if (start < 0) {
            return start;
        }
        if (end < 0) {
            end = start;
        }
        int p = start;
        boolean again;
        do {
            again = false;
            if (!steiner[p] && (equalsPt(p, next[p]) || area(prev[p], p, next[p]) == 0)) {
                removeNode(p);
                p = end = prev[p];
                if (p == next[p]) {
                    break;
                }
                again = true;
            } else {
                p = next[p];
            }
        } while (again || p != end);
        return end;
    }

    private void earcutLinked(int ear, int pass) {
        if (ear < 0) {
            return;
        }
        int stop = ear;
        while (prev[ear] != next[ear]) {
            int p = prev[ear];
            int n = next[ear];
            if (isEar(ear)) {
                out.add(index[p], index[ear], index[n]);
                removeNode(ear);
                ear = next[n];
                stop = next[n];
                continue;
            }
            ear = n;
            if (ear == stop) {
                if (pass == 0) {
                    earcutLinked(filterPoints(ear, -1), 1);
                } else if (pass == 1) {
                    ear = cureLocalIntersections(filterPoints(ear, -1));
                    earcutLinked(ear, 2);
                } else {
                    splitEarcut(ear);
                }
                break;
            }
        }
    }

    private boolean isEar(int ear) {
        int a = prev[ear];
        int b = ear;
        int c = next[ear];
        if (area(a, b, c) >= 0) {
            return false; // reflex
        }
        double ax = xs[a];
        double ay = ys[a];
        double bx = xs[b];
        double by = ys[b];
        double cx = xs[c];
        double cy = ys[c];
        double x0 = Math.min(ax, Math.min(bx, cx));
        double y0 = Math.min(ay, Math.min(by, cy));
        double x1 = Math.max(ax, Math.max(bx, cx));
        double y1 = Math.max(ay, Math.max(by, cy));
        for (int p = next[c]; p != a; p = next[p]) {
            double px = xs[p];
            double py = ys[p];
            if (px >= x0 && px <= x1 && py >= y0 && py <= y1 && !(ax == px && ay == py)
                    && pointInTriangle(ax, ay, bx, by, cx, cy, px, py) && area(prev[p], p, next[p]) >= 0) {
                return false;
            }
        }
        return true;
    }

    private int cureLocalIntersections(int start) {
        int p = start;
        do {
            int a = prev[p];
            int b = next[next[p]];
            if (!equalsPt(a, b) && intersects(a, p, next[p], b) && locallyInside(a, b) && locallyInside(b, a)) {
                out.add(index[a], index[p], index[b]);
                removeNode(p);
                removeNode(next[p]);
                p = start = b;
            }
            p = next[p];
        } while (p != start);
        return filterPoints(p, -1);
    }

    private void splitEarcut(int start) {
        int a = start;
        do {
            int b = next[next[a]];
            while (b != prev[a]) {
                if (index[a] != index[b] && isValidDiagonal(a, b)) {
                    int c = splitPolygon(a, b);
                    a = filterPoints(a, next[a]);
                    c = filterPoints(c, next[c]);
                    earcutLinked(a, 0);
                    earcutLinked(c, 0);
                    return;
                }
                b = next[b];
            }
            a = next[a];
        } while (a != start);
    }

    private int eliminateHoles(double[] xy, int[] ringEnds, int ringCount, int outer) {
        int holes = ringCount - 1;
        int[] queue = new int[holes];
        int count = 0;
        for (int h = 1; h < ringCount; h++) {
            int list = linkedList(xy, ringEnds[h - 1], ringEnds[h], false);
            if (list < 0) {
                continue;
            }
            if (list == next[list]) {
                steiner[list] = true;
            }
            queue[count++] = leftmost(list);
        }
        // insertion sort by x (then y, then index) keeps the order deterministic
        for (int i = 1; i < count; i++) {
            int node = queue[i];
            int j = i - 1;
            while (j >= 0 && compareLeft(queue[j], node) > 0) {
                queue[j + 1] = queue[j];
                j--;
            }
            queue[j + 1] = node;
        }
        for (int i = 0; i < count; i++) {
            outer = eliminateHole(queue[i], outer);
        }
        return outer;
    }

    private int compareLeft(int a, int b) {
        int c = Double.compare(xs[a], xs[b]);
        if (c == 0) {
            c = Double.compare(ys[a], ys[b]);
        }
        return c != 0 ? c : Integer.compare(index[a], index[b]);
    }

    private int eliminateHole(int hole, int outer) {
        int bridge = findHoleBridge(hole, outer);
        if (bridge < 0) {
            return outer;
        }
        int bridgeReverse = splitPolygon(bridge, hole);
        filterPoints(bridgeReverse, next[bridgeReverse]);
        return filterPoints(bridge, next[bridge]);
    }

    private int findHoleBridge(int hole, int outer) {
        int p = outer;
        double hx = xs[hole];
        double hy = ys[hole];
        double qx = Double.NEGATIVE_INFINITY;
        int m = -1;
        do {
            int n = next[p];
            if (hy <= ys[p] && hy >= ys[n] && ys[n] != ys[p]) {
                double x = xs[p] + (hy - ys[p]) * (xs[n] - xs[p]) / (ys[n] - ys[p]);
                if (x <= hx && x > qx) {
                    qx = x;
                    m = xs[p] < xs[n] ? p : n;
                    if (x == hx) {
                        return m;
                    }
                }
            }
            p = n;
        } while (p != outer);
        if (m < 0) {
            return -1;
        }
        int stop = m;
        double mx = xs[m];
        double my = ys[m];
        double tanMin = Double.POSITIVE_INFINITY;
        p = m;
        do {
            if (hx >= xs[p] && xs[p] >= mx && hx != xs[p]
                    && pointInTriangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, xs[p], ys[p])) {
                double tan = Math.abs(hy - ys[p]) / (hx - xs[p]);
                if (locallyInside(p, hole) && (tan < tanMin || (tan == tanMin && (xs[p] > xs[m]
                        || (xs[p] == xs[m] && sectorContainsSector(m, p)))))) {
                    m = p;
                    tanMin = tan;
                }
            }
            p = next[p];
        } while (p != stop);
        return m;
    }

    private boolean sectorContainsSector(int m, int p) {
        return area(prev[m], m, prev[p]) < 0 && area(next[p], m, next[m]) < 0;
    }

    private int leftmost(int start) {
        int p = start;
        int left = start;
        do {
            if (xs[p] < xs[left] || (xs[p] == xs[left] && ys[p] < ys[left])) {
                left = p;
            }
            p = next[p];
        } while (p != start);
        return left;
    }

    private static boolean pointInTriangle(double ax, double ay, double bx, double by, double cx, double cy, double px, double py) {
        return (cx - px) * (ay - py) >= (ax - px) * (cy - py)
                && (ax - px) * (by - py) >= (bx - px) * (ay - py)
                && (bx - px) * (cy - py) >= (cx - px) * (by - py);
    }

    private boolean isValidDiagonal(int a, int b) {
        return index[next[a]] != index[b] && index[prev[a]] != index[b] && !intersectsPolygon(a, b)
                && (locallyInside(a, b) && locallyInside(b, a) && middleInside(a, b)
                        && (area(prev[a], a, prev[b]) != 0 || area(a, prev[b], b) != 0)
                    || equalsPt(a, b) && area(prev[a], a, next[a]) > 0 && area(prev[b], b, next[b]) > 0);
    }

    private boolean intersects(int p1, int q1, int p2, int q2) {
        double o1 = Math.signum(area(p1, q1, p2));
        double o2 = Math.signum(area(p1, q1, q2));
        double o3 = Math.signum(area(p2, q2, p1));
        double o4 = Math.signum(area(p2, q2, q1));
        if (o1 != o2 && o3 != o4) {
            return true;
        }
        return o1 == 0 && onSegment(p1, p2, q1) || o2 == 0 && onSegment(p1, q2, q1)
                || o3 == 0 && onSegment(p2, p1, q2) || o4 == 0 && onSegment(p2, q1, q2);
    }

    private boolean onSegment(int p, int q, int r) {
        return xs[q] <= Math.max(xs[p], xs[r]) && xs[q] >= Math.min(xs[p], xs[r])
                && ys[q] <= Math.max(ys[p], ys[r]) && ys[q] >= Math.min(ys[p], ys[r]);
    }

    private boolean intersectsPolygon(int a, int b) {
        int p = a;
        do {
            int n = next[p];
            if (index[p] != index[a] && index[n] != index[a] && index[p] != index[b] && index[n] != index[b]
                    && intersects(p, n, a, b)) {
                return true;
            }
            p = n;
        } while (p != a);
        return false;
    }

    private boolean locallyInside(int a, int b) {
        return area(prev[a], a, next[a]) < 0
                ? area(a, b, next[a]) >= 0 && area(a, prev[a], b) >= 0
                : area(a, b, prev[a]) < 0 || area(a, next[a], b) < 0;
    }

    private boolean middleInside(int a, int b) {
        int p = a;
        boolean inside = false;
        double px = (xs[a] + xs[b]) / 2;
        double py = (ys[a] + ys[b]) / 2;
        do {
            int n = next[p];
            if (((ys[p] > py) != (ys[n] > py)) && ys[n] != ys[p] && (px < (xs[n] - xs[p]) * (py - ys[p]) / (ys[n] - ys[p]) + xs[p])) {
                inside = !inside;
            }
            p = n;
        } while (p != a);
        return inside;
    }

    /** Links a to b with a bridge; if a and b are on the same ring this splits it in two. @return the copy of b */
    private int splitPolygon(int a, int b) {
        int a2 = newNode(index[a], xs[a], ys[a]);
        int b2 = newNode(index[b], xs[b], ys[b]);
        int an = next[a];
        int bp = prev[b];
        next[a] = b;
        prev[b] = a;
        next[a2] = an;
        prev[an] = a2;
        next[b2] = a2;
        prev[a2] = b2;
        next[bp] = b2;
        prev[b2] = bp;
        return b2;
    }
}
