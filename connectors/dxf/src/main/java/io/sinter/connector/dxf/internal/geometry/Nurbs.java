package io.sinter.connector.dxf.internal.geometry;

/**
 * Evaluation of (rational) B-spline curves by de Boor's algorithm, as DXF SPLINE entities and HATCH spline edges
 * define them: degree, knot vector, control points and optional weights.
 */
final class Nurbs {
    /** Samples per non-empty knot span of a curve of degree 2 or more. */
    static final int SAMPLES_PER_SPAN = 16;
    /** Samples per curve at most. */
    static final int MAX_SAMPLES = 4096;

    private Nurbs() {
    }

    /** @return whether the data describe a curve de Boor can evaluate */
    static boolean valid(int degree, double[] knots, int controlPoints, double[] weights) {
        if (degree < 1 || controlPoints < degree + 1 || knots.length != controlPoints + degree + 1) {
            return false;
        }
        for (int i = 1; i < knots.length; i++) {
            if (!(knots[i] >= knots[i - 1])) {
                return false;
            }
        }
        if (!(knots[controlPoints] > knots[degree])) {
            return false;
        }
        if (weights != null) {
            if (weights.length != controlPoints) {
                return false;
            }
            for (double w : weights) {
                if (!(w > 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Adds sample points of the curve over its domain {@code [knots[degree], knots[n]]}: the span ends and
     * {@link #SAMPLES_PER_SPAN} points inside each span (one segment per span for degree 1).
     *
     * @param control x, y, z per control point
     * @param weights one weight per control point, or null for a non-rational curve
     */
    static void sample(PointList out, int degree, double[] knots, double[] control, double[] weights) {
        int n = control.length / 3;
        int spans = 0;
        for (int k = degree; k < n; k++) {
            if (knots[k + 1] > knots[k]) {
                spans++;
            }
        }
        int perSpan = degree == 1 ? 1 : Math.max(1, Math.min(SAMPLES_PER_SPAN, MAX_SAMPLES / Math.max(1, spans)));
        double[] point = new double[3];
        double[] work = new double[(degree + 1) * 4];
        boolean first = true;
        for (int k = degree; k < n; k++) {
            double a = knots[k];
            double b = knots[k + 1];
            if (!(b > a)) {
                continue;
            }
            for (int i = first ? 0 : 1; i <= perSpan; i++) {
                double u = i == perSpan ? b : a + (b - a) * i / perSpan;
                evaluate(degree, knots, control, weights, k, u, work, point);
                out.add(point[0], point[1], point[2]);
            }
            first = false;
        }
    }

    /** De Boor in homogeneous coordinates for parameter {@code u} in span {@code [knots[k], knots[k+1]]}. */
    private static void evaluate(int p, double[] knots, double[] control, double[] weights, int k, double u,
            double[] d, double[] out) {
        for (int j = 0; j <= p; j++) {
            int i = j + k - p;
            double w = weights == null ? 1 : weights[i];
            d[j * 4] = control[i * 3] * w;
            d[j * 4 + 1] = control[i * 3 + 1] * w;
            d[j * 4 + 2] = control[i * 3 + 2] * w;
            d[j * 4 + 3] = w;
        }
        for (int r = 1; r <= p; r++) {
            for (int j = p; j >= r; j--) {
                int i = j + k - p;
                double denominator = knots[i + p - r + 1] - knots[i];
                double alpha = denominator == 0 ? 0 : (u - knots[i]) / denominator;
                for (int c = 0; c < 4; c++) {
                    d[j * 4 + c] = (1 - alpha) * d[(j - 1) * 4 + c] + alpha * d[j * 4 + c];
                }
            }
        }
        double w = d[p * 4 + 3];
        out[0] = d[p * 4] / w;
        out[1] = d[p * 4 + 1] / w;
        out[2] = d[p * 4 + 2] / w;
    }
}
