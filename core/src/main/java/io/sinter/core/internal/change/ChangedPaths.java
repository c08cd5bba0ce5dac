package io.sinter.core.internal.change;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code changedProperties} of an element update (api.md section 7.6): RFC 6901 JSON Pointers, sorted by
 * {@link String#compareTo}, to the values that differ between two element JSON objects (section 7.5).
 *
 * <p>Rules:
 * <ul>
 * <li>Objects present on both sides are compared member by member, recursively.</li>
 * <li>A member present on one side only is reported by its leaves: the member itself when its value is not an
 * object or an empty object, otherwise the leaves of that object (an added property set lists each property).</li>
 * <li>Two values that are not both objects are compared whole, by their {@link CanonicalJson} text (so
 * {@code 3} equals {@code 3.0}); arrays are compared whole, and so is an object replaced by a non-object or
 * null (e.g. a placement that appears reports {@code /placement}).</li>
 * <li>{@code /placement/bbox} is compared whole as well: an extent is one value, as in section 8.2, where a
 * wall's new height reports {@code /placement/bbox}.</li>
 * <li>The top-level {@code provenance} member is bookkeeping, not element content, and is ignored: its checksum
 * changes with every update and its identifier with every re-match.</li>
 * </ul>
 * Pointer tokens escape {@code ~} as {@code ~0} and {@code /} as {@code ~1}.
 */
public final class ChangedPaths {
    private static final Set<String> WHOLE_VALUES = Set.of("/placement/bbox");
    private static final Set<String> IGNORED = Set.of("/provenance");

    private ChangedPaths() {
    }

    /** @return sorted pointers of the differing values of {@code before} and {@code after} */
    public static List<String> between(Map<String, ?> before, Map<String, ?> after) {
        TreeSet<String> changed = new TreeSet<>();
        compareObjects("", before, after, changed);
        return Collections.unmodifiableList(new ArrayList<>(changed));
    }

    /** @return {@code token} escaped for a JSON Pointer */
    static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static void compareObjects(String pointer, Map<?, ?> before, Map<?, ?> after, Set<String> changed) {
        TreeSet<String> keys = new TreeSet<>();
        for (Object key : before.keySet()) {
            keys.add(key(key));
        }
        for (Object key : after.keySet()) {
            keys.add(key(key));
        }
        for (String key : keys) {
            String child = pointer + "/" + escape(key);
            if (IGNORED.contains(child)) {
                continue;
            }
            boolean inBefore = before.containsKey(key);
            boolean inAfter = after.containsKey(key);
            if (inBefore && inAfter) {
                compareValues(child, before.get(key), after.get(key), changed);
            } else {
                addLeaves(child, inBefore ? before.get(key) : after.get(key), changed);
            }
        }
    }

    private static void compareValues(String pointer, Object before, Object after, Set<String> changed) {
        if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a && !WHOLE_VALUES.contains(pointer)) {
            compareObjects(pointer, b, a, changed);
        } else if (!CanonicalJson.write(before).equals(CanonicalJson.write(after))) {
            changed.add(pointer);
        }
    }

    private static void addLeaves(String pointer, Object value, Set<String> changed) {
        if (value instanceof Map<?, ?> map && !map.isEmpty() && !WHOLE_VALUES.contains(pointer)) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String child = pointer + "/" + escape(key(entry.getKey()));
                if (!IGNORED.contains(child)) {
                    addLeaves(child, entry.getValue(), changed);
                }
            }
        } else {
            changed.add(pointer);
        }
    }

    private static String key(Object key) {
        if (key instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("JSON object keys must be strings, not " + key);
    }
}
