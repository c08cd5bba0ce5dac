package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Point3;
import io.sinter.connector.ifc.internal.geometry.Affine;
import io.sinter.connector.ifc.internal.geometry.DoubleList;
import io.sinter.connector.ifc.internal.geometry.IntList;
import io.sinter.connector.ifc.internal.geometry.LongIntMap;
import io.sinter.connector.ifc.internal.geometry.MeshBuilder;
import io.sinter.connector.ifc.internal.geometry.PlaneClip;
import io.sinter.connector.ifc.internal.geometry.Tessellator;
import io.sinter.connector.ifc.internal.step.StepEnum;
import io.sinter.connector.ifc.internal.step.StepInstance;
import io.sinter.connector.ifc.internal.step.StepRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tessellates the shape of an IfcProduct into element-local metres (the frame of its ObjectPlacement).
 *
 * <p>Representation choice: the {@code Body} shape representations (those of a {@code Model} context
 * first; an unnamed one of a solid RepresentationType counts as body), the first that gives triangles;
 * else the {@code Box} (IfcBoundingBox) as a box mesh; else {@code Axis}, then {@code FootPrint}, curves
 * as polylines. Items:
 *
 * <ul>
 *   <li>IfcExtrudedAreaSolid of any profile {@link Profiles} reads, with Position and ExtrudedDirection × Depth
 *       (IfcExtrudedAreaSolidTapered when the end profile matches the start point for point);
 *       IfcRevolvedAreaSolid about its axis in the profile plane; IfcSweptDiskSolid as a tube along its
 *       whole directrix (StartParam and EndParam are not applied);</li>
 *   <li>IfcFacetedBrep (with voids), IfcClosedShell, IfcOpenShell, IfcConnectedFaceSet of IfcFace with
 *       IfcPolyLoop bounds (outer bound, holes), IfcShellBasedSurfaceModel, IfcFaceBasedSurfaceModel;</li>
 *   <li>IfcTriangulatedFaceSet (with PnIndex), IfcPolygonalFaceSet (faces with voids);</li>
 *   <li>IfcMappedItem: MappingTarget × MappingOrigin applied to the mapped representation (cached per map),
 *       mirrors and non-uniform scale included;</li>
 *   <li>IfcBooleanResult and IfcBooleanClippingResult: a DIFFERENCE with an IfcHalfSpaceSolid (or boxed
 *       half space) cuts the first operand by the plane and caps the cut; an IfcPolygonalBoundedHalfSpace
 *       cuts inside its boundary prism when the boundary is convex or holds the whole operand (else the
 *       first operand is kept whole); other operations and operands keep the first operand (UNION adds
 *       the second);</li>
 *   <li>IfcBoundingBox and IfcBlock as box meshes, IfcCsgSolid by its root;</li>
 *   <li>curves (see {@link Curves}) and IfcGeometricSet/IfcGeometricCurveSet as polylines.</li>
 * </ul>
 * Unsupported items are reported as {@code "IFCXYZ #id"} and skipped; the element keeps what could be read.
 * One mesh per element, deterministic: the same file gives the same arrays.
 */
final class Shapes {
    private static final int MAX_DEPTH = 32;
    private static final int MAP_CACHE = 256;
    private static final Set<String> SOLID_TYPES = Set.of("SWEPTSOLID", "ADVANCEDSWEPTSOLID", "BREP", "ADVANCEDBREP", "CSG",
            "CLIPPING", "SURFACEMODEL", "TESSELLATION", "SOLIDMODEL", "MAPPEDREPRESENTATION");

