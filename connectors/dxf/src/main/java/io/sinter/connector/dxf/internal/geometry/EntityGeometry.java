package io.sinter.connector.dxf.internal.geometry;

import io.sinter.connector.dxf.internal.reader.DxfBlock;
import io.sinter.connector.dxf.internal.reader.DxfPair;
import io.sinter.connector.dxf.internal.reader.DxfPoint;
import io.sinter.connector.dxf.internal.reader.DxfRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns DXF entities into world geometry: curves into polylines, faces into triangles, inserts and dimensions into
 * the geometry of their blocks. Coordinates are mapped by an {@link Affine} that already contains the drawing unit,
 * so {@link Shapes} receives metres.
 *
 * <ul>
 * <li>polylines: LINE, ARC, CIRCLE, ELLIPSE, LWPOLYLINE and 2D/3D POLYLINE (bulges as arcs), SPLINE, HATCH boundary
 * paths, LEADER, MULTILEADER leader lines, MLINE (its reference line);</li>
 * <li>triangles: 3DFACE, SOLID, TRACE, polyface and polygon-mesh POLYLINE, MESH (its base cage, not subdivided);</li>
 * <li>a point only: POINT, TEXT, MTEXT, RAY and XLINE (base point), ATTRIB outside inserts;</li>
 * <li>block geometry: INSERT and MINSERT arrays (nested, with scale, rotation and extrusion), DIMENSION and
 * ACAD_TABLE (their anonymous blocks);</li>
 * <li>nothing: ACIS bodies (3DSOLID, REGION, BODY, surfaces) and the types in {@link #WITHOUT_GEOMETRY}.</li>
 * </ul>
 *
 * <p>Problems (an undefined block, a spline that cannot be evaluated, ...) go to a callback as sentences; the entity
 * keeps whatever geometry could be built.
 */
public final class EntityGeometry {
    /** Block nesting deeper than this is cut off (AutoCAD itself rejects cyclic definitions). */
    static final int MAX_NESTING = 32;
    /** MINSERT arrays with more cells than this are cut off. */
    static final int MAX_ARRAY_CELLS = 100_000;

    /** Entity types whose ACIS data are not converted: they become elements without geometry. */
    public static final Set<String> ACIS_TYPES = Set.of("3DSOLID", "REGION", "BODY", "SURFACE", "EXTRUDEDSURFACE",
            "LOFTEDSURFACE", "REVOLVEDSURFACE", "SWEPTSURFACE", "PLANESURFACE", "NURBSURFACE");

    /** Entity types this class reads geometry from; any other type is placed at its first point, if any. */
    public static final Set<String> SUPPORTED_TYPES = Set.of("LINE", "ARC", "CIRCLE", "ELLIPSE", "LWPOLYLINE",
            "POLYLINE", "SPLINE", "HATCH", "LEADER", "MULTILEADER", "MLEADER", "MLINE", "3DFACE", "SOLID", "TRACE",
            "MESH", "INSERT", "DIMENSION", "ARC_DIMENSION", "LARGE_RADIAL_DIMENSION", "ACAD_TABLE", "POINT", "TEXT", "MTEXT", "ATTRIB", "ATTDEF", "RAY", "XLINE");

    private final Function<String, Optional<DxfBlock>> blocks;

    /** @param blocks the block definitions by name (case-insensitive) */
    public EntityGeometry(Function<String, Optional<DxfBlock>> blocks) {
        this.blocks = blocks;
    }

    /**
     * Adds the geometry of a top-level entity.
     *
     * @param toWorld  from drawing units in WCS to world metres
     * @param problems receives a sentence per problem
     */
    public void add(DxfRecord entity, Affine toWorld, Shapes out, Consumer<String> problems) {
        new Walk(out, problems).entity(entity, toWorld, 0);
    }

    /** One top-level entity's traversal, with the stack of blocks being expanded. */
    private final class Walk {
        private final Shapes out;
        private final Consumer<String> problems;
        private final Deque<String> blockStack = new ArrayDeque<>();

        Walk(Shapes out, Consumer<String> problems) {
            this.out = out;
            this.problems = problems;
        }

        void entity(DxfRecord e, Affine m, int depth) {
            if (out.overBudget()) {
                return;
            }
            String type = e.type().toUpperCase(Locale.ROOT);
            boolean top = depth == 0;
            switch (type) {
                case "LINE" -> line(e, m);
                case "ARC" -> arc(e, m);
                case "CIRCLE" -> circle(e, m);
                case "ELLIPSE" -> ellipse(e, m);
                case "LWPOLYLINE" -> lwPolyline(e, m);
                case "POLYLINE" -> polyline(e, m);
                case "SPLINE" -> spline(e, m);
                case "HATCH" -> hatch(e, m);
                case "LEADER" -> polylineOf(points(e, 10), m, false);
                case "MULTILEADER", "MLEADER" -> multiLeader(e, m);
                case "MLINE" -> polylineOf(points(e, 11), m, (e.integer(71, 0) & 2) != 0);
                case "3DFACE" -> face(e, m);
                case "SOLID", "TRACE" -> solid(e, m);
                case "MESH" -> mesh(e, m);
                case "INSERT" -> insert(e, m, depth);
                case "DIMENSION", "ARC_DIMENSION", "LARGE_RADIAL_DIMENSION" -> dimension(e, m, depth);
                case "ACAD_TABLE" -> table(e, m, depth);
                case "TEXT", "ATTRIB", "ATTDEF" -> {
                    if (top || !type.equals("ATTDEF")) {
                        point(ocs(e), e, m, true, top);
                        alignmentPoint(e, m);
                    }
                }
                case "POINT", "MTEXT", "RAY", "XLINE" -> point(Affine.IDENTITY, e, m, false, top);
                default -> {
                    if (top) {
                        point(Affine.IDENTITY, e, m, false, true);
                    }
                }
            }
        }

        /** Places a point-like entity at its group 10 point (OCS when {@code inOcs}). */
        private void point(Affine ocs, DxfRecord e, Affine m, boolean inOcs, boolean top) {
            Optional<DxfPoint> p = e.point(10);
            if (p.isEmpty()) {
                return;
            }
            double[] w = new double[3];
            (inOcs ? m.times(ocs) : m).apply(p.get().x(), p.get().y(), p.get().z(), w, 0);
            if (top) {
                out.anchor(w[0], w[1], w[2]);
            } else {
                out.marker(w[0], w[1], w[2]);
            }
        }

        /** Justified text (group 72 or 73 not 0) is also defined by its alignment point (group 11, OCS). */
        private void alignmentPoint(DxfRecord e, Affine m) {
            if (e.integer(72, 0) == 0 && e.integer(e.type().equalsIgnoreCase("TEXT") ? 73 : 74, 0) == 0) {
                return;
            }
            e.point(11).ifPresent(p -> {
                double[] w = new double[3];
                m.times(ocs(e)).apply(p.x(), p.y(), p.z(), w, 0);
                out.marker(w[0], w[1], w[2]);
            });
        }

        private void line(DxfRecord e, Affine m) {
            PointList pts = new PointList();
            add(pts, e.point(10));
            add(pts, e.point(11));
            polylineOf(pts, m, false);
        }

        private void arc(DxfRecord e, Affine m) {
            Affine map = m.times(ocs(e));
            DxfPoint c = e.point(10).orElse(new DxfPoint(0, 0, 0));
            double r = e.real(40, 0);
            double start = Math.toRadians(e.real(50, 0));
            double end = Math.toRadians(e.real(51, 360));
            PointList pts = new PointList();
            Curves.arc(pts, c.x(), c.y(), c.z(), r, start, Curves.ccwSweep(start, end), map.maxScale(), true);
            if (r > 0) {
                polylineOf(pts, map, false);
            }
        }

        private void circle(DxfRecord e, Affine m) {
            Affine map = m.times(ocs(e));
            DxfPoint c = e.point(10).orElse(new DxfPoint(0, 0, 0));
            double r = e.real(40, 0);
            if (r > 0) {
                PointList pts = new PointList();
                Curves.circle(pts, c.x(), c.y(), c.z(), r, map.maxScale());
                polylineOf(pts, map, true);
            }
        }

        private void ellipse(DxfRecord e, Affine m) {
            DxfPoint c = e.point(10).orElse(new DxfPoint(0, 0, 0));
            DxfPoint a = e.point(11).orElse(new DxfPoint(1, 0, 0));
            DxfPoint n = e.point(210).orElse(new DxfPoint(0, 0, 1));
            double ratio = e.real(40, 1);
            double nLength = Math.sqrt(n.x() * n.x() + n.y() * n.y() + n.z() * n.z());
            if (!(nLength > 0)) {
                nLength = 1;
                n = new DxfPoint(0, 0, 1);
            }
            double[] major = {a.x(), a.y(), a.z()};
            double[] axis = {n.x() / nLength, n.y() / nLength, n.z() / nLength};
            double[] minor = Ocs.cross(axis, major);
            for (int i = 0; i < 3; i++) {
                minor[i] *= ratio;
            }
            double start = e.real(41, 0);
            double end = e.real(42, 2 * Math.PI);
            double sweep = Curves.ccwSweep(start, end);
            boolean full = Math.abs(sweep - 2 * Math.PI) < 1e-9;
            double majorLength = Math.sqrt(a.x() * a.x() + a.y() * a.y() + a.z() * a.z());
            if (!(majorLength > 0)) {
                return;
            }
            PointList pts = new PointList();
            Curves.ellipse(pts, new double[] {c.x(), c.y(), c.z()}, major, minor, start, sweep,
                    majorLength * m.maxScale(), true);
            polylineOf(pts, m, full);
        }

        private void lwPolyline(DxfRecord e, Affine m) {
            Affine map = m.times(ocs(e));
            double z = e.real(38, 0);
            List<double[]> vertices = new ArrayList<>();
            double[] current = null;
            for (DxfPair pair : e.pairs()) {
                switch (pair.code()) {
                    case 10 -> {
                        current = new double[] {pair.doubleValue(), Double.NaN, 0};
                        vertices.add(current);
                    }
                    case 20 -> {
                        if (current != null) {
                            current[1] = pair.doubleValue();
                        }
                    }
                    case 42 -> {
                        if (current != null) {
                            current[2] = pair.doubleValue();
                        }
                    }
                    default -> {
                    }
                }
            }
            bulgedPolyline(vertices, z, (e.integer(70, 0) & 1) != 0, map);
        }

        /** Vertices as {x, y, bulge} in OCS at height {@code z}. */
        private void bulgedPolyline(List<double[]> vertices, double z, boolean closed, Affine map) {
            if (vertices.isEmpty()) {
                return;
            }
            double scale = map.maxScale();
            PointList pts = new PointList();
            double[] first = vertices.get(0);
            pts.add(first[0], first[1], z);
            int count = vertices.size();
            for (int i = 0; i < count; i++) {
                double[] v = vertices.get(i);
                if (i + 1 < count) {
                    double[] next = vertices.get(i + 1);
                    Curves.bulge(pts, v[0], v[1], next[0], next[1], z, v[2], scale);
                } else if (closed && count > 1 && v[2] != 0) {
                    Curves.bulge(pts, v[0], v[1], first[0], first[1], z, v[2], scale);
                }
            }
            polylineOf(pts, map, closed);
        }

        private void polyline(DxfRecord e, Affine m) {
            int flags = e.integer(70, 0);
            List<DxfRecord> vertices = e.children();
            if ((flags & 64) != 0) {
                polyface(vertices, m);
            } else if ((flags & 16) != 0) {
                polygonMesh(e, vertices, m);
            } else if ((flags & 8) != 0) {
                PointList pts = new PointList();
                for (DxfRecord v : vertices) {
                    if ((v.integer(70, 0) & 16) == 0) {
                        add(pts, v.point(10));
                    }
                }
                polylineOf(pts, m, (flags & 1) != 0);
            } else {
                List<double[]> list = new ArrayList<>();
                for (DxfRecord v : vertices) {
                    Optional<DxfPoint> p = v.point(10);
                    if ((v.integer(70, 0) & 16) == 0 && p.isPresent()) {
                        list.add(new double[] {p.get().x(), p.get().y(), v.real(42, 0)});
                    }
                }
                bulgedPolyline(list, e.real(30, 0), (flags & 1) != 0, m.times(ocs(e)));
            }
        }

        private void polyface(List<DxfRecord> vertices, Affine m) {
            PointList pts = new PointList();
            List<Integer> triangles = new ArrayList<>();
            List<int[]> faces = new ArrayList<>();
            for (DxfRecord v : vertices) {
                int flags = v.integer(70, 0);
                if ((flags & 64) != 0) {
                    add(pts, Optional.of(v.point(10).orElse(new DxfPoint(0, 0, 0))));
                } else if ((flags & 128) != 0) {
                    faces.add(new int[] {Math.abs(v.integer(71, 0)), Math.abs(v.integer(72, 0)),
                            Math.abs(v.integer(73, 0)), Math.abs(v.integer(74, 0))});
                }
            }
            int bad = 0;
            for (int[] face : faces) {
                List<Integer> corners = new ArrayList<>(4);
                for (int index : face) {
                    if (index > 0 && index <= pts.size()) {
                        corners.add(index - 1);
                    } else if (index != 0) {
                        bad++;
                    }
                }
                fan(corners, triangles);
            }
            if (bad > 0) {
                problems.accept("polyface mesh has " + bad + " face corner(s) referring to no vertex; those are left out");
            }
            meshOf(pts, triangles, m);
        }

        private void polygonMesh(DxfRecord e, List<DxfRecord> vertices, Affine m) {
            int flags = e.integer(70, 0);
            PointList pts = new PointList();
            for (DxfRecord v : vertices) {
                add(pts, Optional.of(v.point(10).orElse(new DxfPoint(0, 0, 0))));
            }
            int rows = e.integer(71, 0);
            int cols = e.integer(72, 0);
            if (rows * cols != pts.size() && e.integer(73, 0) * e.integer(74, 0) == pts.size()) {
                rows = e.integer(73, 0);
                cols = e.integer(74, 0);
            }
            if (rows < 2 || cols < 2 || rows * cols != pts.size()) {
                problems.accept("polygon mesh of " + rows + " x " + cols + " has " + pts.size()
                        + " vertices; no faces drawn");
                return;
            }
            boolean closedM = (flags & 1) != 0;
            boolean closedN = (flags & 32) != 0;
            List<Integer> triangles = new ArrayList<>();
            int rowEnd = closedM ? rows : rows - 1;
            int colEnd = closedN ? cols : cols - 1;
            for (int i = 0; i < rowEnd; i++) {
                for (int j = 0; j < colEnd; j++) {
                    int i1 = (i + 1) % rows;
                    int j1 = (j + 1) % cols;
                    fan(List.of(i * cols + j, i * cols + j1, i1 * cols + j1, i1 * cols + j), triangles);
                }
            }
            meshOf(pts, triangles, m);
        }

        private void spline(DxfRecord e, Affine m) {
            int degree = e.integer(71, 3);
            double[] knots = e.all(40).stream().mapToDouble(DxfPair::doubleValue).toArray();
            double[] weights = e.all(41).stream().mapToDouble(DxfPair::doubleValue).toArray();
            PointList control = points(e, 10);
            PointList fit = points(e, 11);
            boolean closed = (e.integer(70, 0) & 1) != 0;
            double[] ctrl = new double[control.size() * 3];
            for (int i = 0; i < control.size(); i++) {
                ctrl[i * 3] = control.x(i);
                ctrl[i * 3 + 1] = control.y(i);
                ctrl[i * 3 + 2] = control.z(i);
            }
            double[] w = weights.length == 0 ? null : weights;
            if (Nurbs.valid(degree, knots, control.size(), w)) {
                PointList pts = new PointList();
                Nurbs.sample(pts, degree, knots, ctrl, w);
                polylineOf(pts, m, false);
            } else if (fit.size() >= 2) {
                problems.accept("SPLINE without a usable knot vector (degree " + degree + ", " + knots.length
                        + " knots, " + control.size() + " control points): drawn as a polyline through its "
                        + fit.size() + " fit points");
                polylineOf(fit, m, closed);
            } else if (control.size() >= 2) {
                problems.accept("SPLINE without a usable knot vector (degree " + degree + ", " + knots.length
                        + " knots, " + control.size() + " control points): drawn as its control polygon");
                polylineOf(control, m, closed);
            } else {
                problems.accept("SPLINE has neither control nor fit points; no geometry");
            }
        }

        private void hatch(DxfRecord e, Affine m) {
            Affine map = m.times(ocs(e));
            try {
                for (PointList loop : HatchBoundaries.loops(e, map.maxScale())) {
                    polylineOf(loop, map, true);
                }
            } catch (Pairs.Malformed malformed) {
                problems.accept("HATCH boundary data cannot be read (" + malformed.getMessage()
                        + "); the paths before the fault are kept");
            }
        }

        /**
         * MULTILEADER: each leader line (304 LEADER_LINE{ ... 305 }) is drawn through its vertices to the leader's
         * connection point (group 10 inside 302 LEADER{), followed by the dogleg (direction 11 times length 40).
         */
        private void multiLeader(DxfRecord e, Affine m) {
            Pairs pairs = new Pairs(e);
            boolean inLeader = false;
            boolean inLine = false;
            double[] connection = null;
            double[] dogleg = {0, 0, 0};
            double doglegLength = 0;
            List<PointList> lines = new ArrayList<>();
            PointList line = null;
            while (pairs.hasNext()) {
                DxfPair pair = pairs.next();
                int code = pair.code();
                if (code == 302 && pair.stringValue().startsWith("LEADER{")) {
                    inLeader = true;
                    connection = null;
                    dogleg = new double[] {0, 0, 0};
                    doglegLength = 0;
                    lines = new ArrayList<>();
                } else if (code == 304 && inLeader && pair.stringValue().startsWith("LEADER_LINE{")) {
                    inLine = true;
                    line = new PointList();
                } else if (code == 305 && inLine) {
                    inLine = false;
                    lines.add(line);
                } else if (code == 303 && inLeader) {
                    inLeader = false;
                    for (PointList leaderLine : lines) {
                        if (connection != null) {
                            leaderLine.add(connection[0], connection[1], connection[2]);
                            if (doglegLength != 0) {
                                leaderLine.add(connection[0] + dogleg[0] * doglegLength,
                                        connection[1] + dogleg[1] * doglegLength,
                                        connection[2] + dogleg[2] * doglegLength);
                            }
                        }
                        polylineOf(leaderLine, m, false);
                    }
                } else if (inLine && code == 10) {
                    double[] p = xyz(pair, pairs, 10);
                    line.add(p[0], p[1], p[2]);
                } else if (inLeader && !inLine && code == 10 && connection == null) {
                    connection = xyz(pair, pairs, 10);
                } else if (inLeader && !inLine && code == 11) {
                    dogleg = xyz(pair, pairs, 11);
                } else if (inLeader && !inLine && code == 40) {
                    doglegLength = pair.doubleValue();
                }
            }
        }

        private double[] xyz(DxfPair x, Pairs pairs, int xCode) {
            double y = pairs.peekCode() == xCode + 10 ? pairs.next().doubleValue() : 0;
            double z = pairs.peekCode() == xCode + 20 ? pairs.next().doubleValue() : 0;
            return new double[] {x.doubleValue(), y, z};
        }

        private void face(DxfRecord e, Affine m) {
            PointList pts = new PointList();
            for (int code = 10; code <= 13; code++) {
                add(pts, e.point(code));
            }
            if (pts.size() < 3) {
                return;
            }
            List<Integer> triangles = new ArrayList<>(List.of(0, 1, 2));
            if (pts.size() == 4 && !samePoint(pts, 2, 3)) {
                triangles.addAll(List.of(0, 2, 3));
            }
            meshOf(pts, triangles, m);
        }

        /** SOLID and TRACE: corners 1, 2, 3, 4 in OCS form the quadrilateral 1-2-4-3. */
        private void solid(DxfRecord e, Affine m) {
            PointList pts = new PointList();
            for (int code = 10; code <= 13; code++) {
                add(pts, e.point(code));
            }
            if (pts.size() < 3) {
                return;
            }
            List<Integer> triangles = new ArrayList<>(List.of(0, 1, 2));
            if (pts.size() == 4 && !samePoint(pts, 2, 3)) {
                triangles.addAll(List.of(1, 3, 2));
            }
            meshOf(pts, triangles, m.times(ocs(e)));
        }

        /** MESH: the base cage (vertices 92/10, face list 93/90), not subdivided. */
        private void mesh(DxfRecord e, Affine m) {
            Pairs pairs = new Pairs(e);
            PointList pts = new PointList();
            List<Integer> triangles = new ArrayList<>();
            try {
                if (!pairs.skipPast(92)) {
                    return;
                }
                int vertexCount = (int) e.real(92, 0);
                for (int i = 0; i < vertexCount; i++) {
                    pts.add(pairs.require(10), pairs.require(20), pairs.require(30));
                }
                if (pairs.peekCode() != 93) {
                    return;
                }
                int size = pairs.requireInt(93);
                int read = 0;
                while (read < size) {
                    int corners = pairs.requireInt(90);
                    read++;
                    List<Integer> face = new ArrayList<>(corners);
                    for (int i = 0; i < corners && read < size; i++, read++) {
                        int index = pairs.requireInt(90);
                        if (index >= 0 && index < pts.size()) {
                            face.add(index);
                        }
                    }
                    fan(face, triangles);
                }
            } catch (Pairs.Malformed malformed) {
                problems.accept("MESH data cannot be read (" + malformed.getMessage() + "); the faces before the "
                        + "fault are kept");
            }
            meshOf(pts, triangles, m);
        }

        private void insert(DxfRecord e, Affine m, int depth) {
            DxfPoint at = e.point(10).orElse(new DxfPoint(0, 0, 0));
            Affine ocs = ocs(e);
            if (depth == 0) {
                double[] w = new double[3];
                m.times(ocs).apply(at.x(), at.y(), at.z(), w, 0);
                out.anchor(w[0], w[1], w[2]);
            }
            int columns = Math.max(1, e.integer(70, 1));
            int rows = Math.max(1, e.integer(71, 1));
            if ((long) columns * rows > MAX_ARRAY_CELLS) {
                problems.accept("MINSERT array of " + columns + " x " + rows + " cells is larger than "
                        + MAX_ARRAY_CELLS + "; only the first cell is drawn");
                columns = 1;
                rows = 1;
            }
            double columnSpacing = e.real(44, 0);
            double rowSpacing = e.real(45, 0);
            Affine placed = m.times(ocs).times(Affine.translation(at.x(), at.y(), at.z()))
                    .times(Affine.rotationZ(Math.toRadians(e.real(50, 0))));
            Affine scale = Affine.scaling(e.real(41, 1), e.real(42, 1), e.real(43, 1));
            String name = e.string(2, "").trim();
            Optional<DxfBlock> block = block(name, "INSERT", depth);
            if (block.isEmpty()) {
                return;
            }
            DxfPoint base = block.get().basePoint();
            Affine local = scale.times(Affine.translation(-base.x(), -base.y(), -base.z()));
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    Affine cell = placed.times(Affine.translation(column * columnSpacing, row * rowSpacing, 0))
                            .times(local);
                    expand(block.get(), cell, depth);
                }
            }
        }

        /** DIMENSION: its anonymous block holds the lines, arrows and text, already in WCS. */
        private void dimension(DxfRecord e, Affine m, int depth) {
            if (depth == 0) {
                point(Affine.IDENTITY, e, m, false, true);
            }
            String name = e.string(2, "").trim();
            if (name.isEmpty()) {
                problems.accept("DIMENSION names no block; no geometry");
                return;
            }
            Optional<DxfBlock> block = block(name, "DIMENSION", depth);
            if (block.isPresent()) {
                DxfPoint base = block.get().basePoint();
                expand(block.get(), m.times(Affine.translation(-base.x(), -base.y(), -base.z())), depth);
            }
        }

        /** ACAD_TABLE: its anonymous block drawn at the insertion point along the horizontal direction. */
        private void table(DxfRecord e, Affine m, int depth) {
            DxfPoint at = e.point(10).orElse(new DxfPoint(0, 0, 0));
            DxfPoint direction = e.point(11).orElse(new DxfPoint(1, 0, 0));
            Affine placed = m.times(Affine.translation(at.x(), at.y(), at.z()))
                    .times(Affine.rotationZ(Math.atan2(direction.y(), direction.x())));
            if (depth == 0) {
                double[] w = new double[3];
                placed.apply(0, 0, 0, w, 0);
                out.anchor(w[0], w[1], w[2]);
            }
            Optional<DxfBlock> block = block(e.string(2, "").trim(), "ACAD_TABLE", depth);
            if (block.isPresent()) {
                DxfPoint base = block.get().basePoint();
                expand(block.get(), placed.times(Affine.translation(-base.x(), -base.y(), -base.z())), depth);
            }
        }

        private Optional<DxfBlock> block(String name, String type, int depth) {
            Optional<DxfBlock> block = blocks.apply(name);
            if (block.isEmpty()) {
                problems.accept(type + " refers to block '" + name + "', which is not defined");
            } else if (block.get().xref()) {
                problems.accept(type + " refers to the external reference '" + name + "' ("
                        + block.get().xrefPath() + "), which is not loaded");
                return Optional.empty();
            } else if (depth >= MAX_NESTING) {
                problems.accept("blocks nested deeper than " + MAX_NESTING + " levels at '" + name + "' are cut off");
                return Optional.empty();
            } else if (blockStack.contains(name.toUpperCase(Locale.ROOT))) {
                problems.accept("block '" + name + "' contains itself; the recursion is cut off");
                return Optional.empty();
            }
            return block;
        }

        private void expand(DxfBlock block, Affine m, int depth) {
            blockStack.push(block.name().toUpperCase(Locale.ROOT));
            try {
                for (DxfRecord child : block.entities()) {
                    // attribute definitions are templates, not drawn; paper-space-only content does not occur in blocks
                    if (!child.type().equalsIgnoreCase("ATTDEF")) {
                        entity(child, m, depth + 1);
                    }
                }
            } finally {
                blockStack.pop();
            }
        }

        private void polylineOf(PointList pts, Affine map, boolean closed) {
            if (pts.size() >= 2) {
                out.polyline(pts.mapped(map), pts.size(), closed);
            }
        }

        /** Adds the triangles; without any, the vertices still count for the extent. */
        private void meshOf(PointList pts, List<Integer> triangles, Affine map) {
            if (pts.size() > 0) {
                out.mesh(pts.mapped(map), triangles.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    /** Triangulates a convex face as a fan from its first corner. */
    private static void fan(List<Integer> corners, List<Integer> triangles) {
        List<Integer> distinct = new ArrayList<>(corners.size());
        for (Integer corner : corners) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(corner)) {
                distinct.add(corner);
            }
        }
        if (distinct.size() > 1 && distinct.get(0).equals(distinct.get(distinct.size() - 1))) {
            distinct.remove(distinct.size() - 1);
        }
        for (int i = 1; i + 1 < distinct.size(); i++) {
            triangles.add(distinct.get(0));
            triangles.add(distinct.get(i));
            triangles.add(distinct.get(i + 1));
        }
    }

    private static boolean samePoint(PointList pts, int a, int b) {
        return pts.x(a) == pts.x(b) && pts.y(a) == pts.y(b) && pts.z(a) == pts.z(b);
    }

    private static void add(PointList pts, Optional<DxfPoint> point) {
        point.ifPresent(p -> pts.add(p.x(), p.y(), p.z()));
    }

    /** @return all points of the group in file order: each {@code xCode} pair starts one, y and z follow */
    static PointList points(DxfRecord e, int xCode) {
        PointList pts = new PointList();
        List<DxfPair> pairs = e.pairs();
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).code() == xCode) {
                double y = 0;
                double z = 0;
                int j = i + 1;
                if (j < pairs.size() && pairs.get(j).code() == xCode + 10) {
                    y = pairs.get(j++).doubleValue();
                }
                if (j < pairs.size() && pairs.get(j).code() == xCode + 20) {
                    z = pairs.get(j).doubleValue();
                }
                pts.add(pairs.get(i).doubleValue(), y, z);
            }
        }
        return pts;
    }

    /** @return the entity's OCS to WCS map from its extrusion direction (group 210) */
    static Affine ocs(DxfRecord e) {
        return e.point(210).map(n -> Ocs.toWorld(n.x(), n.y(), n.z())).orElse(Affine.IDENTITY);
    }
}
