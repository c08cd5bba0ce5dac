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

    /** One digest per thread for {@link #sha256Digest}: looking the algorithm up costs more than hashing a small element. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashes::sha256);

    /** @return lower-case hex SHA-256 of {@code bytes} (64 characters) */
    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256Digest(bytes));
    }

    /** @return the SHA-256 of {@code bytes} (32 bytes), with this thread's digest */
    public static byte[] sha256Digest(byte[] bytes) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest.digest(bytes);
    }

    /** @return {@code bytes} as lower-case hex */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** @return {@code count} big-endian 64-bit words from {@code words[from]} on as lower-case hex (16 digits each) */
    public static String hex(long[] words, int from, int count) {
        StringBuilder hex = new StringBuilder(16 * count);
        for (int i = from; i < from + count; i++) {
            hex.append(HEX.toHexDigits(words[i]));
        }
        return hex.toString();
    }

    /** @return the bytes that {@code hex} (an even number of hex digits, either case) writes */
    public static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    /**
     * Puts {@code bytes} (a multiple of 8 of them, e.g. a SHA-256) into {@code into} from {@code offset} on as big-endian 64-bit
     * words, most significant first.
     */
    public static void words(byte[] bytes, long[] into, int offset) {
        for (int word = 0; word < bytes.length / 8; word++) {
            long value = 0;
            for (int i = 8 * word, end = i + 8; i < end; i++) {
                value = value << 8 | (bytes[i] & 0xFF);
            }
            into[offset + word] = value;
        }
    }
}
