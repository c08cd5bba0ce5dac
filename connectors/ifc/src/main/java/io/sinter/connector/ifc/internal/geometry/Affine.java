package io.sinter.connector.ifc.internal.geometry;

/**
 * An affine map of 3D space: {@code p' = M p + t} with a general 3x3 matrix {@code M} (rotation, mirror,
 * non-uniform scale), stored row-major with the translation as fourth column. Immutable.
 */
public final class Affine {
    /** The identity. */
    public static final Affine IDENTITY = new Affine(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});

    private final double[] m;

    private Affine(double[] m) {
        this.m = m;
    }

    /**
     * @param xAxis the image of the local x axis (first column)
     * @param yAxis the image of the local y axis
     * @param zAxis the image of the local z axis
     * @param origin the image of the local origin
     * @return the map with these columns
     */
    public static Affine of(double[] xAxis, double[] yAxis, double[] zAxis, double[] origin) {
        return new Affine(new double[] {
            xAxis[0], yAxis[0], zAxis[0], origin[0],
            xAxis[1], yAxis[1], zAxis[1], origin[1],
            xAxis[2], yAxis[2], zAxis[2], origin[2]});
    }

    /** @param rotation 3x3 row-major; @return rotation then translation by (tx, ty, tz) */
    public static Affine of(double[] rotation, double tx, double ty, double tz) {
        return new Affine(new double[] {
            rotation[0], rotation[1], rotation[2], tx,
            rotation[3], rotation[4], rotation[5], ty,
            rotation[6], rotation[7], rotation[8], tz});
    }

    /** @return the translation by (x, y, z) */
    public static Affine translation(double x, double y, double z) {
        return new Affine(new double[] {1, 0, 0, x, 0, 1, 0, y, 0, 0, 1, z});
    }

    /** @return {@code this ∘ inner}: inner applied first */
    public Affine then(Affine inner) {
        double[] a = m;
        double[] b = inner.m;
        double[] r = new double[12];
        for (int row = 0; row < 3; row++) {
            double a0 = a[row * 4];
            double a1 = a[row * 4 + 1];
            double a2 = a[row * 4 + 2];
            for (int col = 0; col < 4; col++) {
                r[row * 4 + col] = a0 * b[col] + a1 * b[4 + col] + a2 * b[8 + col];
            }
            r[row * 4 + 3] += a[row * 4 + 3];
        }
        return new Affine(r);
    }

    /** @return whether this is exactly the identity */
    public boolean isIdentity() {
        return this == IDENTITY || java.util.Arrays.equals(m, IDENTITY.m);
    }

    /** @return the determinant of the linear part (negative for a mirror) */
    public double determinant() {
        return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8]) + m[2] * (m[4] * m[9] - m[5] * m[8]);
    }

    /** @return x of the image of (x, y, z) */
    public double x(double x, double y, double z) {
        return m[0] * x + m[1] * y + m[2] * z + m[3];
    }

    /** @return y of the image of (x, y, z) */
    public double y(double x, double y, double z) {
        return m[4] * x + m[5] * y + m[6] * z + m[7];
    }

    /** @return z of the image of (x, y, z) */
    public double z(double x, double y, double z) {
        return m[8] * x + m[9] * y + m[10] * z + m[11];
    }

    /** @return the image of the direction (x, y, z) (no translation) */
    public double[] direction(double x, double y, double z) {
        return new double[] {m[0] * x + m[1] * y + m[2] * z, m[4] * x + m[5] * y + m[6] * z, m[8] * x + m[9] * y + m[10] * z};
    }

    /** @return the element at row, column (column 3 is the translation) */
    public double get(int row, int column) {
        return m[row * 4 + column];
    }

    @Override
    public String toString() {
        return "Affine" + java.util.Arrays.toString(m);
    }
}
