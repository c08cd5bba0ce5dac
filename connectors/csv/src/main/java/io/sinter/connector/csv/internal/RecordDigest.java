package io.sinter.connector.csv.internal;

/**
 * A 128-bit digest of a row's fields for {@link io.sinter.connector.api.ConnectorContext#unchanged}: MurmurHash3 x64/128
 * (the public-domain hash of Austin Appleby) over the fields' lengths and characters, four 16-bit characters to a
 * 64-bit word, from a seed that stands for the file's header and settings. Fixed arithmetic only, so the same in every
 * run on every machine; not cryptographic (a file crafted to collide with its previous version could keep a changed row
 * from being read again).
 */
final class RecordDigest {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private long seedHigh;
    private long seedLow;
    private long h1;
    private long h2;
    private long pending;
    private boolean half;
    private int chars;
    private long blocks;
    private long high;
    private long low;

    /** A digest whose every value starts from the digest of {@code seed} (the header and settings in one text). */
    RecordDigest(String seed) {
        reset();
        field(seed);
        end();
        seedHigh = high;
        seedLow = low;
        reset();
    }

    /** Starts a new row. */
    void reset() {
        h1 = seedHigh;
        h2 = seedLow;
        pending = 0;
        half = false;
        chars = 0;
        blocks = 0;
    }

    /** Adds a field: its length, then its characters. */
    void field(String value) {
        int n = value.length();
        word(0x1_0000_0000L | n);
        long w = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            w = w << 16 | value.charAt(i);
            if (++k == 4) {
                word(w);
                w = 0;
                k = 0;
            }
        }
        if (k > 0) {
            word(w << (16 * (4 - k)));
        }
        chars += n;
    }

    private void word(long w) {
        if (!half) {
            pending = w;
            half = true;
            return;
        }
        half = false;
        block(pending, w);
    }

    private void block(long k1, long k2) {
        blocks++;
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        h1 ^= k1;
        h1 = Long.rotateLeft(h1, 27);
        h1 += h2;
        h1 = h1 * 5 + 0x52dce729;
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        h2 ^= k2;
        h2 = Long.rotateLeft(h2, 31);
        h2 += h1;
        h2 = h2 * 5 + 0x38495ab5;
    }

    /** Ends the row: {@link #high} and {@link #low} give its digest. */
    void end() {
        long a = h1;
        long b = h2;
        if (half) {
            long k1 = pending * C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            a ^= k1;
        }
        long length = 16 * blocks + (half ? 8 : 0) + chars;
        a ^= length;
        b ^= length;
        a += b;
        b += a;
        a = mix(a);
        b = mix(b);
        a += b;
        b += a;
        high = a;
        low = b;
    }

    long high() {
        return high;
    }

    long low() {
        return low;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
