package io.sinter.core.api;

import java.util.Locale;

/** A member's role in an iTwin, ordered: read &lt; modify &lt; admin (api.md section 2.6). */
public enum Role {
    /** every GET, downloads, run events, reports */
    READ,
    /** creates, updates and deletes of iModels, storage and connections; starting and cancelling runs */
    MODIFY,
    /** deleting iModels, changing the iTwin and its members */
    ADMIN;

    /** @return whether this role includes {@code needed} */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** @return {@code read}, {@code modify} or {@code admin} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the role named {@code text} in any case, or null */
    public static Role parse(String text) {
        if (text == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text.trim())) {
                return role;
            }
        }
        return null;
    }
}
