package io.sinter.core.api;

import java.time.Instant;

/**
 * Someone who calls Sinter: a user (a person, signs in with username and password) or a service
 * client (a program, client credentials). Both can be iTwin members (api.md section 2).
 *
 * @param id UUID
 * @param type user or service
 * @param username users only, else null
 * @param displayName for people
 * @param email users, nullable
 * @param serverAdmin acts as admin in every iTwin and manages users and clients
 * @param disabled a disabled principal's tokens are refused
 * @param createdDateTime when it was created
 */
public record Principal(String id, Type type, String username, String displayName, String email, boolean serverAdmin,
        boolean disabled, Instant createdDateTime) {

    /** The kind of principal. */
    public enum Type {
        /** a person */
        USER,
        /** a program (OAuth client credentials) */
        SERVICE;

        /** @return {@code user} or {@code service}, as in tokens and JSON */
        public String wire() {
            return this == USER ? "user" : "service";
        }
    }
}
