package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.api.Point3;

/**
 * A rigid placement in metres: {@code world = translation + rotation * local}, the rotation 3x3 row-major.
 * Immutable.
 */
final class Transform {
    static final Transform IDENTITY = new Transform(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 0, 0, 0);

    private final double[] r;
    private final double tx;
    private final double ty;
    private final double tz;

    Transform(double[] rotation, double tx, double ty, double tz) {
        this.r = rotation.clone();
        this.tx = tx;
        this.ty = ty;
        this.tz = tz;
    }

    /**
     * @param origin the origin in metres
     * @param xAxis the local x axis (need not be unit length or exactly orthogonal to {@code zAxis})
     * @param zAxis the local z axis
     * @return the placement with x, y = z × x and z as columns of the rotation
     */
    static Transform of(double[] origin, double[] xAxis, double[] zAxis) {
        double[] z = normalise(zAxis, new double[] {0, 0, 1});
        double[] x = xAxis == null ? new double[] {1, 0, 0} : xAxis.clone();
        // project x onto the plane normal to z (the EXPRESS function IfcBuildAxes / IfcFirstProjAxis)
        double dot = x[0] * z[0] + x[1] * z[1] + x[2] * z[2];
        x = new double[] {x[0] - dot * z[0], x[1] - dot * z[1], x[2] - dot * z[2]};
        if (length(x) < 1e-12) {
            // RefDirection parallel to Axis: take the world axis least aligned with z
            double[] fallback = Math.abs(z[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
            dot = fallback[0] * z[0] + fallback[1] * z[1] + fallback[2] * z[2];
            x = new double[] {fallback[0] - dot * z[0], fallback[1] - dot * z[1], fallback[2] - dot * z[2]};
        }
        x = normalise(x, new double[] {1, 0, 0});
        double[] y = {z[1] * x[2] - z[2] * x[1], z[2] * x[0] - z[0] * x[2], z[0] * x[1] - z[1] * x[0]};
        double[] rotation = {x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]};
        return new Transform(rotation, origin[0], origin[1], origin[2]);
    }

    /** @return this placement applied after {@code local}: {@code this * local} */
    Transform then(Transform local) {
        double[] a = r;
        double[] b = local.r;
        double[] m = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row * 3 + col] = a[row * 3] * b[col] + a[row * 3 + 1] * b[3 + col] + a[row * 3 + 2] * b[6 + col];
            }
        }
        double[] t = apply(local.tx, local.ty, local.tz);
        return new Transform(m, t[0], t[1], t[2]);
    }

    /** @return the point {@code (x, y, z)} of the local frame in the world frame */
    double[] apply(double x, double y, double z) {
        return new double[] {
            tx + r[0] * x + r[1] * y + r[2] * z,
            ty + r[3] * x + r[4] * y + r[5] * z,
            tz + r[6] * x + r[7] * y + r[8] * z};
    }

    /** @return the origin */
    Point3 origin() {
        return new Point3(tx, ty, tz);
    }

    /** @return a copy of the rotation, row-major */
    double[] rotation() {
        return r.clone();
    }

    private static double length(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    private static double[] normalise(double[] v, double[] fallback) {
        if (v == null) {
            return fallback.clone();
        }
        double length = length(v);
        if (length < 1e-12 || !Double.isFinite(length)) {
            return fallback.clone();
        }
        return new double[] {v[0] / length, v[1] / length, v[2] / length};
    }
}
