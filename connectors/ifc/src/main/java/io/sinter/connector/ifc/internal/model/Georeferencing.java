package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Point3;
import io.sinter.connector.ifc.internal.schema.Entity;
import io.sinter.connector.ifc.internal.step.StepInstance;
import java.util.List;
import java.util.PrimitiveIterator;

/**
 * Works out where the file sits on the earth (api.md section 6.8).
 *
 * <ul>
 *   <li>IfcMapConversion (IFC4 and later) from the project's model context to an IfcProjectedCRS gives a
 *       {@link Geolocation.Kind#PROJECTED} geolocation: the CRS's Name as id, Eastings / Northings /
 *       OrthogonalHeight as origin, the angle of XAxisAbscissa / XAxisOrdinate (the file's x axis measured
 *       counter-clockwise from grid east) as rotation, and the scale from file metres to CRS units;</li>
 *   <li>otherwise the RefLatitude / RefLongitude / RefElevation of the site give a
 *       {@link Geolocation.Kind#GEOGRAPHIC} one, rotated by the true north of the model context (the
 *       file's x axis measured counter-clockwise from true east).</li>
 * </ul>
 * A map conversion wins over site coordinates, which are then not applied (Info issue). When the site
 * is already placed more than 100 km from the origin, the file's coordinates are absolute: a map
 * conversion that offsets them again is reported (Warning) and only its CRS is kept, so that the model
 * is not placed twice ("double georeferencing").
 */
final class Georeferencing {
    static final String CATEGORY = "Georeferencing";
    /** Site placements further than this from the origin (metres) carry absolute coordinates. */
    static final double ABSOLUTE_COORDINATES = 100_000;

    private final IfcModel model;
    private final Units units;
    private final Placements placements;
    private final ConnectorContext context;

    Georeferencing(IfcModel model, Units units, Placements placements, ConnectorContext context) {
        this.model = model;
        this.units = units;
        this.placements = placements;
        this.context = context;
    }

    /** Reports the geolocation of the file, if it states one, and issues about it. */
    void report(StepInstance project) {
        StepInstance modelContext = modelContext(project);
        double trueNorthRotation = trueNorth(modelContext);
        StepInstance conversion = mapConversion(modelContext);
        StepInstance site = siteWithCoordinates();
        if (conversion != null) {
            Geolocation projected = projected(conversion);
            if (projected != null) {
                context.geolocation(projected);
                if (site != null) {
                    context.issue(Issue.info(CATEGORY, "The site's RefLatitude/RefLongitude are not applied: the map conversion to "
                            + projected.horizontalCrsId() + " georeferences the file."));
                }
                return;
            }
        }
        if (site != null) {
            Geolocation geographic = geographic(site, trueNorthRotation);
            if (geographic != null) {
                context.geolocation(geographic);
            }
        }
    }

    private StepInstance modelContext(StepInstance project) {
        if (project == null) {
            return null;
        }
        StepInstance first = null;
        for (StepInstance candidate : model.refs(project, "RepresentationContexts")) {
            Entity entity = model.entity(candidate);
            if (entity == null || !entity.name().equals("IfcGeometricRepresentationContext")) {
                continue;
            }
            if ("Model".equalsIgnoreCase(model.string(candidate, "ContextType"))) {
                return candidate;
            }
            if (first == null) {
                first = candidate;
            }
        }
        return first;
    }

    /** @return the angle of the file's x axis counter-clockwise from true east, 0 when no TrueNorth is given */
    private double trueNorth(StepInstance modelContext) {
        if (modelContext == null) {
            return 0;
        }
        StepInstance wcs = model.ref(modelContext, "WorldCoordinateSystem");
        if (wcs != null) {
            Transform transform = placements.axisPlacement(wcs);
            double[] r = transform.rotation();
            Point3 o = transform.origin();
            boolean identity = o.x() == 0 && o.y() == 0 && o.z() == 0 && r[0] == 1 && r[4] == 1 && r[8] == 1;
            if (!identity) {
                context.issue(Issue.info(CATEGORY, "The model context's WorldCoordinateSystem is not the identity (origin " + o
                        + "); placements are read relative to the project's engineering coordinate system, as IFC viewers do."));
            }
        }
        double[] north = placements.direction(model.ref(modelContext, "TrueNorth"));
        if (north == null || (north[0] == 0 && north[1] == 0)) {
            return 0;
        }
        return Math.atan2(north[0], north[1]);
    }

    private StepInstance mapConversion(StepInstance modelContext) {
        StepInstance first = null;
        for (String keyword : model.file().countsByType().keySet()) {
            if (!model.schema().isA(keyword, "IfcMapConversion")) {
                continue;
            }
            for (PrimitiveIterator.OfLong ids = model.file().idsOfType(keyword).iterator(); ids.hasNext(); ) {
                StepInstance conversion = model.get(ids.nextLong());
                if (modelContext != null && model.refId(conversion, "SourceCRS") == modelContext.id()) {
                    return conversion;
                }
                if (first == null) {
                    first = conversion;
                }
            }
        }
        return first;
    }

