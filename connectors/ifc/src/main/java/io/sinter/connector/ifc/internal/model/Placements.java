package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import io.sinter.connector.ifc.internal.step.StepInstance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves object placements to absolute transforms in metres: IfcLocalPlacement chains through
 * PlacementRelTo (an unset PlacementRelTo is the world frame), with IfcAxis2Placement3D/2D and their
 * default axes, and IfcLinearPlacement by its CartesianPosition (IFC4X3). Absolute transforms are cached
 * by placement id, since storeys and buildings are the base of many chains.
 */
final class Placements {
    private static final int CACHE_SIZE = 1 << 16;
    private static final int MAX_DEPTH = 256;

    private final IfcModel model;
    private final Units units;
    private final Map<Long, Transform> absolute = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Transform> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    /** Placement kinds the connector cannot resolve, reported once each. */
    private final Set<String> unsupported = new TreeSet<>();

    Placements(IfcModel model, Units units) {
        this.model = model;
        this.units = units;
    }

    /** @return the absolute transform of the object placement {@code #id}, or null when there is none */
    Transform absolute(long id) {
        return absolute(id, 0);
    }

    /** @return entity names of placements that were read as the world frame */
    Set<String> unsupported() {
        return unsupported;
    }

    private Transform absolute(long id, int depth) {
        Transform cached = absolute.get(id);
        if (cached != null) {
            return cached;
        }
        StepInstance placement = model.get(id);
        if (placement == null || depth > MAX_DEPTH) {
            return null;
        }
        Transform result;
        if (model.isA(placement, "IfcLocalPlacement")) {
            result = relativeTo(placement, depth).then(axisPlacement(model.ref(placement, "RelativePlacement")));
        } else if (model.isA(placement, "IfcLinearPlacement")) {
            StepInstance cartesian = model.ref(placement, "CartesianPosition");
            result = cartesian != null ? relativeTo(placement, depth).then(axisPlacement(cartesian)) : unsupported(placement, depth);
        } else {
            result = unsupported(placement, depth);
        }
        absolute.put(id, result);
        return result;
    }

    private Transform relativeTo(StepInstance placement, int depth) {
        long parent = model.refId(placement, "PlacementRelTo");
        if (parent < 0 || parent == placement.id()) {
            return Transform.IDENTITY;
        }
        Transform base = absolute(parent, depth + 1);
        return base == null ? Transform.IDENTITY : base;
    }

    private Transform unsupported(StepInstance placement, int depth) {
        Object type = model.entity(placement) == null ? placement.type() : model.entity(placement).name();
        unsupported.add(type.toString());
        return relativeTo(placement, depth);
    }

    /** @return the transform of an IfcAxis2Placement3D or 2D (identity for anything else) */
    Transform axisPlacement(StepInstance axes) {
        if (axes == null) {
            return Transform.IDENTITY;
        }
        double[] origin = point(model.ref(axes, "Location"));
        if (model.isA(axes, "IfcAxis2Placement3D")) {
            return Transform.of(origin, direction(model.ref(axes, "RefDirection")), direction(model.ref(axes, "Axis")));
        }
        if (model.isA(axes, "IfcAxis2Placement2D")) {
            return Transform.of(origin, direction(model.ref(axes, "RefDirection")), null);
        }
        return Transform.IDENTITY;
    }

    /** @return the coordinates of an IfcCartesianPoint in metres, padded to three */
    double[] point(StepInstance point) {
        double[] xyz = new double[3];
        double[] coordinates = point == null ? null : model.numbers(point, "Coordinates");
        if (coordinates != null) {
            for (int i = 0; i < Math.min(3, coordinates.length); i++) {
                xyz[i] = units.length(coordinates[i]);
            }
        }
        return xyz;
    }

    /** @return the ratios of an IfcDirection padded to three, or null when absent */
    double[] direction(StepInstance direction) {
        double[] ratios = direction == null ? null : model.numbers(direction, "DirectionRatios");
        if (ratios == null || ratios.length < 2) {
            return null;
        }
        return new double[] {ratios[0], ratios[1], ratios.length > 2 ? ratios[2] : 0};
    }

    /** @return the absolute transform of an IfcProduct's ObjectPlacement, or null when it has none */
    Transform transformOf(StepInstance product) {
        long placementId = model.refId(product, "ObjectPlacement");
        return placementId < 0 ? null : absolute(placementId);
    }

    /**
     * @param product an IfcProduct
     * @return its placement: absolute origin and rotation, and as box the IfcBoundingBox of a
     *     {@code BoundingBox} shape representation when it has one, else the origin as a degenerate box;
     *     null when it has no placement
     */
    Placement placementOf(StepInstance product) {
        long placementId = model.refId(product, "ObjectPlacement");
        Transform transform = placementId < 0 ? null : absolute(placementId);
        if (transform == null) {
            return null;
        }
        Box box = boundingBox(product, transform);
        Point3 origin = transform.origin();
        return new Placement(origin, transform.rotation(), box == null ? new Box(origin, origin) : box);
    }

    private Box boundingBox(StepInstance product, Transform transform) {
        StepInstance shape = model.ref(product, "Representation");
        if (shape == null) {
            return null;
        }
        for (StepInstance representation : model.refs(shape, "Representations")) {
            for (StepInstance item : model.refs(representation, "Items")) {
                if (model.isA(item, "IfcBoundingBox")) {
                    return box(item, transform);
                }
            }
        }
        return null;
    }

    private Box box(StepInstance boundingBox, Transform transform) {
        double[] corner = point(model.ref(boundingBox, "Corner"));
        double[] size = {
            units.length(orZero(model.number(boundingBox, "XDim"))),
            units.length(orZero(model.number(boundingBox, "YDim"))),
            units.length(orZero(model.number(boundingBox, "ZDim")))};
        double[] low = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] high = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < 8; i++) {
            double[] p = transform.apply(corner[0] + ((i & 1) == 0 ? 0 : size[0]),
                    corner[1] + ((i & 2) == 0 ? 0 : size[1]), corner[2] + ((i & 4) == 0 ? 0 : size[2]));
            for (int axis = 0; axis < 3; axis++) {
                low[axis] = Math.min(low[axis], p[axis]);
                high[axis] = Math.max(high[axis], p[axis]);
            }
        }
        return new Box(new Point3(low[0], low[1], low[2]), new Point3(high[0], high[1], high[2]));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : Math.abs(value);
    }
}
