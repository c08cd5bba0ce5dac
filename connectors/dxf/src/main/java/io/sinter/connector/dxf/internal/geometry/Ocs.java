package io.sinter.connector.dxf.internal.geometry;

/**
 * The object coordinate system of planar DXF entities, derived from their extrusion direction (group 210) by the
 * arbitrary axis algorithm of the DXF reference.
 */
public final class Ocs {
    private static final double ARBITRARY_AXIS_LIMIT = 1.0 / 64.0;

    private Ocs() {
    }

    /**
     * @return the map from the OCS of extrusion direction {@code (nx, ny, nz)} to WCS; the identity for the z axis
     *         or a zero vector
     */
    public static Affine toWorld(double nx, double ny, double nz) {
        double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (!(length > 0) || !Double.isFinite(length)) {
            return Affine.IDENTITY;
        }
        double[] n = {nx / length, ny / length, nz / length};
        if (Math.abs(n[0]) < 1e-12 && Math.abs(n[1]) < 1e-12 && n[2] > 0) {
            return Affine.IDENTITY;
        }
        double[] ax = Math.abs(n[0]) < ARBITRARY_AXIS_LIMIT && Math.abs(n[1]) < ARBITRARY_AXIS_LIMIT
                ? cross(new double[] {0, 1, 0}, n)
                : cross(new double[] {0, 0, 1}, n);
        normalize(ax);
        double[] ay = cross(n, ax);
        normalize(ay);
        return Affine.ofAxes(ax, ay, n);
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static void normalize(double[] v) {
        double length = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        v[0] /= length;
        v[1] /= length;
        v[2] /= length;
    }
}