    private Geolocation projected(StepInstance conversion) {
        StepInstance crs = model.ref(conversion, "TargetCRS");
        String crsId = crs == null ? null : model.string(crs, "Name");
        if (crsId == null || crsId.isBlank()) {
            context.issue(Issue.warning(CATEGORY, "The IfcMapConversion has no target CRS with a name; it is ignored.", null));
            return null;
        }
        double metresPerMapUnit = 1;
        StepInstance mapUnit = model.ref(crs, "MapUnit");
        if (mapUnit != null) {
            metresPerMapUnit = units.convert(Units.Kind.LENGTH, 1.0, mapUnit);
        }
        double eastings = orZero(model.number(conversion, "Eastings"));
        double northings = orZero(model.number(conversion, "Northings"));
        double height = orZero(model.number(conversion, "OrthogonalHeight"));
        Double abscissa = model.number(conversion, "XAxisAbscissa");
        Double ordinate = model.number(conversion, "XAxisOrdinate");
        double rotation = abscissa == null || ordinate == null || (abscissa == 0 && ordinate == 0) ? 0 : Math.atan2(ordinate, abscissa);
        double scale = scale(model.number(conversion, "Scale"), metresPerMapUnit);
        String vertical = model.string(crs, "VerticalDatum");
        Point3 siteOrigin = siteOrigin();
        if (siteOrigin != null && Math.hypot(siteOrigin.x(), siteOrigin.y()) > ABSOLUTE_COORDINATES && (eastings != 0 || northings != 0)) {
            context.issue(Issue.warning(CATEGORY, String.format(java.util.Locale.ROOT,
                    "The site is placed %.0f m from the origin (absolute coordinates) and the map conversion to %s offsets it again"
                            + " by (%.3f, %.3f): only the CRS is kept, the offset and rotation are not applied twice.",
                    Math.hypot(siteOrigin.x(), siteOrigin.y()), crsId, eastings, northings), null));
            return new Geolocation(Geolocation.Kind.PROJECTED, crsId, blankToNull(vertical), Point3.ORIGIN, 0, scale);
        }
        return new Geolocation(Geolocation.Kind.PROJECTED, crsId, blankToNull(vertical), new Point3(eastings, northings, height), rotation, scale);
    }

    /**
     * @return the scale from file metres to CRS units. IfcMapConversion.Scale maps file units to map
     *     units; when it is absent the units alone decide. A Scale that is exactly the inverse of the unit
     *     ratio (1000 for a millimetre file on a metre grid) is a known exporter mistake: it is read
     *     inverted, with a warning.
     */
    private double scale(Double stated, double metresPerMapUnit) {
        double metresPerFileUnit = units.metresPerUnit();
        double expected = metresPerFileUnit / metresPerMapUnit;
        if (stated == null || !(stated > 0)) {
            return 1 / metresPerMapUnit;
        }
        double value = stated;
        if (Math.abs(expected - 1) > 1e-9 && Math.abs(value * expected - 1) < 1e-6) {
            context.issue(Issue.warning(CATEGORY, "IfcMapConversion.Scale " + stated + " is the inverse of the unit ratio " + expected
                    + " (file unit to map unit); it is read as " + expected + ".", null));
            value = expected;
        }
        return value / metresPerFileUnit;
    }

    private StepInstance siteWithCoordinates() {
        for (String keyword : model.file().countsByType().keySet()) {
            if (!model.schema().isA(keyword, "IfcSite")) {
                continue;
            }
            for (PrimitiveIterator.OfLong ids = model.file().idsOfType(keyword).iterator(); ids.hasNext(); ) {
                StepInstance site = model.get(ids.nextLong());
                if (model.numbers(site, "RefLatitude") != null && model.numbers(site, "RefLongitude") != null) {
                    return site;
                }
            }
        }
        return null;
    }

    /** @return the absolute origin of the first site with a placement, or null */
    private Point3 siteOrigin() {
        for (String keyword : model.file().countsByType().keySet()) {
            if (!model.schema().isA(keyword, "IfcSite")) {
                continue;
            }
            for (PrimitiveIterator.OfLong ids = model.file().idsOfType(keyword).iterator(); ids.hasNext(); ) {
                long placement = model.refId(model.get(ids.nextLong()), "ObjectPlacement");
                Transform transform = placement < 0 ? null : placements.absolute(placement);
                if (transform != null) {
                    return transform.origin();
                }
            }
        }
        return null;
    }

    private Geolocation geographic(StepInstance site, double rotation) {
        double[] latitude = model.numbers(site, "RefLatitude");
        double[] longitude = model.numbers(site, "RefLongitude");
        Double latitudeDegrees = compoundAngle(latitude);
        Double longitudeDegrees = compoundAngle(longitude);
        if (latitudeDegrees == null || longitudeDegrees == null || Math.abs(latitudeDegrees) > 90 || Math.abs(longitudeDegrees) > 180) {
            context.issue(Issue.warning(CATEGORY, "The site's RefLatitude/RefLongitude " + List.of(latitude, longitude).stream()
                    .map(java.util.Arrays::toString).toList() + " are no valid compound plane angles; no geolocation.", model.string(site, "GlobalId")));
            return null;
        }
        Double elevation = model.number(site, "RefElevation");
        double height = elevation == null ? 0 : units.length(elevation);
        return new Geolocation(Geolocation.Kind.GEOGRAPHIC, null, null, new Point3(longitudeDegrees, latitudeDegrees, height), rotation, 1);
    }

    /**
     * @param parts IfcCompoundPlaneAngleMeasure: degrees, minutes, seconds and optionally millionths of a
     *     second, all of the same sign
     * @return the angle in decimal degrees, or null when it is malformed
     */
    static Double compoundAngle(double[] parts) {
        if (parts == null || parts.length < 3 || parts.length > 4) {
            return null;
        }
        double degrees = parts[0] + parts[1] / 60 + parts[2] / 3600;
        if (parts.length == 4) {
            degrees += parts[3] / 3_600_000_000.0;
        }
        return Math.abs(parts[1]) >= 60 || Math.abs(parts[2]) >= 60 ? null : degrees;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
