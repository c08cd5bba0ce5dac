package io.sinter.rest.internal;

import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Paging ({@code $top}, {@code $skip}), collection links and {@code Prefer} of api.md sections 1.7 and 1.8. */
final class Paging {
    static final int DEFAULT_TOP = 100;
    static final int MAX_TOP = 1000;

    private Paging() {
    }

    /** @return {@code $top}: default 100, above 1000 clamped; 0, negative or not an integer is a 422 */
    static int top(String raw, String invalidCode) {
        if (raw == null) {
            return DEFAULT_TOP;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= 1) {
                return (int) Math.min(value, MAX_TOP);
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below
        }
        throw ServiceException.invalid(invalidCode, "InvalidValue", "'$top' must be an integer from 1 to 1000.", "$top");
    }

    /** @return {@code $skip}: default 0; negative or not an integer is a 422 */
    static int skip(String raw, String invalidCode) {
        if (raw == null) {
            return 0;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= 0 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below
        }
        throw ServiceException.invalid(invalidCode, "InvalidValue", "'$skip' must be an integer of 0 or more.", "$skip");
    }

    /**
     * The {@code _links} of a collection page: {@code self}, {@code prev} when {@code $skip > 0},
     * {@code next} when more items exist.
     *
     * @param query the recognised non-paging query parameters in the endpoint's documented order (null values left out)
     */
    static Map<String, Object> links(String base, String path, Map<String, String> query, Page<?> page) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Wire.link(href(base, path, query, page.skip(), page.top())));
        if (page.skip() > 0) {
            links.put("prev", Wire.link(href(base, path, query, Math.max(0, page.skip() - page.top()), page.top())));
        }
        if (page.more()) {
            links.put("next", Wire.link(href(base, path, query, page.skip() + page.top(), page.top())));
        }
        return links;
    }

    static String href(String base, String path, Map<String, String> query, int skip, int top) {
        StringBuilder href = new StringBuilder(base).append(path).append('?');
        query.forEach((name, value) -> {
            if (value != null) {
                href.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")).append('&');
            }
        });
        return href.append("$skip=").append(skip).append("&$top=").append(top).toString();
    }

    /** @return whether {@code Prefer} asks for {@code return=representation} (the default is minimal) */
    static boolean representation(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String part : prefer.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT).replace(" ", "");
            if (p.startsWith("return=")) {
                return p.equals("return=representation");
            }
        }
        return false;
    }

    /** @return the {@code Preference-Applied} value */
    static String applied(boolean representation) {
        return representation ? "return=representation" : "return=minimal";
    }
}
