package io.sinter.core.internal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Point3;
import io.sinter.core.internal.change.CanonicalJson;
import io.sinter.core.internal.store.DocumentEntity;
import io.sinter.core.internal.store.IModelEntity;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The iModel's spatial frame (api.md section 6.8): which file's geolocation defines it, whether a
 * task's output fits it, and the stored form of api.md section 7.8.
 */
final class SpatialFrame {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double WGS84_A = 6378137.0;
    private static final double WGS84_E2 = 6.69437999014e-3;

    private SpatialFrame() {
    }

    /**
     * How a task's output fits the frame: not at all ({@code problem}), as it is, or after a {@code transform}.
     *
     * @param problem why the task fails with {@code GeoLocationFailed}, or null
     * @param transform what moves the file's coordinates into the frame, or null when they are in it already
     */
    record Fit(String problem, FrameTransform transform) {
    }

    /**
     * Checks a bridge task's output against the frame before anything is written. A file located in the frame's
     * projected CRS with another origin or map rotation fits after a {@link FrameTransform}; the caller compares it
     * with the one its elements went through.
     */
    static Fit fit(EntityManager em, DocumentEntity document, SyncContext context) {
        String problem = problem(em, document, context);
        if (problem != null) {
            return new Fit(problem, null);
        }
        IModelEntity model = em.find(IModelEntity.class, document.getIModelId());
        JsonNode frame = frame(model);
        Geolocation file = context.geolocation();
        if (frame == null || file == null || file.kind() != Geolocation.Kind.PROJECTED) {
            return new Fit(null, null);
        }
        if (!sameScale(frame, file)) {
            return new Fit(String.format(java.util.Locale.ROOT, "The file's map scale %s differs from the spatial frame's %s in %s; "
                    + "no conversion between them is available.", scale(file), frame.path("scale").asDouble(1), file.horizontalCrsId()), null);
        }
        return new Fit(null, transform(frame, file));
    }

    /**
     * @return what moves the coordinates of a file at {@code file} into {@code frame} (both projected in the same CRS with
     *         the same scale), or null when they are in it already or cannot be moved (then {@link #fit} tells why)
     */
    static FrameTransform transform(JsonNode frame, Geolocation file) {
        if (frame == null || file == null || file.kind() != Geolocation.Kind.PROJECTED || !"projected".equals(frame.path("kind").asText())
                || !file.horizontalCrsId().equalsIgnoreCase(frame.path("crs").path("horizontalCRSId").asText(""))) {
            return null;
        }
        if (!sameScale(frame, file)) {
            return null;
        }
        JsonNode origin = frame.path("globalOrigin");
        FrameTransform transform = FrameTransform.between(new Point3(origin.path(0).asDouble(), origin.path(1).asDouble(), origin.path(2).asDouble()),
                frame.path("rotation").asDouble(0), file.origin(), file.rotation(), frame.path("scale").asDouble(1));
        return transform.isIdentity() ? null : transform;
    }

    /** @return the map scale a file states, 1 when it states none */
    private static double scale(Geolocation file) {
        return file.scale() > 0 ? file.scale() : 1;
    }

    /** @return whether the file's map scale is the frame's (frames stored without one have scale 1) */
    private static boolean sameScale(JsonNode frame, Geolocation file) {
        return Math.abs(scale(file) / frame.path("scale").asDouble(1) - 1) <= 1e-9;
    }

    /** @return why the task fails with {@code GeoLocationFailed}, or null */
    private static String problem(EntityManager em, DocumentEntity document, SyncContext context) {
        IModelEntity model = em.find(IModelEntity.class, document.getIModelId());
        JsonNode frame = frame(model);
        Geolocation file = context.geolocation();
        if (frame == null) {
            if (!document.isSpatialRoot() && context.placed() > 0 && designatedRoot(em, document.getIModelId()) != null) {
                DocumentEntity root = designatedRoot(em, document.getIModelId());
                return "The spatial root " + root.getLastKnownFileName() + " has not been synchronized yet; its geolocation defines the spatial frame.";
            }
            return null;
        }
        if (file == null) {
            if (context.placed() > 0) {
                context.issue(Issue.info("GeoLocation", "The file carries no geolocation; its coordinates are taken as already in the spatial frame."));
            }
            return null;
        }
        String kind = frame.path("kind").asText();
        if (file.kind() == Geolocation.Kind.PROJECTED) {
            String crs = frame.path("crs").path("horizontalCRSId").asText(null);
            if (!"projected".equals(kind) || crs == null || !crs.equalsIgnoreCase(file.horizontalCrsId())) {
                return "The file is located in " + file.horizontalCrsId() + " but the spatial frame is " + describe(frame)
                        + "; no conversion between them is available.";
            }
            // another origin or rotation in the same CRS: moved into the frame (fit)
            return null;
        }
        JsonNode g = frame.path("geographicOrigin");
        if (!"ecef".equals(kind) || Math.abs(g.path("latitude").asDouble() - file.origin().y()) > 1e-9
                || Math.abs(g.path("longitude").asDouble() - file.origin().x()) > 1e-9 || Math.abs(g.path("height").asDouble() - file.origin().z()) > 1e-6) {
            return "The file is located at latitude " + file.origin().y() + ", longitude " + file.origin().x() + " but the spatial frame is "
                    + describe(frame) + "; no conversion between them is available.";
        }
        return null;
    }