    private final IfcModel model;
    private final Curves curves;
    private final Profiles profiles;
    private final Tessellator tessellator = new Tessellator();
    private final PlaneClip clipper = new PlaneClip();
    private final LongIntMap pointVertices = new LongIntMap();
    private final DoubleList faceXyz = new DoubleList(64);
    private final IntList faceIds = new IntList(32);
    private final IntList faceEnds = new IntList(8);
    private final DoubleList profileXy = new DoubleList(64);
    private final IntList profileEnds = new IntList(8);
    private final double[] p = new double[3];
    private final Map<Long, Mapped> maps = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Mapped> eldest) {
            return size() > MAP_CACHE;
        }
    };
    private final Set<String> unsupported = new TreeSet<>();
    private boolean recordUnsupported = true;

    /** A tessellated representation map in its own coordinates, and what of it could not be read. */
    private record Mapped(MeshBuilder mesh, Set<String> unsupported) {
    }

    /** The shape of one product. */
    record Shape(Geometry geometry, Set<String> unsupported, String representation) {
    }

    Shapes(IfcModel model, Units units, Placements placements) {
        this.model = model;
        this.curves = new Curves(model, units, placements);
        this.profiles = new Profiles(curves);
        curves.onUnsupported(s -> {
            if (recordUnsupported) {
                unsupported.add(s);
            }
        });
    }

    /**
     * @param product an IfcProduct
     * @return its geometry (null when it has none) and the items that could not be read
     */
    Shape shapeOf(StepInstance product) {
        StepInstance definition = model.ref(product, "Representation");
        if (definition == null) {
            return new Shape(null, Set.of(), null);
        }
        List<StepInstance> body = new ArrayList<>();
        List<StepInstance> box = new ArrayList<>();
        List<StepInstance> axis = new ArrayList<>();
        List<StepInstance> footprint = new ArrayList<>();
        for (StepInstance representation : model.refs(definition, "Representations")) {
            if (!model.isA(representation, "IfcShapeRepresentation")) {
                continue;
            }
            String id = lower(model.string(representation, "RepresentationIdentifier"));
            String type = lower(model.string(representation, "RepresentationType"));
            if (id.equals("body") || id.isEmpty() && SOLID_TYPES.contains(type.toUpperCase(Locale.ROOT))) {
                if (isModelContext(model.ref(representation, "ContextOfItems"))) {
                    body.add(countModel(body), representation);
                } else {
                    body.add(representation);
                }
            } else if (id.equals("box") || type.equals("boundingbox")) {
                box.add(representation);
            } else if (id.equals("axis")) {
                axis.add(representation);
            } else if (id.equals("footprint")) {
                footprint.add(representation);
            }
        }
        unsupported.clear();
        MeshBuilder out = new MeshBuilder();
        String used = null;
        for (StepInstance representation : body) {
            items(representation, out);
            if (out.triangleCount() > 0) {
                used = "Body";
                break;
            }
        }
        Set<String> bodyProblems = new TreeSet<>(unsupported);
        if (used == null) {
            recordUnsupported = false;
            try {
                used = fallback(box, "Box", out, true);
                if (used == null) {
                    used = fallback(axis, "Axis", out, false);
                }
                if (used == null) {
                    used = fallback(footprint, "FootPrint", out, false);
                }
            } finally {
                recordUnsupported = true;
            }
        }
        if (used == null) {
            out.clear();
        }
        return new Shape(out.toGeometry(), bodyProblems, used);
    }

    private int countModel(List<StepInstance> body) {
        int n = 0;
        for (StepInstance r : body) {
            if (isModelContext(model.ref(r, "ContextOfItems"))) {
                n++;
            }
        }
        return n;
    }

    private String fallback(List<StepInstance> representations, String name, MeshBuilder out, boolean needTriangles) {
        for (StepInstance representation : representations) {
            out.clear();
            items(representation, out);
            if (needTriangles ? out.triangleCount() > 0 : !out.isEmpty()) {
                return name;
            }
        }
        out.clear();
        return null;
    }

    private boolean isModelContext(StepInstance context) {
        for (int depth = 0; context != null && depth < 8; depth++) {
            String type = model.string(context, "ContextType");
            if (type != null) {
                return type.equalsIgnoreCase("Model");
            }
            context = model.ref(context, "ParentContext");
        }
        return true;
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private void items(StepInstance representation, MeshBuilder out) {
        for (StepInstance item : model.refs(representation, "Items")) {
            item(item, Affine.IDENTITY, out, 0);
        }
    }

    /** Adds one representation item mapped by {@code t}. */
    void item(StepInstance item, Affine t, MeshBuilder out, int depth) {
        if (item == null || depth > MAX_DEPTH) {
            curves.unsupported(item);
            return;
        }
        if (model.isA(item, "IfcExtrudedAreaSolid")) {
            extrusion(item, t, out);
        } else if (model.isA(item, "IfcRevolvedAreaSolid")) {
            revolution(item, t, out);
        } else if (model.isA(item, "IfcMappedItem")) {
            mapped(item, t, out, depth);
        } else if (model.isA(item, "IfcFacetedBrep") || model.isA(item, "IfcFacetedBrepWithVoids")) {
            shell(model.ref(item, "Outer"), t, out);
            if (model.isA(item, "IfcFacetedBrepWithVoids")) {
                // a void's shell faces away from the void: the solid's faces there point the other way
                for (StepInstance voidShell : model.refs(item, "Voids")) {
                    MeshBuilder inner = new MeshBuilder();
                    shell(voidShell, Affine.IDENTITY, inner);
                    inner.reverse();
                    out.append(inner, t);
                }
            }
        } else if (model.isA(item, "IfcSweptDiskSolid")) {
            sweptDisk(item, t, out);
        } else if (model.isA(item, "IfcConnectedFaceSet")) {
            shell(item, t, out);
        } else if (model.isA(item, "IfcShellBasedSurfaceModel")) {
            for (StepInstance shell : model.refs(item, "SbsmBoundary")) {
                shell(shell, t, out);
            }
        } else if (model.isA(item, "IfcFaceBasedSurfaceModel")) {
            for (StepInstance shell : model.refs(item, "FbsmFaces")) {
                shell(shell, t, out);
            }
        } else if (model.isA(item, "IfcTriangulatedFaceSet")) {
            triangulatedFaceSet(item, t, out);
        } else if (model.isA(item, "IfcPolygonalFaceSet")) {
            polygonalFaceSet(item, t, out);
        } else if (model.isA(item, "IfcBooleanResult")) {
            booleanResult(item, t, out, depth);
        } else if (model.isA(item, "IfcCsgSolid")) {
            item(model.ref(item, "TreeRootExpression"), t, out, depth + 1);
        } else if (model.isA(item, "IfcBoundingBox")) {
            curves.point(model.ref(item, "Corner"), p);
            box(p[0], p[1], p[2], length(item, "XDim"), length(item, "YDim"), length(item, "ZDim"), t, out);
        } else if (model.isA(item, "IfcBlock")) {
            Affine position = t.then(curves.placement(model.ref(item, "Position")));
            box(0, 0, 0, length(item, "XLength"), length(item, "YLength"), length(item, "ZLength"), position, out);
        } else if (model.isA(item, "IfcGeometricSet")) {
            for (StepInstance element : model.refs(item, "Elements")) {
                if (model.isA(element, "IfcCurve")) {
                    curve(element, t, out);
                } else if (!model.isA(element, "IfcCartesianPoint")) {
                    item(element, t, out, depth + 1);
                }
            }
        } else if (model.isA(item, "IfcCurve")) {
            curve(item, t, out);
        } else {
            curves.unsupported(item);
        }
    }

    private double length(StepInstance instance, String name) {
        Double value = model.number(instance, name);
        return value == null ? 0 : curves.units().length(Math.abs(value));
    }

    private void box(double x, double y, double z, double dx, double dy, double dz, Affine t, MeshBuilder out) {
        if (!(dx > 0 && dy > 0 && dz > 0)) {
            return;
        }
        double[] ring = {x, y, x + dx, y, x + dx, y + dy, x, y + dy};
        tessellator.extrude(ring, new int[] {4}, 1, 0, 0, dz, t.then(Affine.translation(0, 0, z)), out);
    }

    private void extrusion(StepInstance solid, Affine t, MeshBuilder out) {
        profileXy.clear();
        profileEnds.clear();
        StepInstance profile = model.ref(solid, "SweptArea");
        if (!profiles.rings(profile, profileXy, profileEnds)) {
            return;
        }
        double depth = length(solid, "Depth");
        double[] direction = Curves.normalise(direction(model.ref(solid, "ExtrudedDirection")), new double[] {0, 0, 1});
        if (!(depth > 0) || Math.abs(direction[2]) < 1e-9) {
            curves.unsupported(solid);
            return;
        }
        Affine position = t.then(curves.placement(model.ref(solid, "Position")));
        if (model.isA(solid, "IfcExtrudedAreaSolidTapered")) {
            // the end profile must have the start profile's rings point for point
            int points = profileXy.size() / 2;
            int[] ends = profileEnds.toArray();
            double[] bottom = profileXy.toArray();
            profileXy.clear();
            profileEnds.clear();
            if (!profiles.rings(model.ref(solid, "EndSweptArea"), profileXy, profileEnds) || profileXy.size() / 2 != points
                    || !java.util.Arrays.equals(ends, profileEnds.toArray())) {
                curves.unsupported(solid);
                return;
            }
            tessellator.loft(bottom, profileXy.toArray(), ends, ends.length, direction[0] * depth, direction[1] * depth,
                    direction[2] * depth, position, out);
            return;
        }
        tessellator.extrude(profileXy.array(), profileEnds.toArray(), profileEnds.size(), direction[0] * depth, direction[1] * depth,
                direction[2] * depth, position, out);
    }

    private void sweptDisk(StepInstance solid, Affine t, MeshBuilder out) {
        DoubleList path = new DoubleList();
        double radius = length(solid, "Radius");
        double inner = length(solid, "InnerRadius");
        if (!curves.points(model.ref(solid, "Directrix"), path) || path.size() < 6 || !(radius > 0)) {
            if (path.size() >= 6) {
                curves.unsupported(solid);
            }
            return;
        }
        // StartParam and EndParam are not applied: the disk runs along the whole directrix
        tessellator.tube(path.toArray(), radius, inner, Math.max(8, Curves.segments(radius) / 2), t, out);
    }

    private void revolution(StepInstance solid, Affine t, MeshBuilder out) {
        profileXy.clear();
        profileEnds.clear();
        if (!profiles.rings(model.ref(solid, "SweptArea"), profileXy, profileEnds)) {
            return;
        }
        StepInstance axis = model.ref(solid, "Axis");
        Double angleValue = model.number(solid, "Angle");
        double[] location = new double[3];
        curves.point(model.ref(axis, "Location"), location);
        double[] direction = direction(model.ref(axis, "Axis"));
        if (axis == null || angleValue == null || direction == null || Math.hypot(direction[0], direction[1]) < 1e-9) {
            curves.unsupported(solid);
            return;
        }
        double angle = curves.units().angle(angleValue);
        if (!(Math.abs(angle) > 1e-9)) {
            curves.unsupported(solid);
            return;
        }
        angle = Math.max(-2 * Math.PI, Math.min(2 * Math.PI, angle));
        // segments by the largest distance of the profile from the axis
        double ul = Math.hypot(direction[0], direction[1]);
        double radius = 0;
        double[] xy = profileXy.array();
        for (int i = 0; i < profileXy.size(); i += 2) {
            double px = xy[i] - location[0];
            double py = xy[i + 1] - location[1];
            radius = Math.max(radius, Math.abs(px * direction[1] - py * direction[0]) / ul);
        }
        int steps = Math.max(1, (int) Math.ceil(Curves.segments(radius) * Math.abs(angle) / (2 * Math.PI)));
        Affine position = t.then(curves.placement(model.ref(solid, "Position")));
        tessellator.revolve(profileXy.toArray(), profileEnds.toArray(), profileEnds.size(), location[0], location[1], direction[0],
                direction[1], angle, steps, position, out);
    }

    private double[] direction(StepInstance direction) {
        double[] ratios = direction == null ? null : model.numbers(direction, "DirectionRatios");
        if (ratios == null || ratios.length < 2) {
            return null;
        }
        return new double[] {ratios[0], ratios[1], ratios.length > 2 ? ratios[2] : 0};
    }

    private void mapped(StepInstance item, Affine t, MeshBuilder out, int depth) {
        StepInstance map = model.ref(item, "MappingSource");
        StepInstance representation = model.ref(map, "MappedRepresentation");
        if (map == null || representation == null) {
            curves.unsupported(item);
            return;
        }
        Mapped local = maps.get(map.id());
        if (local == null) {
            Set<String> before = new TreeSet<>(unsupported);
            MeshBuilder mesh = new MeshBuilder();
            for (StepInstance sub : model.refs(representation, "Items")) {
                item(sub, Affine.IDENTITY, mesh, depth + 1);
            }
            Set<String> problems = new TreeSet<>(unsupported);
            problems.removeAll(before);
            local = new Mapped(mesh, problems);
            maps.put(map.id(), local);
        } else if (recordUnsupported) {
            unsupported.addAll(local.unsupported());
        }
        Affine placement = t.then(curves.operator(model.ref(item, "MappingTarget")))
                .then(curves.placement(model.ref(map, "MappingOrigin")));
        out.append(local.mesh(), placement);
    }

    /** Adds the faces of a connected face set; points shared by faces become shared vertices. */
    private void shell(StepInstance shell, Affine t, MeshBuilder out) {
        if (shell == null || !model.isA(shell, "IfcConnectedFaceSet")) {
            curves.unsupported(shell);
            return;
        }
        pointVertices.clear();
        boolean flip = t.determinant() < 0;
        for (StepInstance face : model.refs(shell, "CfsFaces")) {
            face(face, t, flip, out);
        }
        pointVertices.clear();
    }

    private void face(StepInstance face, Affine t, boolean flip, MeshBuilder out) {
        List<StepInstance> bounds = model.refs(face, "Bounds");
        if (bounds.isEmpty()) {
            return;
        }
        int outer = 0;
        for (int i = 0; i < bounds.size(); i++) {
            if (model.isA(bounds.get(i), "IfcFaceOuterBound")) {
                outer = i;
                break;
            }
        }
        faceXyz.clear();
        faceIds.clear();
        faceEnds.clear();
        boolean reverse = false;
        for (int k = -1; k < bounds.size(); k++) {
            int i = k < 0 ? outer : k;
            if (k >= 0 && k == outer) {
                continue;
            }
            StepInstance bound = bounds.get(i);
            StepInstance loop = model.ref(bound, "Bound");
            if (!model.isA(loop, "IfcPolyLoop")) {
                curves.unsupported(loop == null ? bound : loop);
                if (k < 0) {
                    return;
                }
                continue;
            }
            if (k < 0) {
                reverse = Boolean.FALSE.equals(model.value(bound, "Orientation"));
            }
            int before = faceIds.size();
            List<?> polygon = model.value(loop, "Polygon") instanceof List<?> list ? list : List.of();
            for (Object ref : polygon) {
                if (!(ref instanceof StepRef pointRef)) {
                    continue;
                }
                long pointId = pointRef.id();
                int vertex = pointVertices.get(pointId);
                if (vertex < 0) {
                    curves.point(model.get(pointId), p);
                    vertex = out.vertex(t, p[0], p[1], p[2]);
                    pointVertices.put(pointId, vertex);
                }
                if (faceIds.size() > before && faceIds.get(faceIds.size() - 1) == vertex) {
                    continue;
                }
                faceIds.add(vertex);
                double[] v = out.vertices().array();
                faceXyz.add(v[3 * vertex], v[3 * vertex + 1], v[3 * vertex + 2]);
            }
            if (faceIds.size() - before > 1 && faceIds.get(before) == faceIds.get(faceIds.size() - 1)) {
                faceIds.truncate(faceIds.size() - 1);
                faceXyz.truncate(faceXyz.size() - 3);
            }
            if (faceIds.size() - before < 3) {
                faceIds.truncate(before);
                faceXyz.truncate(before * 3);
                if (k < 0) {
                    return;
                }
                continue;
            }
            faceEnds.add(faceIds.size());
        }
        // the vertices are already mapped by t: a mirror reversed their turning sense
        tessellator.face(faceXyz.array(), faceIds.toArray(), faceEnds.toArray(), faceEnds.size(), reverse != flip, out);
    }

    private void triangulatedFaceSet(StepInstance set, Affine t, MeshBuilder out) {
        double[][] points = curves.pointList(model.ref(set, "Coordinates"));
        Object coordIndex = model.value(set, "CoordIndex");
        if (points == null || !(coordIndex instanceof List<?> triangles)) {
            curves.unsupported(set);
            return;
        }
        int[] pn = pnIndex(model.value(set, "PnIndex"));
        int base = out.vertexCount();
        for (double[] point : points) {
            out.vertex(t, point[0], point[1], point[2]);
        }
        boolean flip = t.determinant() < 0;
        int[] abc = new int[3];
        for (Object triangle : triangles) {
            if (!(triangle instanceof List<?> corners) || corners.size() != 3 || !indices(corners, pn, points.length, abc)) {
                continue;
            }
            out.triangle(base + abc[0], base + abc[1], base + abc[2], flip);
        }
    }

    private void polygonalFaceSet(StepInstance set, Affine t, MeshBuilder out) {
        double[][] points = curves.pointList(model.ref(set, "Coordinates"));
        if (points == null) {
            curves.unsupported(set);
            return;
        }
        int[] pn = pnIndex(model.value(set, "PnIndex"));
        int base = out.vertexCount();
        for (double[] point : points) {
            out.vertex(t, point[0], point[1], point[2]);
        }
        boolean flip = t.determinant() < 0;
        double[] v = null;
        for (StepInstance face : model.refs(set, "Faces")) {
            faceXyz.clear();
            faceIds.clear();
            faceEnds.clear();
            v = out.vertices().array();
            if (!ring(model.value(face, "CoordIndex"), pn, points.length, base, v)) {
                continue;
            }
            if (model.isA(face, "IfcIndexedPolygonalFaceWithVoids") && model.value(face, "InnerCoordIndices") instanceof List<?> inner) {
                for (Object hole : inner) {
                    ring(hole, pn, points.length, base, v);
                }
            }
            tessellator.face(faceXyz.array(), faceIds.toArray(), faceEnds.toArray(), faceEnds.size(), flip, out);
        }
    }

    private boolean ring(Object indexList, int[] pn, int count, int base, double[] v) {
        if (!(indexList instanceof List<?> list) || list.size() < 3) {
            return false;
        }
        int before = faceIds.size();
        int[] one = new int[1];
        for (Object index : list) {
            if (!indices(List.of(index), pn, count, one)) {
                faceIds.truncate(before);
                faceXyz.truncate(before * 3);
                return false;
            }
            int vertex = base + one[0];
            faceIds.add(vertex);
            faceXyz.add(v[3 * vertex], v[3 * vertex + 1], v[3 * vertex + 2]);
        }
        faceEnds.add(faceIds.size());
        return true;
    }

    /** @return PnIndex as 0-based indices, or null when absent (or an IFC4 NormalIndex list of lists) */
    private static int[] pnIndex(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.get(0) instanceof List) {
            return null;
        }
        int[] pn = new int[list.size()];
        for (int i = 0; i < pn.length; i++) {
            Double d = IfcModel.number(list.get(i));
            pn[i] = d == null ? -1 : d.intValue() - 1;
        }
        return pn;
    }

    /** Reads 1-based indices (through PnIndex when given) into 0-based point indices; false when one is out of range. */
    private static boolean indices(List<?> raw, int[] pn, int count, int[] into) {
        for (int i = 0; i < into.length; i++) {
            Double d = IfcModel.number(raw.get(i));
            if (d == null) {
                return false;
            }
            int index = d.intValue() - 1;
            if (pn != null) {
                if (index < 0 || index >= pn.length) {
                    return false;
                }
                index = pn[index];
            }
            if (index < 0 || index >= count) {
                return false;
            }
            into[i] = index;
        }
        return true;
    }

    private void booleanResult(StepInstance result, Affine t, MeshBuilder out, int depth) {
        StepInstance first = model.ref(result, "FirstOperand");
        StepInstance second = model.ref(result, "SecondOperand");
        String operator = model.value(result, "Operator") instanceof StepEnum e ? e.literal() : "";
        if (operator.equals("DIFFERENCE") && model.isA(second, "IfcHalfSpaceSolid")) {
            MeshBuilder operand = new MeshBuilder();
            item(first, Affine.IDENTITY, operand, depth + 1);
            MeshBuilder clipped = new MeshBuilder();
            if (!halfSpace(second, operand, clipped)) {
                clipped = operand;
            }
            out.append(clipped, t);
            return;
        }
        item(first, t, out, depth + 1);
        if (operator.equals("UNION")) {
            item(second, t, out, depth + 1);
        }
    }

    /** Removes the half space from {@code operand}; false when it cannot (the operand then stays whole). */
    private boolean halfSpace(StepInstance halfSpace, MeshBuilder operand, MeshBuilder out) {
        StepInstance surface = model.ref(halfSpace, "BaseSurface");
        if (!model.isA(surface, "IfcPlane")) {
            curves.unsupported(surface == null ? halfSpace : surface);
            return false;
        }
        Affine plane = curves.placement(model.ref(surface, "Position"));
        double[] origin = {plane.get(0, 3), plane.get(1, 3), plane.get(2, 3)};
        double[] normal = {plane.get(0, 2), plane.get(1, 2), plane.get(2, 2)};
        // AgreementFlag TRUE: the plane normal points away from the half space's material
        if (!Boolean.FALSE.equals(model.value(halfSpace, "AgreementFlag"))) {
            normal = Curves.times(normal, -1);
        }
        if (model.isA(halfSpace, "IfcPolygonalBoundedHalfSpace")) {
            return boundedHalfSpace(halfSpace, operand, origin, normal, out);
        }
        clipper.clip(operand, origin, normal, out);
        return true;
    }

    /**
     * Removes a polygonal bounded half space: when the operand lies inside the boundary prism, a plain cut;
     * when the boundary is convex, the operand is split by the prism's sides, the parts outside kept whole
     * and the part inside cut (the split faces stay inside the solid); else false.
     */
    private boolean boundedHalfSpace(StepInstance halfSpace, MeshBuilder operand, double[] origin, double[] normal, MeshBuilder out) {
        DoubleList boundary = new DoubleList();
        if (!curves.points(model.ref(halfSpace, "PolygonalBoundary"), boundary)) {
            return false;
        }
        int n = boundary.size() / 3;
        double[] b = boundary.array();
        if (n > 3 && b[0] == b[3 * n - 3] && b[1] == b[3 * n - 2]) {
            n--;
        }
        if (n < 3) {
            return false;
        }
        Affine position = curves.placement(model.ref(halfSpace, "Position"));
        if (insideBoundary(b, n, position, operand)) {
            clipper.clip(operand, origin, normal, out);
            return true;
        }
        double area = 0;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            area += (b[3 * j] - b[3 * i]) * (b[3 * i + 1] + b[3 * j + 1]);
        }
        double sense = area > 0 ? 1 : -1; // counter-clockwise: outward normal of edge (dx, dy) is (dy, -dx)
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            int k = (i + 2) % n;
            double cross = (b[3 * j] - b[3 * i]) * (b[3 * k + 1] - b[3 * j + 1]) - (b[3 * j + 1] - b[3 * i + 1]) * (b[3 * k] - b[3 * j]);
            if (cross * sense < -1e-12) {
                return false; // not convex
            }
        }
        MeshBuilder inside = operand;
        for (int i = 0; i < n && inside.triangleCount() > 0; i++) {
            int j = (i + 1) % n;
            double dx = b[3 * j] - b[3 * i];
            double dy = b[3 * j + 1] - b[3 * i + 1];
            if (dx == 0 && dy == 0) {
                continue;
            }
            double[] sidePoint = {position.x(b[3 * i], b[3 * i + 1], 0), position.y(b[3 * i], b[3 * i + 1], 0), position.z(b[3 * i], b[3 * i + 1], 0)};
            double[] outward = position.direction(sense * dy, -sense * dx, 0);
            MeshBuilder outside = new MeshBuilder();
            clipper.clip(inside, sidePoint, Curves.times(outward, -1), outside);
            out.append(outside, Affine.IDENTITY);
            MeshBuilder rest = new MeshBuilder();
            clipper.clip(inside, sidePoint, outward, rest);
            inside = rest;
        }
        if (inside.triangleCount() > 0) {
            clipper.clip(inside, origin, normal, out);
        }
        return true;
    }

    /** @return whether every vertex of the operand lies in the boundary prism (boundary in the Position's xy plane) */
    private static boolean insideBoundary(double[] b, int n, Affine position, MeshBuilder operand) {
        double[] v = operand.vertices().array();
        for (int i = 0; i < operand.vertexCount(); i++) {
            double dx = v[3 * i] - position.get(0, 3);
            double dy = v[3 * i + 1] - position.get(1, 3);
            double dz = v[3 * i + 2] - position.get(2, 3);
            double x = position.get(0, 0) * dx + position.get(1, 0) * dy + position.get(2, 0) * dz;
            double y = position.get(0, 1) * dx + position.get(1, 1) * dy + position.get(2, 1) * dz;
            if (!insideOrOn(b, n, x, y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean insideOrOn(double[] ring, int n, double x, double y) {
        boolean inside = false;
        double eps = 1e-6;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = ring[3 * i];
            double yi = ring[3 * i + 1];
            double xj = ring[3 * j];
            double yj = ring[3 * j + 1];
            // on the edge?
            double ex = xi - xj;
            double ey = yi - yj;
            double len2 = ex * ex + ey * ey;
            if (len2 > 0) {
                double s = ((x - xj) * ex + (y - yj) * ey) / len2;
                if (s >= 0 && s <= 1) {
                    double px = xj + s * ex - x;
                    double py = yj + s * ey - y;
                    if (px * px + py * py < eps * eps) {
                        return true;
                    }
                }
            }
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    private void curve(StepInstance curve, Affine t, MeshBuilder out) {
        DoubleList points = new DoubleList();
        if (!curves.points(curve, points) || points.size() < 6) {
            return;
        }
        int n = points.size() / 3;
        boolean closed = n > 2 && points.get(0) == points.get(3 * n - 3) && points.get(1) == points.get(3 * n - 2)
                && points.get(2) == points.get(3 * n - 1);
        int count = closed ? n - 1 : n;
        double[] q = new double[count * 3];
        for (int i = 0; i < count; i++) {
            double x = points.get(3 * i);
            double y = points.get(3 * i + 1);
            double z = points.get(3 * i + 2);
            q[3 * i] = t.x(x, y, z) + 0.0;
            q[3 * i + 1] = t.y(x, y, z) + 0.0;
            q[3 * i + 2] = t.z(x, y, z) + 0.0;
        }
        if (count >= 2) {
            out.polyline(new Geometry.Polyline(q, closed));
        }
    }

    /**
     * @param geometry element-local geometry
     * @param placement the element's placement (local to spatial)
     * @return the axis-aligned box of the geometry in the spatial frame, or null when it is empty
     */
    static Box box(Geometry geometry, Transform placement) {
        double[] r = placement.rotation();
        Point3 o = placement.origin();
        double[] low = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] high = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Geometry.Mesh mesh : geometry.meshes()) {
            extend(mesh.vertices(), r, o, low, high);
        }
        for (Geometry.Polyline line : geometry.polylines()) {
            extend(line.points(), r, o, low, high);
        }
        if (!(low[0] <= high[0])) {
            return null;
        }
        return new Box(new Point3(low[0], low[1], low[2]), new Point3(high[0], high[1], high[2]));
    }

    private static void extend(double[] v, double[] r, Point3 o, double[] low, double[] high) {
        for (int i = 0; i < v.length; i += 3) {
            double x = v[i];
            double y = v[i + 1];
            double z = v[i + 2];
            double wx = o.x() + r[0] * x + r[1] * y + r[2] * z;
            double wy = o.y() + r[3] * x + r[4] * y + r[5] * z;
            double wz = o.z() + r[6] * x + r[7] * y + r[8] * z;
            low[0] = Math.min(low[0], wx);
            low[1] = Math.min(low[1], wy);
            low[2] = Math.min(low[2], wz);
            high[0] = Math.max(high[0], wx);
            high[1] = Math.max(high[1], wy);
            high[2] = Math.max(high[2], wz);
        }
    }
}
