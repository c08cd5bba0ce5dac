package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.ifc.internal.geometry.Affine;
import io.sinter.connector.ifc.internal.geometry.DoubleList;
import io.sinter.connector.ifc.internal.geometry.IntList;
import io.sinter.connector.ifc.internal.step.StepInstance;

/**
 * Reads an IfcProfileDef as closed 2D rings in metres (outer ring first, then holes; a ring does not
 * repeat its first point): rectangles (plain, rounded, hollow), circles (plain, hollow), ellipses, I, L,
 * T, U, C and Z shapes (without fillet and edge radii), arbitrary closed profiles with and without
 * voids, and derived profiles. The profile's Position is applied.
 */
final class Profiles {
    private static final int MAX_DEPTH = 16;

    private final IfcModel model;
    private final Curves curves;
    private final DoubleList curve = new DoubleList();

    Profiles(Curves curves) {
        this.model = curves.model();
        this.curves = curves;
    }

    /**
     * @param profile an IfcProfileDef
     * @param xy where the ring points go (x, y)
     * @param ringEnds where the ring ends go (in points)
     * @return false (the entity reported) when the profile is not supported or has no area
     */
    boolean rings(StepInstance profile, DoubleList xy, IntList ringEnds) {
        return rings(profile, xy, ringEnds, 0);
    }

    private boolean rings(StepInstance profile, DoubleList xy, IntList ringEnds, int depth) {
        if (profile == null || depth > MAX_DEPTH) {
            curves.unsupported(profile);
            return false;
        }
        int startPoints = xy.size() / 2;
        boolean ok;
        if (model.isA(profile, "IfcArbitraryClosedProfileDef")) {
            ok = curveRing(model.ref(profile, "OuterCurve"), xy, ringEnds);
            if (ok && model.isA(profile, "IfcArbitraryProfileDefWithVoids")) {
                for (StepInstance inner : model.refs(profile, "InnerCurves")) {
                    if (!curveRing(inner, xy, ringEnds)) {
                        return false;
                    }
                }
            }
            return ok;
        }
        if (model.isA(profile, "IfcDerivedProfileDef")) {
            int ringsBefore = ringEnds.size();
            if (!rings(model.ref(profile, "ParentProfile"), xy, ringEnds, depth + 1)) {
                return false;
            }
            transform(xy, startPoints, curves.operator(model.ref(profile, "Operator")));
            return ringEnds.size() > ringsBefore;
        }
        if (!model.isA(profile, "IfcParameterizedProfileDef")) {
            curves.unsupported(profile);
            return false;
        }
        int ringsBefore = ringEnds.size();
        ok = parameterized(profile, xy, ringEnds);
        if (!ok) {
            curves.unsupported(profile);
            return false;
        }
        dropRepeats(xy, ringEnds, ringsBefore);
        transform(xy, startPoints, curves.placement(model.ref(profile, "Position")));
        return true;
    }

    /** Drops points that repeat their predecessor in the rings from {@code firstRing} on (a rounding radius of half the side). */
    private static void dropRepeats(DoubleList xy, IntList ends, int firstRing) {
        int write = firstRing == 0 ? 0 : ends.get(firstRing - 1);
        int read = write;
        for (int r = firstRing; r < ends.size(); r++) {
            int ringStart = write;
            int end = ends.get(r);
            for (; read < end; read++) {
                double x = xy.get(2 * read);
                double y = xy.get(2 * read + 1);
                boolean repeat = write > ringStart && Math.abs(xy.get(2 * write - 2) - x) < Curves.SAME_POINT
                        && Math.abs(xy.get(2 * write - 1) - y) < Curves.SAME_POINT;
                if (!repeat) {
                    xy.set(2 * write, x);
                    xy.set(2 * write + 1, y);
                    write++;
                }
            }
            if (write - ringStart > 1 && Math.abs(xy.get(2 * ringStart) - xy.get(2 * write - 2)) < Curves.SAME_POINT
                    && Math.abs(xy.get(2 * ringStart + 1) - xy.get(2 * write - 1)) < Curves.SAME_POINT) {
                write--;
            }
            ends.set(r, write);
        }
        xy.truncate(2 * write);
    }

    private static void transform(DoubleList xy, int fromPoint, Affine t) {
        if (t.isIdentity()) {
            return;
        }
        for (int i = fromPoint; i < xy.size() / 2; i++) {
            double x = xy.get(2 * i);
            double y = xy.get(2 * i + 1);
            xy.set(2 * i, t.x(x, y, 0));
            xy.set(2 * i + 1, t.y(x, y, 0));
        }
    }

