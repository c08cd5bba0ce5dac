package io.sinter.connector.api;

import java.util.Objects;

/**
 * Where a file's coordinates sit on the earth (api.md section 6.8). Connectors report it as the file
 * states it; core decides which file defines the iModel's spatial frame.
 *
 * @param kind projected (a CRS and the CRS coordinates of the file's origin) or geographic
 * @param horizontalCrsId e.g. {@code EPSG:25832}; null for {@link Kind#GEOGRAPHIC}
 * @param verticalCrsId e.g. {@code EPSG:5783}, or null
 * @param origin for {@link Kind#PROJECTED}: easting, northing, height of the file's (0,0,0); for
 *        {@link Kind#GEOGRAPHIC}: longitude, latitude (degrees) and height (metres)
 * @param rotation angle in radians from the file's x axis to grid east (projected) or true east (geographic)
 * @param scale scale from file metres to CRS units (1 when not stated)
 */
public record Geolocation(Kind kind, String horizontalCrsId, String verticalCrsId, Point3 origin, double rotation, double scale) {

    /** How the location is stated. */
    public enum Kind {
        /** a projected CRS with the file origin's coordinates in it */
        PROJECTED,
        /** latitude, longitude and height of the file origin, no projected CRS */
        GEOGRAPHIC
    }

    /** Checks the arguments. */
    public Geolocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        if (kind == Kind.PROJECTED && (horizontalCrsId == null || horizontalCrsId.isBlank())) {
            throw new IllegalArgumentException("a projected geolocation needs a horizontal CRS id");
        }
    }
}
