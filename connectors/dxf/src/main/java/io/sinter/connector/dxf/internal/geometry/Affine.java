package io.sinter.connector.dxf.internal.geometry;

/**
 * An affine map of 3D space, {@code p' = L p + t}, stored as a row-major 3x4 matrix. Immutable. Used to carry
 * entity coordinates (object coordinate systems, block inserts, the drawing unit) into world metres.
 */
public final class Affine {
    /** The identity map. */
    public static final Affine IDENTITY = new Affine(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});

    private final double[] m;

    private Affine(double[] m) {
        this.m = m;
    }

    /** @return a translation by {@code (x, y, z)} */
    public static Affine translation(double x, double y, double z) {
        return new Affine(new double[] {1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z});
    }

    /** @return a scaling along the axes */
    public static Affine scaling(double sx, double sy, double sz) {
        return new Affine(new double[] {sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0});
    }

    /** @return a counter-clockwise rotation about the z axis by {@code radians} */
    public static Affine rotationZ(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        return new Affine(new double[] {c, -s, 0, 0, s, c, 0, 0, 0, 0, 1, 0});
    }

    /** @return the map whose columns are the given axes (images of the unit vectors), without translation */
    public static Affine ofAxes(double[] xAxis, double[] yAxis, double[] zAxis) {
        return new Affine(new double[] {xAxis[0], yAxis[0], zAxis[0], 0, xAxis[1], yAxis[1], zAxis[1], 0, xAxis[2],
                yAxis[2], zAxis[2], 0});
    }

    /** @return {@code this ∘ inner}: first {@code inner}, then this */
    public Affine times(Affine inner) {
        double[] a = m;
        double[] b = inner.m;
        double[] r = new double[12];
        for (int row = 0; row < 3; row++) {
            int o = row * 4;
            for (int col = 0; col < 4; col++) {
                r[o + col] = a[o] * b[col] + a[o + 1] * b[4 + col] + a[o + 2] * b[8 + col];
            }
            r[o + 3] += a[o + 3];
        }
        return new Affine(r);
    }

    /** Maps the point {@code (x, y, z)} and writes it to {@code out[at..at+2]}. */
    public void apply(double x, double y, double z, double[] out, int at) {
        out[at] = m[0] * x + m[1] * y + m[2] * z + m[3];
        out[at + 1] = m[4] * x + m[5] * y + m[6] * z + m[7];
        out[at + 2] = m[8] * x + m[9] * y + m[10] * z + m[11];
    }

    /** @return how much the map stretches lengths at most (the largest column norm; exact for similarity maps) */
    public double maxScale() {
        double max = 0;
        for (int col = 0; col < 3; col++) {
            max = Math.max(max, Math.sqrt(m[col] * m[col] + m[4 + col] * m[4 + col] + m[8 + col] * m[8 + col]));
        }
        return max;
    }
}
