package io.sinter.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sinter.core.api.ServiceException;
import io.sinter.core.api.ServiceException.Detail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON request body read by the rules of api.md section 1.3: parsed as UTF-8 whatever the
 * Content-Type says, property names matched case-insensitively, unknown properties ignored. Every
 * problem found becomes one detail of a single 422.
 */
final class JsonBody {
    private final String invalidCode;
    private final String prefix;
    private final Map<String, JsonNode> fields;
    private final List<Detail> problems;

    private JsonBody(String invalidCode, String prefix, ObjectNode node, List<Detail> problems) {
        this.invalidCode = invalidCode;
        this.prefix = prefix;
        this.problems = problems;
        this.fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
    }

    /**
     * Parses a required body.
     *
     * @throws ServiceException 422 {@code MissingRequestBody} when empty, {@code InvalidJson} when malformed,
     *         413 above {@code maxBytes}
     */
    static JsonBody parse(String text, String invalidCode, int maxBytes) {
        if (text != null && text.length() > maxBytes / 4 && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
            throw new ServiceException(ServiceException.Kind.TOO_LARGE, "PayloadTooLarge", "The JSON body is larger than " + maxBytes + " bytes.");
        }
        if (text == null || text.isBlank()) {
            throw new ServiceException(ServiceException.Kind.INVALID, "MissingRequestBody", "The request needs a JSON body.");
        }
        JsonNode node;
        try {
            node = ObjectMapperResolver.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ServiceException(ServiceException.Kind.INVALID, invalidCode, "The body is not valid JSON" + where + ".", null,
                    List.of(new Detail("InvalidJson", "The body is not valid JSON" + where + ": " + e.getOriginalMessage(), null)));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ServiceException(ServiceException.Kind.INVALID, invalidCode, "The body must be a JSON object.", null,
                    List.of(new Detail("InvalidJson", "The body must be a JSON object.", null)));
        }
        return new JsonBody(invalidCode, "", object, new ArrayList<>());
    }

    /** @return whether the property is present (null counts as present) */
    boolean has(String name) {
        return fields.containsKey(name.toLowerCase(Locale.ROOT));
    }

    private JsonNode node(String name) {
        return fields.get(name.toLowerCase(Locale.ROOT));
    }

    private String target(String name) {
        return prefix + name;
    }

    /** @return the string, or null when absent or null; a wrong type is a problem */
    String string(String name, boolean required) {
        JsonNode value = node(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem("MissingRequiredProperty", "'" + target(name) + "' is required.", target(name));
            }
            return null;
        }
        if (!value.isTextual()) {
            problem("InvalidValue", "'" + target(name) + "' must be a string.", target(name));
            return null;
        }
        return value.textValue();
    }

    /** @return the boolean, or null when absent or null */
    Boolean optionalBool(String name) {
        return has(name) && !node(name).isNull() ? bool(name, false) : null;
    }

    /** @return the boolean, or {@code fallback} when absent or null */
    boolean bool(String name, boolean fallback) {
        JsonNode value = node(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem("InvalidValue", "'" + target(name) + "' must be true or false.", target(name));
            return fallback;
        }
        return value.booleanValue();
    }

    /** @return the number, or null when absent or null */
    Double number(String name, boolean required) {
        JsonNode value = node(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem("MissingRequiredProperty", "'" + target(name) + "' is required.", target(name));
            }
            return null;
        }
        if (!value.isNumber()) {
            problem("InvalidValue", "'" + target(name) + "' must be a number.", target(name));
            return null;
        }
        return value.doubleValue();
    }

    /** @return the nested object, or null when absent or null */
    JsonBody object(String name, boolean required) {
        JsonNode value = node(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem("MissingRequiredProperty", "'" + target(name) + "' is required.", target(name));
            }
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            problem("InvalidValue", "'" + target(name) + "' must be an object.", target(name));
            return null;
        }
        return new JsonBody(invalidCode, target(name) + ".", object, problems);
    }

    /** @return the array's objects, or null when absent or null; items that are no object are problems */
    List<JsonBody> objects(String name, boolean required) {
        JsonNode value = node(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem("MissingRequiredProperty", "'" + target(name) + "' is required.", target(name));
            }
            return null;
        }
        if (!value.isArray()) {
            problem("InvalidValue", "'" + target(name) + "' must be an array.", target(name));
            return null;
        }
        List<JsonBody> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) instanceof ObjectNode object) {
                items.add(new JsonBody(invalidCode, target(name) + "[" + i + "].", object, problems));
            } else {
                problem("InvalidValue", "'" + target(name) + "[" + i + "]' must be an object.", target(name) + "[" + i + "]");
                items.add(null);
            }
        }
        return items;
    }

    /** @return the object as JSON text, or null when absent or null; anything but an object is a problem */
    String objectJson(String name) {
        JsonNode value = node(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problem("InvalidValue", "'" + target(name) + "' must be an object.", target(name));
            return null;
        }
        return value.toString();
    }

    /** @return the JSON path of a property of this object, for problems found later */
    String pathOf(String name) {
        return target(name);
    }

    /** Records a problem; {@link #done()} reports them all. */
    void problem(String code, String message, String target) {
        problems.add(new Detail(code, message, target));
    }

    /** @throws ServiceException 422 with one detail per problem, if any were found */
    void done() {
        if (!problems.isEmpty()) {
            Detail first = problems.get(0);
            throw new ServiceException(ServiceException.Kind.INVALID, invalidCode,
                    problems.size() == 1 ? first.message() : problems.size() + " problems in the request: " + first.message(),
                    first.target(), problems);
        }
    }
}
