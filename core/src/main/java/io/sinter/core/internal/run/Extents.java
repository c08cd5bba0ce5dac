package io.sinter.core.internal.run;

import io.sinter.connector.api.Box;

/** A growing axis-aligned box in the spatial frame, stored as {@code "lx,ly,lz,hx,hy,hz"}. */
final class Extents {
    private final double[] low = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    private final double[] high = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};

    void add(Box box) {
        add(box.low().x(), box.low().y(), box.low().z(), box.high().x(), box.high().y(), box.high().z());
    }

    void add(double lx, double ly, double lz, double hx, double hy, double hz) {
        low[0] = Math.min(low[0], lx);
        low[1] = Math.min(low[1], ly);
        low[2] = Math.min(low[2], lz);
        high[0] = Math.max(high[0], hx);
        high[1] = Math.max(high[1], hy);
        high[2] = Math.max(high[2], hz);
    }

    /** Adds a stored box; null adds nothing. */
    void add(String stored) {
        if (stored == null) {
            return;
        }
        String[] v = stored.split(",");
        add(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3]), Double.parseDouble(v[4]),
                Double.parseDouble(v[5]));
    }

    boolean isEmpty() {
        return low[0] > high[0];
    }

    /** @return the stored form, or null when empty */
    String stored() {
        return isEmpty() ? null : low[0] + "," + low[1] + "," + low[2] + "," + high[0] + "," + high[1] + "," + high[2];
    }
}
