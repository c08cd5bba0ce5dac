package io.sinter.connector.dxf.internal.geometry;

/**
 * Tessellation of circular and elliptical arcs into polylines. The number of segments follows a chord tolerance in
 * world metres: the sagitta (largest distance between arc and chord) stays below {@code min(1 mm, 1% of the
 * radius)}, with at least 8 and at most 256 segments per full turn. Large arcs (radius above 1.6 m or so) thus keep
 * up to about 1 mm of deviation only up to the 256-segment cap; small arcs get at least 23 segments per turn.
 */
public final class Curves {
    /** Largest chord deviation in metres. */
    public static final double CHORD_TOLERANCE = 1e-3;
    /** Largest chord deviation relative to the radius. */
    public static final double RELATIVE_CHORD_TOLERANCE = 0.01;
    static final int MIN_SEGMENTS_PER_TURN = 8;
    static final int MAX_SEGMENTS_PER_TURN = 256;
    private static final double TWO_PI = 2 * Math.PI;

    private Curves() {
    }

    /**
     * @param radiusMetres the radius in world metres
     * @param sweep        the absolute angle of the arc in radians
     * @return how many chords approximate the arc
     */
    public static int segments(double radiusMetres, double sweep) {
        double turns = Math.abs(sweep) / TWO_PI;
        int min = Math.max(1, (int) Math.ceil(MIN_SEGMENTS_PER_TURN * turns - 1e-9));
        int max = Math.max(min, (int) Math.ceil(MAX_SEGMENTS_PER_TURN * turns - 1e-9));
        if (!(radiusMetres > 0) || !Double.isFinite(radiusMetres)) {
            return min;
        }
        double tolerance = Math.min(CHORD_TOLERANCE, RELATIVE_CHORD_TOLERANCE * radiusMetres);
        double step = 2 * Math.acos(1 - tolerance / radiusMetres);
        long needed = (long) Math.ceil(Math.abs(sweep) / step - 1e-9);
        return (int) Math.max(min, Math.min(max, needed));
    }

    /**
     * Adds the points of a circular arc in the xy plane at height {@code z}.
     *
     * @param start      start angle in radians
     * @param sweep      signed sweep in radians (positive counter-clockwise)
     * @param scale      world metres per unit of these coordinates (for the chord tolerance)
     * @param withStart  whether to add the start point (false when it is already the last point of the list)
     */
    static void arc(PointList out, double cx, double cy, double z, double radius, double start, double sweep,
            double scale, boolean withStart) {
        int n = segments(radius * scale, sweep);
        for (int i = withStart ? 0 : 1; i <= n; i++) {
            double angle = start + sweep * i / n;
            out.add(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), z);
        }
    }

    /** Adds a full circle's points (the start point once: the caller closes the polyline). */
    static void circle(PointList out, double cx, double cy, double z, double radius, double scale) {
        int n = segments(radius * scale, TWO_PI);
        for (int i = 0; i < n; i++) {
            double angle = TWO_PI * i / n;
            out.add(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), z);
        }
    }

    /**
     * Adds the points of a bulged polyline segment from {@code (x1, y1)} (not added) to {@code (x2, y2)} (added): the
     * bulge is the tangent of a quarter of the included angle, negative for clockwise; 0 is a straight segment.
     */
    static void bulge(PointList out, double x1, double y1, double x2, double y2, double z, double bulge, double scale) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double chord = Math.hypot(dx, dy);
        if (Math.abs(bulge) < 1e-12 || chord == 0 || !Double.isFinite(bulge)) {
            out.add(x2, y2, z);
            return;
        }
        double included = 4 * Math.atan(bulge);
        double half = included / 2;
        double radius = chord / (2 * Math.abs(Math.sin(half)));
        double offset = chord / 2 / Math.tan(half);
        double cx = (x1 + x2) / 2 - dy / chord * offset;
        double cy = (y1 + y2) / 2 + dx / chord * offset;
        double start = Math.atan2(y1 - cy, x1 - cx);
        int n = segments(radius * scale, included);
        for (int i = 1; i < n; i++) {
            double angle = start + included * i / n;
            out.add(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle), z);
        }
        out.add(x2, y2, z);
    }

    /**
     * Adds the points of an elliptical arc {@code c + cos(t) major + sin(t) minor} for {@code t} from {@code t0} by
     * {@code sweep}.
     *
     * @param majorRadius length of the major axis vector in world metres (for the chord tolerance)
     */
    static void ellipse(PointList out, double[] c, double[] major, double[] minor, double t0, double sweep,
            double majorRadius, boolean withStart) {
        int n = segments(majorRadius, sweep);
        for (int i = withStart ? 0 : 1; i <= n; i++) {
            double t = t0 + sweep * i / n;
            double cos = Math.cos(t);
            double sin = Math.sin(t);
            out.add(c[0] + cos * major[0] + sin * minor[0], c[1] + cos * major[1] + sin * minor[1],
                    c[2] + cos * major[2] + sin * minor[2]);
        }
    }

    /** @return the counter-clockwise sweep from {@code start} to {@code end} (radians), in (0, 2π] */
    static double ccwSweep(double start, double end) {
        double sweep = (end - start) % TWO_PI;
        if (sweep <= 1e-12) {
            sweep += TWO_PI;
        }
        return sweep;
    }
}
