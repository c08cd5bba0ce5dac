package io.sinter.core.internal.run;

import java.util.Arrays;

/**
 * The source record digests ({@link io.sinter.connector.api.ConnectorContext#unchanged}) of a task's elements by
 * ordinal (file order), for the document's next state file.
 */
final class RecordDigests {
    private long[] words = new long[2 * 1024];
    private boolean[] has = new boolean[1024];

    void put(int ordinal, long high, long low) {
        if (ordinal >= has.length) {
            int capacity = Math.max(2 * has.length, ordinal + 1);
            has = Arrays.copyOf(has, capacity);
            words = Arrays.copyOf(words, 2 * capacity);
        }
        words[2 * ordinal] = high;
        words[2 * ordinal + 1] = low;
        has[ordinal] = true;
    }

    /** @return whether element {@code ordinal} came with a digest */
    boolean has(int ordinal) {
        return ordinal >= 0 && ordinal < has.length && has[ordinal];
    }

    long high(int ordinal) {
        return words[2 * ordinal];
    }

    long low(int ordinal) {
        return words[2 * ordinal + 1];
    }
}
