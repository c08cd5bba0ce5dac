package io.sinter.core.internal.change;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 helpers for checksums and digests. Every Java platform must provide SHA-256, so a missing
 * algorithm is a broken runtime and reported as an {@link IllegalStateException}.
 */
public final class Hashes {
    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    /** @return a fresh SHA-256 digest (not thread-safe; one per use or per thread) */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-256", e);
        }
    }

    /** @return lower-case hex SHA-256 of {@code bytes} (64 characters) */
    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    /** @return {@code bytes} as lower-case hex */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