    private double len(StepInstance profile, String name) {
        Double value = model.number(profile, name);
        return value == null ? Double.NaN : curves.units().length(value);
    }

    private double lenOr(StepInstance profile, String name, double fallback) {
        double value = len(profile, name);
        return Double.isNaN(value) ? fallback : value;
    }

    private boolean parameterized(StepInstance p, DoubleList xy, IntList ends) {
        if (model.isA(p, "IfcRectangleProfileDef")) {
            double x = len(p, "XDim");
            double y = len(p, "YDim");
            if (!(x > 0 && y > 0)) {
                return false;
            }
            if (model.isA(p, "IfcRectangleHollowProfileDef")) {
                double t = len(p, "WallThickness");
                if (!(t > 0 && 2 * t < Math.min(x, y))) {
                    return false;
                }
                roundedRectangle(x, y, lenOr(p, "OuterFilletRadius", 0), xy, ends);
                roundedRectangle(x - 2 * t, y - 2 * t, lenOr(p, "InnerFilletRadius", 0), xy, ends);
                return true;
            }
            double r = model.isA(p, "IfcRoundedRectangleProfileDef") ? lenOr(p, "RoundingRadius", 0) : 0;
            roundedRectangle(x, y, r, xy, ends);
            return true;
        }
        if (model.isA(p, "IfcCircleProfileDef")) {
            double r = len(p, "Radius");
            if (!(r > 0)) {
                return false;
            }
            ellipse(r, r, xy, ends);
            if (model.isA(p, "IfcCircleHollowProfileDef")) {
                double t = len(p, "WallThickness");
                if (!(t > 0 && t < r)) {
                    return false;
                }
                ellipse(r - t, r - t, xy, ends, Curves.segments(r));
            }
            return true;
        }
        if (model.isA(p, "IfcEllipseProfileDef")) {
            double a = len(p, "SemiAxis1");
            double b = len(p, "SemiAxis2");
            if (!(a > 0 && b > 0)) {
                return false;
            }
            ellipse(a, b, xy, ends);
            return true;
        }
        if (model.isA(p, "IfcIShapeProfileDef")) {
            double b = len(p, "OverallWidth") / 2;
            double h = len(p, "OverallDepth") / 2;
            double w = len(p, "WebThickness") / 2;
            double f = len(p, "FlangeThickness");
            return polygon(xy, ends, valid(b, h, w, f) && w < b && 2 * f < 2 * h,
                    -b, -h, b, -h, b, -h + f, w, -h + f, w, h - f, b, h - f, b, h, -b, h, -b, h - f, -w, h - f, -w, -h + f, -b, -h + f);
        }
        if (model.isA(p, "IfcLShapeProfileDef")) {
            double d = len(p, "Depth");
            double w = lenOr(p, "Width", d);
            double t = len(p, "Thickness");
            double hx = w / 2;
            double hy = d / 2;
            return polygon(xy, ends, valid(d, w, t) && t < Math.min(w, d),
                    -hx, -hy, hx, -hy, hx, -hy + t, -hx + t, -hy + t, -hx + t, hy, -hx, hy);
        }
        if (model.isA(p, "IfcTShapeProfileDef")) {
            double hy = len(p, "Depth") / 2;
            double b = len(p, "FlangeWidth") / 2;
            double w = len(p, "WebThickness") / 2;
            double f = len(p, "FlangeThickness");
            return polygon(xy, ends, valid(hy, b, w, f) && w < b && f < 2 * hy,
                    -w, -hy, w, -hy, w, hy - f, b, hy - f, b, hy, -b, hy, -b, hy - f, -w, hy - f);
        }
        if (model.isA(p, "IfcUShapeProfileDef")) {
            double hy = len(p, "Depth") / 2;
            double b = len(p, "FlangeWidth") / 2;
            double w = len(p, "WebThickness");
            double f = len(p, "FlangeThickness");
            return polygon(xy, ends, valid(hy, b, w, f) && w < 2 * b && 2 * f < 2 * hy,
                    -b, -hy, b, -hy, b, -hy + f, -b + w, -hy + f, -b + w, hy - f, b, hy - f, b, hy, -b, hy);
        }
        if (model.isA(p, "IfcCShapeProfileDef")) {
            double hy = len(p, "Depth") / 2;
            double b = len(p, "Width") / 2;
            double t = len(p, "WallThickness");
            double g = lenOr(p, "Girth", 0);
            if (!(g > t)) {
                return polygon(xy, ends, valid(hy, b, t) && 2 * t < 2 * b && 2 * t < 2 * hy,
                        -b, -hy, b, -hy, b, -hy + t, -b + t, -hy + t, -b + t, hy - t, b, hy - t, b, hy, -b, hy);
            }
            return polygon(xy, ends, valid(hy, b, t, g) && 2 * t < 2 * b && g < hy,
                    -b, -hy, b, -hy, b, -hy + g, b - t, -hy + g, b - t, -hy + t, -b + t, -hy + t,
                    -b + t, hy - t, b - t, hy - t, b - t, hy - g, b, hy - g, b, hy, -b, hy);
        }
        if (model.isA(p, "IfcZShapeProfileDef")) {
            double hy = len(p, "Depth") / 2;
            double b = len(p, "FlangeWidth");
            double w = len(p, "WebThickness") / 2;
            double f = len(p, "FlangeThickness");
            return polygon(xy, ends, valid(hy, b, w, f) && 2 * w < b && f < hy,
                    -b + w, -hy, w, -hy, w, hy - f, b - w, hy - f, b - w, hy, -w, hy, -w, -hy + f, -b + w, -hy + f);
        }
        return false;
    }

