package io.sinter.connector.api;

import java.util.Objects;

/**
 * An axis-aligned box in metres.
 *
 * @param low the corner with the smallest coordinates
 * @param high the corner with the largest coordinates
 */
public record Box(Point3 low, Point3 high) {
    /** Checks that {@code low} is not above {@code high} on any axis. */
    public Box {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (low.x() > high.x() || low.y() > high.y() || low.z() > high.z()) {
            throw new IllegalArgumentException("box low " + low + " is above high " + high);
        }
    }
}
