package io.sinter.core.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Content queries of an iModel as of a changeset (api.md sections 7.5 to 7.7): elements, their
 * history and geometry, the changes of a changeset and the schema. Every method throws
 * {@link ServiceException} {@code iModelNotFound} for an unknown iModel and, where it takes a
 * changeset index, {@code ChangesetNotFound} for one above the latest.
 */
@ProviderType
public interface ElementService {

    /**
     * Which elements a list returns; null members do not filter.
     *
     * @param changesetIndex the state as of this changeset; null = latest, 0 = the empty iModel
     * @param className exact {@code classFullName}
     * @param category exact category
     * @param sourceFileId the document (source-file record id)
     * @param modelId {@code 0x…} model id
     */
    record ElementFilter(Integer changesetIndex, String className, String category, String sourceFileId, String modelId) {
    }

    /**
     * A relationship of an element.
     *
     * @param type e.g. {@code IfcRelContainedInSpatialStructure}
     * @param targetId the target's element id in the same document, or null when the target is not there
     */
    record RelationshipInfo(String type, String targetId) {
    }

    /**
     * Where an element comes from.
     *
     * @param sourceFileId the source-file record id (document)
     * @param identifier the source identifier
     * @param kind the kind of identifier, e.g. {@code Row}
     * @param version the connector's informational version, or null
     * @param checksum the content checksum (api.md section 6.2)
     */
    record Provenance(String sourceFileId, String identifier, String kind, String version, String checksum) {
    }

    /**
     * One element as of a changeset (api.md section 7.5). {@code placement} and {@code properties} hold
     * plain JSON values: {@link String}, {@link Boolean}, {@link Long}, {@link java.math.BigInteger},
     * {@link Double}, {@link List}, {@link Map} and null.
     */
    record ElementInfo(String id, String federationGuid, String classFullName, String modelId, String category, String parentId,
            String codeValue, String userLabel, Map<String, Object> placement, Map<String, Object> properties,
            List<RelationshipInfo> relationships, Provenance provenance) {

        /** @return the element's JSON object in the field order of api.md section 7.5 */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("federationGuid", federationGuid);
            json.put("classFullName", classFullName);
            json.put("modelId", modelId);
            json.put("category", category);
            json.put("parentId", parentId);
            json.put("codeValue", codeValue);
            json.put("userLabel", userLabel);
            json.put("placement", placement);
            json.put("properties", properties);
            json.put("relationships", relationships.stream().map(r -> {
                Map<String, Object> rel = new LinkedHashMap<>();
                rel.put("type", r.type());
                rel.put("targetId", r.targetId());
                return rel;
            }).toList());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("sourceFileId", provenance.sourceFileId());
            p.put("identifier", provenance.identifier());
            p.put("kind", provenance.kind());
            p.put("version", provenance.version());
            p.put("checksum", provenance.checksum());
            json.put("provenance", p);
            return json;
        }
    }

    /**
     * One entry of an element's history.
     *
     * @param operation {@code inserted}, {@code updated} or {@code deleted}
     * @param changedProperties JSON Pointers of the changed values of an update; empty otherwise
     */
    record HistoryEntry(int changesetIndex, String changesetId, Instant pushDateTime, String operation, List<String> changedProperties) {
    }

    /**
     * One element change of a changeset (api.md section 7.6).
     *
     * @param before the element before the change, null for an insert (and in a minimal page)
     * @param after the element after the change, null for a delete (and in a minimal page)
     */
    record ChangeInfo(String elementId, String operation, String classFullName, String modelId, String identifier,
            List<String> changedProperties, ElementInfo before, ElementInfo after) {
    }

    /**
     * A page of changes with the changeset's totals.
     *
     * @param changesetIndex the changeset's index
     */
    record ChangesPage(int changesetIndex, Page<ChangeInfo> page, int inserted, int updated, int deleted) {
    }

    /** A property path of a class and the JSON types seen at it. */
    record PropertyPath(String path, List<String> types) {
    }

    /** A class with its element count as of the changeset and every property path seen up to it. */
    record SchemaClass(String fullName, long elementCount, List<PropertyPath> properties) {
    }

    /** A category with its element count. */
    record SchemaCategory(String name, long elementCount) {
    }

    /** The schema as of a changeset (api.md section 7.7). */
    record SchemaInfo(int changesetIndex, List<SchemaClass> classes, List<SchemaCategory> categories) {
    }

    /** Operation names of {@link ChangeInfo#operation()}. */
    List<String> OPERATIONS = List.of("deleted", "inserted", "updated");

    /** @return elements as of the filter's changeset, ordered by numeric id */
    Page<ElementInfo> list(String iModelId, ElementFilter filter, int skip, int top);

    /** @throws ServiceException {@code ElementNotFound} when the element does not exist at that changeset */
    ElementInfo get(String iModelId, String elementId, Integer changesetIndex);

    /** @return the element's history, oldest first. @throws ServiceException {@code ElementNotFound} when it never existed */
    Page<HistoryEntry> history(String iModelId, String elementId, int skip, int top);

    /**
     * @return the element's geometry as GLB 2.0 bytes (element-local mesh, node matrix = placement, z-up turned y-up)
     * @throws ServiceException {@code ElementNotFound}, or {@code GeometryNotFound} when it has no geometry
     */
    byte[] geometry(String iModelId, String elementId, Integer changesetIndex);

    /**
     * @param idOrIndex all digits: index; otherwise the changeset id
     * @param operation {@code inserted}, {@code updated}, {@code deleted} or null for all
     * @param className exact {@code classFullName} or null
     * @param full whether to fill {@code before} and {@code after}
     * @throws ServiceException {@code ChangesetNotFound}
     */
    ChangesPage changes(String iModelId, String idOrIndex, String operation, String className, boolean full, int skip, int top);

    /** @return the schema as of {@code changesetIndex} (null = latest) */
    SchemaInfo schema(String iModelId, Integer changesetIndex);
}
