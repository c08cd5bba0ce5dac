package io.sinter.core.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sinter.core.api.GeolocationService;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.change.CanonicalJson;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.store.DocumentEntity;
import io.sinter.core.internal.store.IModelEntity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The geolocation of api.md section 7.8, as of any changeset. */
@Component(service = GeolocationService.class)
public final class GeolocationStore implements GeolocationService {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private final Database database;

    @Activate
    public GeolocationStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public GeolocationInfo geolocation(String iModelId, Integer changesetIndex) {
        return database.inTransaction(em -> {
            IModelEntity model = iModelId == null ? null : em.find(IModelEntity.class, iModelId);
            if (model == null) {
                throw ServiceException.notFound("iModelNotFound", "iModel '" + iModelId + "' does not exist.");
            }
            int latest = model.getChangesetCount();
            int index = changesetIndex == null ? latest : changesetIndex;
            if (index < 0 || index > latest) {
                throw ServiceException.notFound("ChangesetNotFound", "The iModel has no changeset " + index + "; the latest is " + latest + ".");
            }
            Map<String, Object> json = new LinkedHashMap<>();
            JsonNode frame = SpatialFrame.frame(model);
            boolean set = frame != null && (model.getGeolocation() == null || model.getGeolocationIndex() <= index);
            json.put("kind", set ? frame.path("kind").asText() : "none");
            DocumentEntity root = SpatialFrame.designatedRoot(em, iModelId);
            DocumentEntity definer = root != null ? root
                    : model.getGeolocationDocument() == null || !set ? null : em.find(DocumentEntity.class, model.getGeolocationDocument());
            if (definer != null) {
                Map<String, Object> spatialRoot = new LinkedHashMap<>();
                spatialRoot.put("sourceFileId", definer.getId());
                spatialRoot.put("fileName", definer.getLastKnownFileName());
                spatialRoot.put("connectionId", definer.getConnectionId());
                spatialRoot.put("designated", definer.isSpatialRoot());
                json.put("spatialRoot", spatialRoot);
            } else {
                json.put("spatialRoot", null);
            }
            for (String field : List.of("crs", "globalOrigin", "geographicOrigin", "ecefTransform")) {
                json.put(field, set && frame instanceof ObjectNode o && o.hasNonNull(field) ? MAPPER.convertValue(o.get(field), Object.class) : null);
            }
            List<String> found = index == 0 ? List.of() : em.createQuery("SELECT c.extents FROM ChangesetEntity c WHERE c.iModelId = :m AND c.index = :i",
                    String.class).setParameter("m", iModelId).setParameter("i", index).getResultList();
            String extents = found.isEmpty() ? null : found.get(0);
            if (extents != null) {
                String[] v = extents.split(",");
                Map<String, Object> box = new LinkedHashMap<>();
                box.put("low", List.of(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2])));
                box.put("high", List.of(Double.parseDouble(v[3]), Double.parseDouble(v[4]), Double.parseDouble(v[5])));
                json.put("projectExtents", box);
            } else {
                json.put("projectExtents", null);
            }
            json.put("changesetIndex", index);
            return new GeolocationInfo(CanonicalJson.write(json));
        });
    }
}
