package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.ifc.internal.geometry.Affine;
import io.sinter.connector.ifc.internal.geometry.DoubleList;
import io.sinter.connector.ifc.internal.step.StepEnum;
import io.sinter.connector.ifc.internal.step.StepInstance;
import io.sinter.connector.ifc.internal.step.StepRef;
import io.sinter.connector.ifc.internal.step.StepTypedValue;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads geometric basics in metres: points, directions, axis placements and transformation operators
 * as {@link Affine} maps, and curves as point sequences: IfcPolyline, IfcIndexedPolyCurve (line and arc
 * segments), IfcCompositeCurve (and its 2D and on-surface subtypes), IfcTrimmedCurve of IfcCircle,
 * IfcEllipse and IfcLine, full circles and ellipses. Arcs get {@link #segments(double)} segments per full
 * turn.
 */
final class Curves {
    private static final int MAX_DEPTH = 32;

    private final IfcModel model;
    private final Units units;
    private final Placements placements;
    /** Reports an unsupported entity as {@code "IFCXYZ #12"}. */
    private Consumer<String> unsupported = s -> { };

    Curves(IfcModel model, Units units, Placements placements) {
        this.model = model;
        this.units = units;
        this.placements = placements;
    }

    IfcModel model() {
        return model;
    }

    Units units() {
        return units;
    }

    void onUnsupported(Consumer<String> sink) {
        this.unsupported = sink;
    }

    void unsupported(StepInstance instance) {
        unsupported.accept(instance == null ? "a missing instance" : instance.type() + " #" + instance.id());
    }

    /** @return segments for a full turn of a circle of {@code radius} metres: 24, fewer for small radii */
    static int segments(double radius) {
        double r = Math.abs(radius);
        return r >= 0.1 ? 24 : r >= 0.02 ? 16 : 8;
    }

    /** Reads an IfcCartesianPoint into {@code into} (metres, missing coordinates 0); false when it is none. */
    boolean point(StepInstance point, double[] into) {
        into[0] = 0;
        into[1] = 0;
        into[2] = 0;
        Object coordinates = point == null ? null : model.value(point, "Coordinates");
        if (!(coordinates instanceof List<?> list)) {
            return false;
        }
        for (int i = 0; i < Math.min(3, list.size()); i++) {
            Double n = IfcModel.number(list.get(i));
            into[i] = n == null ? 0 : units.length(n);
        }
        return true;
    }

    /** @return the axis placement (IfcAxis2Placement2D/3D, IfcAxis1Placement) as a map; identity when absent */
    Affine placement(StepInstance axes) {
        if (axes == null) {
            return Affine.IDENTITY;
        }
        if (model.isA(axes, "IfcAxis1Placement")) {
            double[] origin = placements.point(model.ref(axes, "Location"));
            Transform t = Transform.of(origin, null, placements.direction(model.ref(axes, "Axis")));
            return affine(t);
        }
        return affine(placements.axisPlacement(axes));
    }

    static Affine affine(Transform t) {
        return Affine.of(t.rotation(), t.origin().x(), t.origin().y(), t.origin().z());
    }

    /**
     * @return an IfcCartesianTransformationOperator (2D or 3D, uniform or not) as a map, following the
     *     EXPRESS functions IfcBaseAxis, IfcFirstProjAxis and IfcSecondProjAxis (a mirroring Axis2 is kept)
     */
    Affine operator(StepInstance op) {
        if (op == null) {
            return Affine.IDENTITY;
        }
        double[] origin = placements.point(model.ref(op, "LocalOrigin"));
        Double s = model.number(op, "Scale");
        double scale = s == null ? 1 : s;
        Double s2 = model.number(op, "Scale2");
        Double s3 = model.number(op, "Scale3");
        double scale2 = s2 == null ? scale : s2;
        double scale3 = s3 == null ? scale : s3;
        boolean is3d = model.isA(op, "IfcCartesianTransformationOperator3D");
        double[] z = normalise(is3d ? placements.direction(model.ref(op, "Axis3")) : null, new double[] {0, 0, 1});
        double[] a1 = placements.direction(model.ref(op, "Axis1"));
        if (a1 == null) {
            a1 = Math.abs(z[0]) > 1 - 1e-12 ? new double[] {0, 1, 0} : new double[] {1, 0, 0};
        }
        double[] x = normalise(minus(a1, z, dot(a1, z)), new double[] {1, 0, 0});
        double[] a2 = placements.direction(model.ref(op, "Axis2"));
        double[] y;
        if (a2 == null) {
            y = cross(z, x);
        } else {
            double[] v = minus(a2, x, dot(a2, x));
            v = minus(v, z, dot(a2, z));
            y = normalise(v, cross(z, x));
        }
        if (!is3d) {
            scale3 = 1;
        }
        return Affine.of(times(x, scale), times(y, scale2), times(z, scale3), origin);
    }

    /**
     * Appends the points of a curve (x, y, z; 2D curves at z 0), in metres, in the curve's own sense.
     *
     * @return false (with the entity reported) when the curve or one of its parts is not supported
     */
    boolean points(StepInstance curve, DoubleList out) {
        return points(curve, out, 0);
    }

    private boolean points(StepInstance curve, DoubleList out, int depth) {
        if (curve == null || depth > MAX_DEPTH) {
            unsupported(curve);
            return false;
        }
        if (model.isA(curve, "IfcPolyline")) {
            double[] p = new double[3];
            for (StepInstance point : model.refs(curve, "Points")) {
                point(point, p);
                append(out, p[0], p[1], p[2]);
            }
            return true;
        }
        if (model.isA(curve, "IfcCompositeCurve")) {
            boolean ok = true;
            DoubleList part = new DoubleList();
            for (StepInstance segment : model.refs(curve, "Segments")) {
                part.clear();
                ok &= points(model.ref(segment, "ParentCurve"), part, depth + 1);
                boolean same = !Boolean.FALSE.equals(model.value(segment, "SameSense"));
                int n = part.size() / 3;
                for (int i = 0; i < n; i++) {
                    int k = same ? i : n - 1 - i;
                    append(out, part.get(3 * k), part.get(3 * k + 1), part.get(3 * k + 2));
                }
            }
            return ok;
        }
        if (model.isA(curve, "IfcIndexedPolyCurve")) {
            return indexedPolyCurve(curve, out);
        }
        if (model.isA(curve, "IfcTrimmedCurve")) {
            return trimmed(curve, out, depth);
        }
        if (model.isA(curve, "IfcCircle") || model.isA(curve, "IfcEllipse")) {
            double[] axes = conicAxes(curve);
            Affine position = placement(model.ref(curve, "Position"));
            int n = segments(Math.max(axes[0], axes[1]));
            for (int i = 0; i <= n; i++) {
                double angle = 2 * Math.PI * i / n;
                double x = axes[0] * Math.cos(angle);
                double y = axes[1] * Math.sin(angle);
                out.add(position.x(x, y, 0), position.y(x, y, 0), position.z(x, y, 0));
            }
            return true;
        }
        unsupported(curve);
        return false;
    }

    /** Points closer than this (metres, per coordinate) are the same point. */
    static final double SAME_POINT = 1e-9;

    /** Appends a point unless it repeats the last one. */
    static void append(DoubleList out, double x, double y, double z) {
        int n = out.size();
        if (n >= 3 && Math.abs(out.get(n - 3) - x) < SAME_POINT && Math.abs(out.get(n - 2) - y) < SAME_POINT
                && Math.abs(out.get(n - 1) - z) < SAME_POINT) {
            return;
        }
        out.add(x, y, z);
    }

    private double[] conicAxes(StepInstance conic) {
        if (model.isA(conic, "IfcCircle")) {
            double r = units.length(orZero(model.number(conic, "Radius")));
            return new double[] {r, r};
        }
        return new double[] {units.length(orZero(model.number(conic, "SemiAxis1"))), units.length(orZero(model.number(conic, "SemiAxis2")))};
    }

    private boolean indexedPolyCurve(StepInstance curve, DoubleList out) {
        StepInstance list = model.ref(curve, "Points");
        double[][] pts = pointList(list);
        if (pts == null) {
            unsupported(list == null ? curve : list);
            return false;
        }
        Object segments = model.value(curve, "Segments");
        if (!(segments instanceof List<?> segs)) {
            for (double[] p : pts) {
                append(out, p[0], p[1], p[2]);
            }
            return true;
        }
        for (Object segment : segs) {
            String kind = segment instanceof StepTypedValue typed ? typed.type() : "";
            Object value = IfcModel.unwrap(segment);
            if (!(value instanceof List<?> indices)) {
                continue;
            }
            int[] idx = new int[indices.size()];
            for (int i = 0; i < idx.length; i++) {
                Double d = IfcModel.number(indices.get(i));
                idx[i] = d == null ? -1 : d.intValue() - 1;
                if (idx[i] < 0 || idx[i] >= pts.length) {
                    unsupported(curve);
                    return false;
                }
            }
            if (kind.equals("IFCARCINDEX") && idx.length == 3) {
                arc3(pts[idx[0]], pts[idx[1]], pts[idx[2]], out);
            } else {
                for (int i : idx) {
                    append(out, pts[i][0], pts[i][1], pts[i][2]);
                }
            }
        }
        return true;
    }

    /** @return the points of an IfcCartesianPointList2D/3D in metres, or null */
    double[][] pointList(StepInstance list) {
        Object coordinates = list == null ? null : model.value(list, "CoordList");
        if (!(coordinates instanceof List<?> rows)) {
            return null;
        }
        double[][] points = new double[rows.size()][];
        for (int i = 0; i < points.length; i++) {
            double[] p = new double[3];
            if (rows.get(i) instanceof List<?> row) {
                for (int k = 0; k < Math.min(3, row.size()); k++) {
                    Double d = IfcModel.number(row.get(k));
                    p[k] = d == null ? 0 : units.length(d);
                }
            }
            points[i] = p;
        }
        return points;
    }

    /** Appends the circular arc from a through b to c (a straight line when they are collinear). */
    private static void arc3(double[] a, double[] b, double[] c, DoubleList out) {
        // circle through three points, in their plane
        double[] ab = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        double[] ac = {c[0] - a[0], c[1] - a[1], c[2] - a[2]};
        double[] n = cross(ab, ac);
        double nn = dot(n, n);
        if (nn < 1e-24) {
            append(out, a[0], a[1], a[2]);
            append(out, c[0], c[1], c[2]);
            return;
        }
        // centre = a + ((|ac|² (n × ab)) ... ) standard formula
        double[] t1 = times(cross(n, ab), dot(ac, ac));
        double[] t2 = times(cross(ac, n), dot(ab, ab));
        double[] centre = {a[0] + (t1[0] + t2[0]) / (2 * nn), a[1] + (t1[1] + t2[1]) / (2 * nn), a[2] + (t1[2] + t2[2]) / (2 * nn)};
        double[] u = {a[0] - centre[0], a[1] - centre[1], a[2] - centre[2]};
        double r = Math.sqrt(dot(u, u));
        double[] un = times(u, 1 / r);
        double[] vn = normalise(cross(n, un), new double[] {0, 1, 0});
        double angleC = angle(c, centre, un, vn);
        if (angleC <= 0) {
            angleC += 2 * Math.PI;
        }
        int steps = Math.max(1, (int) Math.ceil(segments(r) * angleC / (2 * Math.PI)));
        for (int i = 0; i <= steps; i++) {
            double t = angleC * i / steps;
            double cos = Math.cos(t);
            double sin = Math.sin(t);
            if (i == steps) {
                append(out, c[0], c[1], c[2]);
            } else {
                append(out, centre[0] + r * (cos * un[0] + sin * vn[0]), centre[1] + r * (cos * un[1] + sin * vn[1]),
                        centre[2] + r * (cos * un[2] + sin * vn[2]));
            }
        }
    }

    private static double angle(double[] p, double[] centre, double[] u, double[] v) {
        double[] d = {p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]};
        return Math.atan2(dot(d, v), dot(d, u));
    }

    private boolean trimmed(StepInstance curve, DoubleList out, int depth) {
        StepInstance basis = model.ref(curve, "BasisCurve");
        boolean sense = !Boolean.FALSE.equals(model.value(curve, "SenseAgreement"));
        Object master = model.value(curve, "MasterRepresentation");
        boolean preferCartesian = master instanceof StepEnum e && e.literal().equals("CARTESIAN");
        List<?> trim1 = model.value(curve, "Trim1") instanceof List<?> l ? l : List.of();
        List<?> trim2 = model.value(curve, "Trim2") instanceof List<?> l ? l : List.of();
        if (model.isA(basis, "IfcCircle") || model.isA(basis, "IfcEllipse")) {
            double[] axes = conicAxes(basis);
            Affine position = placement(model.ref(basis, "Position"));
            Double p1 = parameter(trim1);
            Double p2 = parameter(trim2);
            double[] c1 = cartesian(trim1);
            double[] c2 = cartesian(trim2);
            double a1;
            double a2;
            if (c1 != null && c2 != null && (preferCartesian || p1 == null || p2 == null)) {
                a1 = conicAngle(c1, position, axes);
                a2 = conicAngle(c2, position, axes);
            } else if (p1 != null && p2 != null) {
                a1 = angleParameter(p1, p1, p2);
                a2 = angleParameter(p2, p1, p2);
            } else {
                unsupported(curve);
                return false;
            }
            double sweep = a2 - a1;
            if (sense) {
                while (sweep <= 0) {
                    sweep += 2 * Math.PI;
                }
            } else {
                while (sweep >= 0) {
                    sweep -= 2 * Math.PI;
                }
            }
            int steps = Math.max(1, (int) Math.ceil(segments(Math.max(axes[0], axes[1])) * Math.abs(sweep) / (2 * Math.PI)));
            for (int i = 0; i <= steps; i++) {
                double t = a1 + sweep * i / steps;
                double x = axes[0] * Math.cos(t);
                double y = axes[1] * Math.sin(t);
                append(out, position.x(x, y, 0), position.y(x, y, 0), position.z(x, y, 0));
            }
            return true;
        }
        if (model.isA(basis, "IfcLine")) {
            double[] c1 = cartesian(trim1);
            double[] c2 = cartesian(trim2);
            Double p1 = parameter(trim1);
            Double p2 = parameter(trim2);
            if ((c1 == null || c2 == null) && p1 != null && p2 != null) {
                double[] origin = new double[3];
                point(model.ref(basis, "Pnt"), origin);
                StepInstance vector = model.ref(basis, "Dir");
                double[] dir = placements.direction(model.ref(vector, "Orientation"));
                Double magnitude = model.number(vector, "Magnitude");
                if (dir == null) {
                    unsupported(curve);
                    return false;
                }
                double m = units.length(magnitude == null ? 1 : magnitude) / Math.sqrt(dot(dir, dir));
                c1 = new double[] {origin[0] + p1 * m * dir[0], origin[1] + p1 * m * dir[1], origin[2] + p1 * m * dir[2]};
                c2 = new double[] {origin[0] + p2 * m * dir[0], origin[1] + p2 * m * dir[1], origin[2] + p2 * m * dir[2]};
            }
            if (c1 == null || c2 == null) {
                unsupported(curve);
                return false;
            }
            double[] first = sense ? c1 : c2;
            double[] second = sense ? c2 : c1;
            append(out, first[0], first[1], first[2]);
            append(out, second[0], second[1], second[2]);
            return true;
        }
        if (model.isA(basis, "IfcPolyline") || model.isA(basis, "IfcCompositeCurve")) {
            // trimmed polylines: taken whole when the trims are its end points, else unsupported
            double[] c1 = cartesian(trim1);
            double[] c2 = cartesian(trim2);
            DoubleList all = new DoubleList();
            if (!points(basis, all, depth + 1)) {
                return false;
            }
            int n = all.size() / 3;
            if (n >= 2 && c1 != null && c2 != null && near(all, 0, c1) && near(all, n - 1, c2)) {
                for (int i = 0; i < n; i++) {
                    int k = sense ? i : n - 1 - i;
                    append(out, all.get(3 * k), all.get(3 * k + 1), all.get(3 * k + 2));
                }
                return true;
            }
        }
        unsupported(curve);
        return false;
    }

    private static boolean near(DoubleList points, int i, double[] p) {
        double dx = points.get(3 * i) - p[0];
        double dy = points.get(3 * i + 1) - p[1];
        double dz = points.get(3 * i + 2) - p[2];
        return dx * dx + dy * dy + dz * dz < 1e-12;
    }

    /**
     * @return a conic trim parameter in radians: in the project's plane angle unit, except that values
     *     beyond a full turn in a radian project are read as degrees (exporters that write degrees anyway)
     */
    private double angleParameter(double value, double p1, double p2) {
        double radians = units.angle(value);
        boolean projectInRadians = units.angle(1) == 1;
        if (projectInRadians && (Math.abs(p1) > 2 * Math.PI + 1e-6 || Math.abs(p2) > 2 * Math.PI + 1e-6)) {
            return Math.toRadians(value);
        }
        return radians;
    }

    private double conicAngle(double[] point, Affine position, double[] axes) {
        // local coordinates: the position is a rigid map, so its inverse is the transpose
        double dx = point[0] - position.get(0, 3);
        double dy = point[1] - position.get(1, 3);
        double dz = point[2] - position.get(2, 3);
        double lx = position.get(0, 0) * dx + position.get(1, 0) * dy + position.get(2, 0) * dz;
        double ly = position.get(0, 1) * dx + position.get(1, 1) * dy + position.get(2, 1) * dz;
        return Math.atan2(axes[1] == 0 ? 0 : ly / axes[1], axes[0] == 0 ? 0 : lx / axes[0]);
    }

    private static Double parameter(List<?> trim) {
        for (Object select : trim) {
            if (select instanceof StepTypedValue typed && typed.type().equals("IFCPARAMETERVALUE")) {
                return IfcModel.number(typed.value());
            }
        }
        return null;
    }

    private double[] cartesian(List<?> trim) {
        for (Object select : trim) {
            if (select instanceof StepRef ref) {
                StepInstance point = model.get(ref.id());
                double[] p = new double[3];
                if (point(point, p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] times(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    /** @return {@code a - s b} */
    static double[] minus(double[] a, double[] b, double s) {
        return new double[] {a[0] - s * b[0], a[1] - s * b[1], a[2] - s * b[2]};
    }

    static double[] normalise(double[] v, double[] fallback) {
        if (v == null) {
            return fallback;
        }
        double length = Math.sqrt(dot(v, v));
        return length < 1e-12 || !Double.isFinite(length) ? fallback : times(v, 1 / length);
    }
}
