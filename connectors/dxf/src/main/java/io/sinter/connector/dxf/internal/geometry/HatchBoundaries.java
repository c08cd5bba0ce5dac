package io.sinter.connector.dxf.internal.geometry;

import io.sinter.connector.dxf.internal.reader.DxfRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The boundary paths of a HATCH (or MPOLYGON-like) entity as closed loops in its object coordinate system: polyline
 * paths with bulges, and edge paths made of lines, circular arcs, elliptical arcs and splines. The fill pattern is
 * not drawn.
 */
final class HatchBoundaries {
    private static final int POLYLINE_PATH = 2;

    private HatchBoundaries() {
    }

    /**
     * @param scale world metres per OCS unit, for the chord tolerance
     * @return one closed loop per boundary path, at the hatch's elevation
     * @throws Pairs.Malformed when the boundary data do not have the documented structure
     */
    static List<PointList> loops(DxfRecord hatch, double scale) throws Pairs.Malformed {
        Pairs pairs = new Pairs(hatch);
        double elevation = hatch.point(10).map(p -> p.z()).orElse(0.0);
        if (!pairs.skipPast(91)) {
            return List.of();
        }
        List<PointList> loops = new ArrayList<>();
        int paths = (int) hatch.real(91, 0);
        for (int path = 0; path < paths; path++) {
            int type = pairs.requireInt(92);
            PointList loop = new PointList();
            if ((type & POLYLINE_PATH) != 0) {
                polylinePath(pairs, loop, elevation, scale);
            } else {
                edgePath(pairs, loop, elevation, scale);
            }
            while (pairs.peekCode() == 97 || pairs.peekCode() == 330) {
                pairs.next();
            }
            if (loop.size() >= 2) {
                loops.add(loop);
            }
        }
        return loops;
    }

    private static void polylinePath(Pairs pairs, PointList loop, double z, double scale) throws Pairs.Malformed {
        boolean hasBulge = pairs.requireInt(72) != 0;
        pairs.optional(73);
        int count = pairs.requireInt(93);
        double[] xs = new double[count];
        double[] ys = new double[count];
        double[] bulges = new double[count];
        for (int i = 0; i < count; i++) {
            xs[i] = pairs.require(10);
            ys[i] = pairs.require(20);
            double bulge = hasBulge ? pairs.optional(42) : Double.NaN;
            bulges[i] = Double.isNaN(bulge) ? 0 : bulge;
        }
        if (count == 0) {
            return;
        }
        loop.add(xs[0], ys[0], z);
        for (int i = 0; i < count; i++) {
            int next = (i + 1) % count;
            if (next == 0 && bulges[i] == 0) {
                break;
            }
            Curves.bulge(loop, xs[i], ys[i], xs[next], ys[next], z, bulges[i], scale);
        }
    }

    private static void edgePath(Pairs pairs, PointList loop, double z, double scale) throws Pairs.Malformed {
        int edges = pairs.requireInt(93);
        for (int edge = 0; edge < edges; edge++) {
            int type = pairs.requireInt(72);
            switch (type) {
                case 1 -> {
                    double x1 = pairs.require(10);
                    double y1 = pairs.require(20);
                    double x2 = pairs.require(11);
                    double y2 = pairs.require(21);
                    loop.add(x1, y1, z);
                    loop.add(x2, y2, z);
                }
                case 2 -> {
                    double cx = pairs.require(10);
                    double cy = pairs.require(20);
                    double r = pairs.require(40);
                    double start = Math.toRadians(pairs.require(50));
                    double end = Math.toRadians(pairs.require(51));
                    boolean ccw = pairs.requireInt(73) != 0;
                    // clockwise arcs store their angles mirrored about the x axis
                    double sweep = Curves.ccwSweep(start, end);
                    Curves.arc(loop, cx, cy, z, r, ccw ? start : -start, ccw ? sweep : -sweep, scale, true);
                }
                case 3 -> {
                    double cx = pairs.require(10);
                    double cy = pairs.require(20);
                    double mx = pairs.require(11);
                    double my = pairs.require(21);
                    double ratio = pairs.require(40);
                    double start = angleToParameter(Math.toRadians(pairs.require(50)), ratio);
                    double end = angleToParameter(Math.toRadians(pairs.require(51)), ratio);
                    boolean ccw = pairs.requireInt(73) != 0;
                    double[] major = {mx, my, 0};
                    double[] minor = {-my * ratio, mx * ratio, 0};
                    double radius = Math.hypot(mx, my) * scale;
                    double sweep = Curves.ccwSweep(start, end);
                    Curves.ellipse(loop, new double[] {cx, cy, z}, major, minor, ccw ? start : -start,
                            ccw ? sweep : -sweep, radius, true);
                }
                case 4 -> splineEdge(pairs, loop, z);
                default -> throw new Pairs.Malformed("unknown hatch edge type " + type);
            }
        }
    }

    /** Elliptical hatch edges store true angles; the curve is parametrised by the eccentric anomaly. */
    private static double angleToParameter(double angle, double ratio) {
        return ratio > 0 ? Math.atan2(Math.sin(angle) / ratio, Math.cos(angle)) : angle;
    }

    private static void splineEdge(Pairs pairs, PointList loop, double z) throws Pairs.Malformed {
        int degree = pairs.requireInt(94);
        boolean rational = pairs.requireInt(73) != 0;
        pairs.requireInt(74);
        int knotCount = pairs.requireInt(95);
        int controlCount = pairs.requireInt(96);
        double[] knots = new double[knotCount];
        for (int i = 0; i < knotCount; i++) {
            knots[i] = pairs.require(40);
        }
        double[] control = new double[controlCount * 3];
        double[] weights = rational ? new double[controlCount] : null;
        for (int i = 0; i < controlCount; i++) {
            control[i * 3] = pairs.require(10);
            control[i * 3 + 1] = pairs.require(20);
            control[i * 3 + 2] = z;
            if (rational) {
                double w = pairs.optional(42);
                weights[i] = Double.isNaN(w) ? 1 : w;
            }
        }
        PointList fit = new PointList();
        // R2010+ writes the fit data count (97) here; 97 also starts the source boundary list after the last edge
        if (pairs.peekCode() == 97 && (pairs.peekCode(1) == 11 || pairs.peekCode(1) == 97 || pairs.peekCode(1) == 12)) {
            int fitCount = pairs.requireInt(97);
            for (int i = 0; i < fitCount; i++) {
                fit.add(pairs.require(11), pairs.require(21), z);
            }
            if (pairs.peekCode() == 12) {
                pairs.require(12);
                pairs.require(22);
            }
            if (pairs.peekCode() == 13) {
                pairs.require(13);
                pairs.require(23);
            }
        }
        if (Nurbs.valid(degree, knots, controlCount, weights)) {
            Nurbs.sample(loop, degree, knots, control, weights);
        } else if (fit.size() >= 2) {
            for (int i = 0; i < fit.size(); i++) {
                loop.add(fit.x(i), fit.y(i), z);
            }
        } else {
            for (int i = 0; i < controlCount; i++) {
                loop.add(control[i * 3], control[i * 3 + 1], z);
            }
        }
    }
}
