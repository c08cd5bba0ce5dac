package io.sinter.core.internal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinter.core.api.RunService.ManifestChild;
import io.sinter.core.api.RunService.ManifestItem;
import io.sinter.core.internal.change.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The part of a manifest item a task needs when it runs, stored with the task as JSON. */
final class ManifestItems {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The stored item. */
    record Item(String url, String relativePath, String documentAttributeJson, List<Child> children) {
    }

    /** A stored child. */
    record Child(String id, String name, String url, String connectorType, String relativePath, String documentAttributeJson) {
    }

    private ManifestItems() {
    }

    static String write(ManifestItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", item.url());
        json.put("relativePath", item.relativePath());
        json.put("documentAttribute", item.documentAttributeJson());
        List<Object> children = new ArrayList<>();
        for (ManifestChild c : item.children()) {
            Map<String, Object> child = new LinkedHashMap<>();
            child.put("id", c.id());
            child.put("name", c.name());
            child.put("url", c.url());
            child.put("connectorType", c.connectorType());
            child.put("relativePath", c.relativePath());
            child.put("documentAttribute", c.documentAttributeJson());
            children.add(child);
        }
        json.put("children", children);
        return CanonicalJson.write(json);
    }

    static Item read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            List<Child> children = new ArrayList<>();
            for (JsonNode c : node.path("children")) {
                children.add(new Child(text(c, "id"), text(c, "name"), text(c, "url"), text(c, "connectorType"), text(c, "relativePath"),
                        text(c, "documentAttribute")));
            }
            return new Item(text(node, "url"), text(node, "relativePath"), text(node, "documentAttribute"), children);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored manifest item is not JSON", e);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
