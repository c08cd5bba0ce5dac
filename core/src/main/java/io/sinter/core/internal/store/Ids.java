package io.sinter.core.internal.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/** Identifier formats of api.md section 1.4. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    /** @return a lower-case UUID v4 (iTwins, iModels, runs, ...) */
    public static String uuid() {
        return UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    }

    /** @return 32 random bytes, base64url without padding: 43 characters (connections, folders, files, blobs) */
    public static String random43() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** @return whether {@code id} has the 43-character base64url form */
    public static boolean isRandom43(String id) {
        return id != null && id.length() == 43 && id.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
