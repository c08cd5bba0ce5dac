package io.sinter.core.internal.run;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs as {@link UUID#randomUUID} makes them, but with the random bytes fetched 1,024 UUIDs at a
 * time: a first sync names a million elements, and one {@link SecureRandom} call per name cost more than the rest of the
 * name. Not thread-safe: one per writer of new elements.
 */
final class RandomGuids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] bytes = new byte[16 * 1024];
    private int next = bytes.length;

    /** @return a new random UUID in its 36-character form */
    String next() {
        if (next == bytes.length) {
            RANDOM.nextBytes(bytes);
            next = 0;
        }
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | (bytes[next + i] & 0xFF);
            lsb = lsb << 8 | (bytes[next + 8 + i] & 0xFF);
        }
        next += 16;
        msb = msb & ~0xF000L | 0x4000L;
        lsb = lsb & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
