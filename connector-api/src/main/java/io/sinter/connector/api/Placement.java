package io.sinter.connector.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where an element sits in the spatial frame (metres): world = origin + rotation * local.
 *
 * @param origin the element's local origin in the spatial frame
 * @param rotation 3x3 rotation, row-major (9 values), local to spatial
 * @param bbox the element's axis-aligned extent in the spatial frame, or null when it has no extent
 */
public record Placement(Point3 origin, double[] rotation, Box bbox) {
    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    /** Checks and copies the arguments. */
    public Placement {
        Objects.requireNonNull(origin, "origin");
        rotation = rotation == null ? IDENTITY.clone() : rotation.clone();
        if (rotation.length != 9) {
            throw new IllegalArgumentException("rotation must have 9 values, has " + rotation.length);
        }
    }

    /** @return a placement at {@code origin}, not rotated, with extent {@code bbox} (may be null) */
    public static Placement at(Point3 origin, Box bbox) {
        return new Placement(origin, null, bbox);
    }

    /** @return a copy of the rotation */
    @Override
    public double[] rotation() {
        return rotation.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Placement p && origin.equals(p.origin) && Arrays.equals(rotation, p.rotation)
                && Objects.equals(bbox, p.bbox);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, Arrays.hashCode(rotation), bbox);
    }

    @Override
    public String toString() {
        return "Placement[origin=" + origin + ", rotation=" + Arrays.toString(rotation) + ", bbox=" + bbox + "]";
    }
}
