package io.sinter.core.internal.store;

import io.sinter.core.api.ServiceException;
import java.util.Locale;

/** Checks of names and descriptions (api.md section 1.10) and their case-insensitive keys. */
final class Names {
    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 1024;

    private Names() {
    }

    /** @return the name, checked: 1 to 255 characters, not blank; no {@code /} or {@code \} when {@code pathSafe} */
    static String name(String value, String target, String invalidCode, boolean pathSafe) {
        if (value == null) {
            throw ServiceException.invalid(invalidCode, "MissingRequiredProperty", "'" + target + "' is required.", target);
        }
        if (value.isBlank() || value.length() > MAX_NAME) {
            throw ServiceException.invalid(invalidCode, "InvalidValue", "'" + target + "' must have 1 to " + MAX_NAME + " characters.", target);
        }
        if (pathSafe && (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0)) {
            throw ServiceException.invalid(invalidCode, "InvalidValue", "'" + target + "' must not contain '/' or '\\'.", target);
        }
        return value;
    }

    /** @return the description, checked: at most 1024 characters (null allowed) */
    static String description(String value, String invalidCode) {
        if (value != null && value.length() > MAX_DESCRIPTION) {
            throw ServiceException.invalid(invalidCode, "InvalidValue", "'description' must have at most " + MAX_DESCRIPTION + " characters.", "description");
        }
        return value;
    }

    /** @return the key that makes names unique case-insensitively */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
