package io.sinter.core.internal.change;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes the {@code (kind, identifier)} keys of one file unique (api.md section 6.2): the first occurrence keeps
 * its identifier, later ones get {@code identifier~2}, {@code identifier~3}, ... in call (file) order. The caller
 * adds a Warning issue for each repeat. Not thread-safe; one instance per bridge task.
 *
 * <p>Should a generated name already be taken (the file also contains a literal {@code A~2}, seen earlier), the
 * next free suffix is used; a literal identifier that equals an earlier generated name is itself a repeat and gets
 * a suffix. The result is deterministic in file order either way.
 *
 * <p>Memory: keys are remembered as 128-bit fingerprints (the first 16 bytes of SHA-256 over the length-prefixed
 * UTF-8 of kind and identifier) in an open-addressing table kept between a quarter and half full, 32 to 64 bytes per
 * key whatever the identifier length; the strings themselves are not retained. Two different keys share a fingerprint
 * with probability about n²/2^129 (below 10^-26 for 10^6 keys), which would report a false repeat. Only repeated
 * keys are kept as strings, to count their suffixes.
 */
public final class Identifiers {
    private static final int INITIAL_CAPACITY = 1 << 10;

    /** Knows which keys were taken already, for a caller that keeps them anyway (a {@link Diff} with stored elements). */
    @FunctionalInterface
    public interface Taken {
        /**
         * @return whether the key was taken; a key answered as free is taken from the caller's next step on (the caller feeds
         *         the identifier that {@link #unique} returns before asking again)
         */
        boolean taken(String kind, String identifier);
    }

    /** The keys seen so far when the caller keeps them, else null: they are remembered here. */
    private final Taken taken;

    /** Remembers every key it is given (as a 128-bit fingerprint). */
    public Identifiers() {
        this.taken = null;
    }

    /**
     * Asks {@code taken} instead of remembering the keys: for a re-run, whose diff already looks every key up (usually as
     * the next stored element), this saves a SHA-256 and a table probe per element. Every identifier {@link #unique}
     * returns must be fed to {@code taken}'s owner before the next call.
     */
    public Identifiers(Taken taken) {
        this.taken = taken;
    }

    private final MessageDigest sha256 = Hashes.sha256();
    private final Map<String, Integer> nextSuffix = new HashMap<>();
    private long[] high = new long[INITIAL_CAPACITY];
    private long[] low = new long[INITIAL_CAPACITY];
    private int size;
    private int repeats;
    /** The hashed prefix of the last kind seen (its UTF-8 length, then its UTF-8), and buffers reused for every identifier. */
    private String lastKind;
    private byte[] kindPrefix;
    private final byte[] ascii = new byte[256];
    private final byte[] digest = new byte[32];

    /**
     * Registers one occurrence of a key.
     *
     * @param kind the kind of identifier, e.g. {@code IfcRoot}
     * @param identifier the identifier as read from the file
     * @return {@code identifier} itself (the same instance) for its first occurrence; for a repeat, a new unique
     *         identifier with a {@code ~n} suffix. {@code result != identifier} therefore means "this was a repeat".
     */
    public String unique(String kind, String identifier) {
        if (add(kind, identifier)) {
            return identifier;
        }
        repeats++;
        String repeatKey = kind.length() + ":" + kind + identifier;
        int suffix = nextSuffix.getOrDefault(repeatKey, 2);
        String candidate = identifier + "~" + suffix;
        while (!add(kind, candidate)) {
            suffix++;
            candidate = identifier + "~" + suffix;
        }
        nextSuffix.put(repeatKey, suffix + 1);
        return candidate;
    }

    /** @return how many calls of {@link #unique} were repeats */
    public int repeats() {
        return repeats;
    }

    /** @return how many distinct keys, generated ones included, are registered */
    public int size() {
        return size;
    }

    /** @return true when the key was not registered before (it is now) */
    private boolean add(String kind, String identifier) {
        if (taken != null) {
            boolean free = !taken.taken(kind, identifier);
            size += free ? 1 : 0;
            return free;
        }
        if (!kind.equals(lastKind)) {
            byte[] kindBytes = kind.getBytes(StandardCharsets.UTF_8);
            kindPrefix = ByteBuffer.allocate(4 + kindBytes.length).putInt(kindBytes.length).put(kindBytes).array();
            lastKind = kind;
        }
        sha256.update(kindPrefix);
        int n = identifier.length();
        boolean plain = n <= ascii.length;
        for (int i = 0; plain && i < n; i++) {
            char c = identifier.charAt(i);
            plain = c < 0x80;
            ascii[i] = (byte) c;
        }
        if (plain) {
            sha256.update(ascii, 0, n);
        } else {
            sha256.update(identifier.getBytes(StandardCharsets.UTF_8));
        }
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        long h = 0;
        long l = 0;
        for (int i = 0; i < 8; i++) {
            h = h << 8 | (digest[i] & 0xFF);
            l = l << 8 | (digest[8 + i] & 0xFF);
        }
        if (h == 0 && l == 0) {
            l = 1; // (0, 0) marks an empty slot
        }
        int mask = high.length - 1;
        for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
            if (high[slot] == 0 && low[slot] == 0) {
                high[slot] = h;
                low[slot] = l;
                if (++size > high.length / 2) {
                    grow();
                }
                return true;
            }
            if (high[slot] == h && low[slot] == l) {
                return false;
            }
        }
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        high = new long[oldHigh.length * 2];
        low = new long[oldLow.length * 2];
        int mask = high.length - 1;
        for (int i = 0; i < oldHigh.length; i++) {
            if (oldHigh[i] != 0 || oldLow[i] != 0) {
                int slot = (int) oldHigh[i] & mask;
                while (high[slot] != 0 || low[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
            }
        }
    }
}
