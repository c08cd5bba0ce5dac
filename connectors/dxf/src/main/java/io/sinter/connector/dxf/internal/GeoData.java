package io.sinter.connector.dxf.internal;

import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Point3;
import io.sinter.connector.dxf.internal.reader.DxfPair;
import io.sinter.connector.dxf.internal.reader.DxfPoint;
import io.sinter.connector.dxf.internal.reader.DxfRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the geolocation of a drawing from its GEODATA object (R2010 and later, version 2 or 3), when it is simple:
 * a projected grid (coordinate type 2) whose coordinate system definition names an EPSG code, or a geographic one
 * (type 3) whose design point is the drawing origin. Anything else is explained rather than guessed.
 */
final class GeoData {
    private static final Pattern EPSG = Pattern.compile("EPSG\\D{0,20}?(\\d{4,6})", Pattern.CASE_INSENSITIVE);
    private static final int PROJECTED_GRID = 2;
    private static final int GEOGRAPHIC = 3;

    /**
     * @param geolocation the location, or null when it cannot be used
     * @param reason      why not, for an Info issue, or null
     */
    record Result(Geolocation geolocation, String reason) {
    }

    private GeoData() {
    }

    /**
     * @param geoData       the GEODATA object
     * @param metresPerUnit the drawing unit, for the design point
     */
    static Result read(DxfRecord geoData, double metresPerUnit) {
        int version = geoData.integer(90, 0);
        if (version < 2) {
            return new Result(null, "GEODATA version " + version + " (AutoCAD 2009) is not read; no geolocation");
        }
        int type = geoData.integer(70, 0);
        DxfPoint design = geoData.point(10).orElse(new DxfPoint(0, 0, 0));
        DxfPoint reference = geoData.point(11).orElse(null);
        if (reference == null) {
            return new Result(null, "GEODATA has no reference point (group 11); no geolocation");
        }
        DxfPoint north = geoData.point(12).orElse(new DxfPoint(0, 1, 0));
        double northLength = Math.hypot(north.x(), north.y());
        if (!(northLength > 0)) {
            return new Result(null, "GEODATA has a zero north direction; no geolocation");
        }
        double nx = north.x() / northLength;
        double ny = north.y() / northLength;
        double ex = ny;
        double ey = -nx;
        double rotation = Math.atan2(ey, ex);
        if (type == PROJECTED_GRID) {
            String epsg = epsg(geoData);
            if (epsg == null) {
                return new Result(null, "GEODATA names its coordinate system without an EPSG code; no geolocation");
            }
            double dx = design.x() * metresPerUnit;
            double dy = design.y() * metresPerUnit;
            double easting = reference.x() - (dx * ex + dy * ey);
            double northing = reference.y() - (dx * nx + dy * ny);
            double height = reference.z() - design.z() * metresPerUnit;
            return new Result(new Geolocation(Geolocation.Kind.PROJECTED, "EPSG:" + epsg, null,
                    new Point3(easting, northing, height), rotation, 1), null);
        }
        if (type == GEOGRAPHIC) {
            if (design.x() != 0 || design.y() != 0 || design.z() != 0) {
                return new Result(null, "GEODATA places a geographic reference point at design point (" + design.x()
                        + ", " + design.y() + ", " + design.z() + "), not at the drawing origin; no geolocation");
            }
            return new Result(new Geolocation(Geolocation.Kind.GEOGRAPHIC, null, null,
                    new Point3(reference.x(), reference.y(), reference.z()), rotation, 1), null);
        }
        return new Result(null, "GEODATA coordinate type " + type + " (" + (type == 1 ? "local grid" : "unknown")
                + ") is not a geolocation");
    }

    /** @return the EPSG code named by the coordinate system definition (groups 303 and 301), or null */
    private static String epsg(DxfRecord geoData) {
        StringBuilder definition = new StringBuilder();
        for (DxfPair pair : geoData.pairs()) {
            if (pair.code() == 303 || pair.code() == 301) {
                definition.append(pair.stringValue());
            }
        }
        Matcher matcher = EPSG.matcher(definition);
        return matcher.find() ? matcher.group(1) : null;
    }
}