    private static boolean valid(double... values) {
        for (double v : values) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean polygon(DoubleList xy, IntList ends, boolean valid, double... points) {
        if (!valid) {
            return false;
        }
        for (int i = 0; i < points.length; i += 2) {
            xy.add(points[i], points[i + 1]);
        }
        ends.add(xy.size() / 2);
        return true;
    }

    private static void ellipse(double a, double b, DoubleList xy, IntList ends) {
        ellipse(a, b, xy, ends, Curves.segments(Math.max(a, b)));
    }

    private static void ellipse(double a, double b, DoubleList xy, IntList ends, int n) {
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            xy.add(a * Math.cos(angle), b * Math.sin(angle));
        }
        ends.add(xy.size() / 2);
    }

    /** A centred x × y rectangle, corners rounded by r (quarter circles) when r > 0. */
    private static void roundedRectangle(double x, double y, double r, DoubleList xy, IntList ends) {
        double hx = x / 2;
        double hy = y / 2;
        r = Math.min(r, Math.min(hx, hy));
        if (!(r > 0)) {
            xy.add(-hx, -hy);
            xy.add(hx, -hy);
            xy.add(hx, hy);
            xy.add(-hx, hy);
            ends.add(xy.size() / 2);
            return;
        }
        int quarter = Math.max(1, Curves.segments(r) / 4);
        double[][] centres = {{hx - r, -hy + r}, {hx - r, hy - r}, {-hx + r, hy - r}, {-hx + r, -hy + r}};
        for (int c = 0; c < 4; c++) {
            double start = -Math.PI / 2 + c * Math.PI / 2;
            for (int i = 0; i <= quarter; i++) {
                double angle = start + (Math.PI / 2) * i / quarter;
                xy.add(centres[c][0] + r * Math.cos(angle), centres[c][1] + r * Math.sin(angle));
            }
        }
        ends.add(xy.size() / 2);
    }

    /** Appends a closed curve as a ring (closing point and repeats dropped); false when it has no area. */
    private boolean curveRing(StepInstance closedCurve, DoubleList xy, IntList ends) {
        curve.clear();
        if (!curves.points(closedCurve, curve)) {
            return false;
        }
        int n = curve.size() / 3;
        int start = xy.size();
        double[] c = curve.array();
        for (int i = 0; i < n; i++) {
            double x = c[3 * i];
            double y = c[3 * i + 1];
            int m = xy.size();
            if (m > start && Math.abs(xy.get(m - 2) - x) < Curves.SAME_POINT && Math.abs(xy.get(m - 1) - y) < Curves.SAME_POINT) {
                continue;
            }
            xy.add(x, y);
        }
        while (xy.size() - start >= 4 && Math.abs(xy.get(start) - xy.get(xy.size() - 2)) < Curves.SAME_POINT
                && Math.abs(xy.get(start + 1) - xy.get(xy.size() - 1)) < Curves.SAME_POINT) {
            xy.truncate(xy.size() - 2);
        }
        if ((xy.size() - start) / 2 < 3) {
            xy.truncate(start);
            curves.unsupported(closedCurve);
            return false;
        }
        ends.add(xy.size() / 2);
        return true;
    }
}