    private static String describe(JsonNode frame) {
        return "projected".equals(frame.path("kind").asText()) ? frame.path("crs").path("horizontalCRSId").asText() + " with origin "
                + frame.path("globalOrigin") : "a local tangent plane at " + frame.path("geographicOrigin");
    }

    static DocumentEntity designatedRoot(EntityManager em, String iModelId) {
        List<DocumentEntity> roots = em.createQuery("SELECT d FROM DocumentEntity d WHERE d.iModelId = :m AND d.spatialRoot = TRUE "
                + "AND d.connectionId IS NOT NULL AND d.pendingRemoval = FALSE", DocumentEntity.class).setParameter("m", iModelId).getResultList();
        return roots.isEmpty() ? null : roots.get(0);
    }

    /** @return the frame's geolocation (from the iModel's CRS or the file that set it), or null while unset */
    static JsonNode frame(IModelEntity model) {
        try {
            if (model.getGeolocation() != null) {
                return MAPPER.readTree(model.getGeolocation());
            }
            if (model.getCrsId() != null) {
                return MAPPER.readTree(CanonicalJson.write(projected(model.getCrsId(), null, 0, 0, 0)));
            }
            return null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored geolocation is not JSON", e);
        }
    }

    /** @return whether a task of {@code document} that reported {@code file} sets the frame now */
    static boolean setsFrame(EntityManager em, IModelEntity model, DocumentEntity document, Geolocation file) {
        if (file == null || model.getGeolocation() != null || model.getCrsId() != null) {
            return false;
        }
        DocumentEntity root = designatedRoot(em, model.getId());
        return root == null || root.getId().equals(document.getId());
    }

    /** The stored geolocation of a file that defines the frame. */
    static String json(Geolocation file) {
        if (file.kind() == Geolocation.Kind.PROJECTED) {
            Map<String, Object> json = projected(file.horizontalCrsId(), file.verticalCrsId(), file.origin().x(), file.origin().y(), file.origin().z());
            // kept for moving later files into this frame (FrameTransform); GET geolocation does not show them
            json.put("rotation", file.rotation());
            json.put("scale", scale(file));
            return CanonicalJson.write(json);
        }
        double lon = file.origin().x();
        double lat = file.origin().y();
        double h = file.origin().z();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "ecef");
        json.put("crs", null);
        json.put("globalOrigin", null);
        Map<String, Object> geographic = new LinkedHashMap<>();
        geographic.put("latitude", lat);
        geographic.put("longitude", lon);
        geographic.put("height", h);
        json.put("geographicOrigin", geographic);
        json.put("ecefTransform", ecef(lat, lon, h));
        return CanonicalJson.write(json);
    }

    private static Map<String, Object> projected(String horizontal, String vertical, double x, double y, double z) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "projected");
        Map<String, Object> crs = new LinkedHashMap<>();
        crs.put("horizontalCRSId", horizontal);
        crs.put("verticalCRSId", vertical);
        json.put("crs", crs);
        json.put("globalOrigin", List.of(x, y, z));
        json.put("geographicOrigin", null);
        json.put("ecefTransform", null);
        return json;
    }

    /** The 4×4 row-major transform from the local east-north-up frame at (lat, lon, h) on WGS84 to ECEF metres. */
    static List<List<Double>> ecef(double latDegrees, double lonDegrees, double height) {
        double lat = Math.toRadians(latDegrees);
        double lon = Math.toRadians(lonDegrees);
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double sinLon = Math.sin(lon);
        double cosLon = Math.cos(lon);
        double n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
        double x = (n + height) * cosLat * cosLon;
        double y = (n + height) * cosLat * sinLon;
        double z = (n * (1 - WGS84_E2) + height) * sinLat;
        return List.of(
                List.of(-sinLon, -sinLat * cosLon, cosLat * cosLon, x),
                List.of(cosLon, -sinLat * sinLon, cosLat * sinLon, y),
                List.of(0.0, cosLat, sinLat, z),
                List.of(0.0, 0.0, 0.0, 1.0));
    }

    /** @return the union of the extents of the iModel's documents, stored form, or null */
    static String projectExtents(EntityManager em, String iModelId) {
        Extents union = new Extents();
        em.createQuery("SELECT d.extents FROM DocumentEntity d WHERE d.iModelId = :m AND d.extents IS NOT NULL", String.class)
                .setParameter("m", iModelId).getResultStream().forEach(union::add);
        return union.stored();
    }
}
