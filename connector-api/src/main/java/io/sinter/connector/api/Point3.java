package io.sinter.connector.api;

/**
 * A point or vector in metres.
 *
 * @param x east (or the file's x)
 * @param y north (or the file's y)
 * @param z up
 */
public record Point3(double x, double y, double z) {
    /** The origin. */
    public static final Point3 ORIGIN = new Point3(0, 0, 0);
}
