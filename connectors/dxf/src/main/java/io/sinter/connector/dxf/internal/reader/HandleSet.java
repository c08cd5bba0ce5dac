package io.sinter.connector.dxf.internal.reader;

/**
 * Set of handles (hexadecimal, at most 16 digits) as primitive longs with open addressing: a drawing with millions
 * of records costs 8 to 16 bytes per handle instead of a boxed entry.
 */
final class HandleSet {
    private static final long EMPTY = 0;

    /** Slots; {@link #EMPTY} marks a free slot, so handle 0 is kept aside in {@link #containsZero}. */
    private long[] slots = new long[1024];
    private int size;
    private boolean containsZero;

    /** @return false when the handle was already present */
    boolean add(long handle) {
        if (handle == EMPTY) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (!insert(slots, handle)) {
            return false;
        }
        size++;
        return true;
    }

    private static boolean insert(long[] table, long handle) {
        int mask = table.length - 1;
        int slot = mix(handle) & mask;
        while (table[slot] != EMPTY) {
            if (table[slot] == handle) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = handle;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long handle : slots) {
            if (handle != EMPTY) {
                insert(bigger, handle);
            }
        }
        slots = bigger;
    }

    private static int mix(long value) {
        long h = value * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32);
    }

    /**
     * @return the handle's value, or -1 when it is not 1 to 16 hexadecimal digits (-1 itself, FFFFFFFFFFFFFFFF, is
     *         not a handle any CAD program writes)
     */
    static long parse(String handle) {
        int length = handle.length();
        if (length == 0 || length > 16) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            int digit = Character.digit(handle.charAt(i), 16);
            if (digit < 0 || handle.charAt(i) > 'f') {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
