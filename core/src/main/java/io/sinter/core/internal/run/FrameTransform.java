package io.sinter.core.internal.run;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a file's coordinates into the iModel's spatial frame when the file is located in the frame's CRS but
 * at another origin or with another map rotation (api.md section 6.8: "same CRS → shifted by the origin
 * difference"): {@code q = Rz(angle) p + t}, a rotation about the vertical axis and a translation, in metres.
 *
 * <p>Derivation: a file point {@code p} has CRS coordinates {@code O_file + s Rz(θ_file) p}; a frame point
 * {@code q} has {@code O_frame + s Rz(θ_frame) q}. Equal CRS coordinates give {@code angle = θ_file − θ_frame}
 * and {@code t = Rz(−θ_frame) (O_file − O_frame) / s} horizontally, {@code (h_file − h_frame) / s} vertically.
 * Both must have the same scale {@code s}; a scale change cannot be expressed by placements (their rotations
 * stay orthonormal) and is refused by {@link SpatialFrame}.
 *
 * <p>An element's placement origin and rotation are transformed and its axis-aligned box becomes the box
 * around its transformed corners; geometry is local to the placement and stays as it is. Geometry of an
 * element without placement is in frame coordinates and is transformed vertex by vertex.
 */
final class FrameTransform {
    private final double angle;
    private final double cos;
    private final double sin;
    private final double tx;
    private final double ty;
    private final double tz;

    FrameTransform(double angle, double tx, double ty, double tz) {
        this.angle = angle;
        this.cos = Math.cos(angle);
        this.sin = Math.sin(angle);
        this.tx = tx;
        this.ty = ty;
        this.tz = tz;
    }

    /** @return the transform from a file at {@code file} (origin, rotation) to a frame at {@code frame}, both of scale {@code scale} */
    static FrameTransform between(Point3 frame, double frameRotation, Point3 file, double fileRotation, double scale) {
        double dx = (file.x() - frame.x()) / scale;
        double dy = (file.y() - frame.y()) / scale;
        double c = Math.cos(-frameRotation);
        double s = Math.sin(-frameRotation);
        return new FrameTransform(fileRotation - frameRotation, c * dx - s * dy, s * dx + c * dy, (file.z() - frame.z()) / scale);
    }

    /** @return whether it moves nothing by more than a micrometre over a kilometre */
    boolean isIdentity() {
        return Math.abs(angle) < 1e-9 && Math.abs(tx) < 1e-6 && Math.abs(ty) < 1e-6 && Math.abs(tz) < 1e-6;
    }

    /** @return whether both move points alike (within a micrometre and a nanoradian) */
    boolean sameAs(FrameTransform other) {
        return other != null && Math.abs(angle - other.angle) < 1e-9 && Math.abs(tx - other.tx) < 1e-6 && Math.abs(ty - other.ty) < 1e-6
                && Math.abs(tz - other.tz) < 1e-6;
    }

    /** @return a human-readable description for issues and logs */
    String describe() {
        return String.format(java.util.Locale.ROOT, "shifted by (%.3f, %.3f, %.3f) m%s", tx, ty, tz,
                Math.abs(angle) < 1e-9 ? "" : String.format(java.util.Locale.ROOT, " and turned by %.6f° about the vertical", Math.toDegrees(angle)));
    }

    Point3 apply(Point3 p) {
        return new Point3(cos * p.x() - sin * p.y() + tx, sin * p.x() + cos * p.y() + ty, p.z() + tz);
    }

    /** @return {@code element} moved into the frame (the same object when it has neither placement nor geometry) */
    Element apply(Element element) {
        Placement placement = element.placement();
        if (placement != null) {
            return element.withPlacement(apply(placement), element.geometry());
        }
        if (element.geometry() != null) {
            return element.withPlacement(null, apply(element.geometry()));
        }
        return element;
    }

    Placement apply(Placement placement) {
        double[] r = placement.rotation();
        double[] turned = new double[9];
        for (int column = 0; column < 3; column++) {
            turned[column] = cos * r[column] - sin * r[3 + column];
            turned[3 + column] = sin * r[column] + cos * r[3 + column];
            turned[6 + column] = r[6 + column];
        }
        return new Placement(apply(placement.origin()), turned, placement.bbox() == null ? null : apply(placement.bbox()));
    }

    Box apply(Box box) {
        double[] low = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] high = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int corner = 0; corner < 8; corner++) {
            Point3 p = apply(new Point3((corner & 1) == 0 ? box.low().x() : box.high().x(), (corner & 2) == 0 ? box.low().y() : box.high().y(),
                    (corner & 4) == 0 ? box.low().z() : box.high().z()));
            low[0] = Math.min(low[0], p.x());
            low[1] = Math.min(low[1], p.y());
            low[2] = Math.min(low[2], p.z());
            high[0] = Math.max(high[0], p.x());
            high[1] = Math.max(high[1], p.y());
            high[2] = Math.max(high[2], p.z());
        }
        return new Box(new Point3(low[0], low[1], low[2]), new Point3(high[0], high[1], high[2]));
    }

    Geometry apply(Geometry geometry) {
        List<Geometry.Mesh> meshes = new ArrayList<>(geometry.meshes().size());
        for (Geometry.Mesh mesh : geometry.meshes()) {
            meshes.add(new Geometry.Mesh(points(mesh.vertices()), mesh.triangles()));
        }
        List<Geometry.Polyline> polylines = new ArrayList<>(geometry.polylines().size());
        for (Geometry.Polyline polyline : geometry.polylines()) {
            polylines.add(new Geometry.Polyline(points(polyline.points()), polyline.closed()));
        }
        return new Geometry(meshes, polylines);
    }

    private double[] points(double[] xyz) {
        double[] out = new double[xyz.length];
        for (int i = 0; i + 2 < xyz.length; i += 3) {
            out[i] = cos * xyz[i] - sin * xyz[i + 1] + tx;
            out[i + 1] = sin * xyz[i] + cos * xyz[i + 1] + ty;
            out[i + 2] = xyz[i + 2] + tz;
        }
        return out;
    }
}
