package io.sinter.core.internal.run;

import java.util.UUID;

/** Federation GUIDs in their canonical UUID text form (36 lower-case characters) as two longs, and back. */
final class Uuids {
    private Uuids() {
    }

    /**
     * @param out receives the most and least significant bits
     * @return whether {@code text} is a UUID exactly as {@link UUID#toString} writes it (so {@link #text} gives it back)
     */
    static boolean parse(String text, long[] out) {
        if (text == null || text.length() != 36) {
            return false;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
                continue;
            }
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (v < 0) {
                return false;
            }
            if (digits++ < 16) {
                high = high << 4 | v;
            } else {
                low = low << 4 | v;
            }
        }
        out[0] = high;
        out[1] = low;
        return true;
    }

    static String text(long high, long low) {
        return new UUID(high, low).toString();
    }
}
