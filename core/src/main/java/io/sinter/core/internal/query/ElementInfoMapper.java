package io.sinter.core.internal.query;

import io.sinter.core.api.ElementService.ElementInfo;
import io.sinter.core.api.ElementService.Provenance;
import io.sinter.core.api.ElementService.RelationshipInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a stored element version (its canonical JSON body: {@code classFullName, category, parent, codeValue,
 * userLabel, placement, properties, relationships [{type, target}], geometry (digest), version}) into the
 * element of api.md section 7.5, with source identifiers resolved to element ids.
 */
final class ElementInfoMapper {

    /** Finds the element id of a source identifier in a document as of a changeset. */
    interface Ids {
        /** @return the {@code 0x…} id, or null when no element of the document has that identifier then */
        String idOf(String documentId, String identifier, int index);
    }

    private ElementInfoMapper() {
    }

    static String hex(long id) {
        return "0x" + Long.toHexString(id);
    }

    @SuppressWarnings("unchecked")
    static ElementInfo element(ElementQueries.Row row, int index, Ids ids) {
        Map<String, Object> body = Json.object(row.body());
        String parent = (String) body.get("parent");
        List<RelationshipInfo> relationships = new ArrayList<>();
        if (body.get("relationships") instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> r = (Map<String, Object>) item;
                String target = (String) r.get("target");
                relationships.add(new RelationshipInfo((String) r.get("type"), target == null ? null : ids.idOf(row.documentId(), target, index)));
            }
        }
        Object placement = body.get("placement");
        Object properties = body.get("properties");
        return new ElementInfo(hex(row.elementId()), row.federationGuid(), row.classFullName(), hex(row.modelId()), row.category(),
                parent == null ? null : ids.idOf(row.documentId(), parent, index), (String) body.get("codeValue"), (String) body.get("userLabel"),
                placement instanceof Map<?, ?> p ? placement((Map<String, Object>) p) : null,
                properties instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>(),
                List.copyOf(relationships), new Provenance(row.documentId(), row.identifier(), row.kind(), (String) body.get("version"), row.checksum()));
    }

    /** @return the placement in the field order of section 7.5: origin, rotation, bbox */
    private static Map<String, Object> placement(Map<String, Object> stored) {
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("origin", stored.get("origin"));
        placement.put("rotation", stored.get("rotation"));
        Object bbox = stored.get("bbox");
        if (bbox instanceof Map<?, ?> box) {
            Map<String, Object> ordered = new LinkedHashMap<>();
            ordered.put("low", box.get("low"));
            ordered.put("high", box.get("high"));
            bbox = ordered;
        }
        placement.put("bbox", bbox);
        return placement;
    }

    /** @return the parent and relationship target identifiers a body refers to */
    static List<String> referencedIdentifiers(String body) {
        Map<String, Object> map = Json.object(body);
        List<String> identifiers = new ArrayList<>();
        if (map.get("parent") instanceof String parent) {
            identifiers.add(parent);
        }
        if (map.get("relationships") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> r && r.get("target") instanceof String target) {
                    identifiers.add(target);
                }
            }
        }
        return identifiers;
    }

    /** @return the {@code properties} object of a body (empty when absent) */
    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(String body) {
        Object properties = Json.object(body).get("properties");
        return properties instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** @return the placement origin of a body, or null */
    static double[] origin(String body) {
        Object placement = Json.object(body).get("placement");
        if (placement instanceof Map<?, ?> p && p.get("origin") instanceof List<?> origin && origin.size() == 3) {
            return numbers(origin);
        }
        return null;
    }

    /** @return the 9 row-major rotation entries of a body's placement, or null */
    static double[] rotation(String body) {
        Object placement = Json.object(body).get("placement");
        if (placement instanceof Map<?, ?> p && p.get("rotation") instanceof List<?> rows && rows.size() == 3) {
            double[] r = new double[9];
            for (int i = 0; i < 3; i++) {
                if (!(rows.get(i) instanceof List<?> row) || row.size() != 3) {
                    return null;
                }
                System.arraycopy(numbers(row), 0, r, 3 * i, 3);
            }
            return r;
        }
        return null;
    }

    private static double[] numbers(List<?> list) {
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i) instanceof Number n ? n.doubleValue() : 0;
        }
        return values;
    }
}
