package io.sinter.core.internal.change;

import java.util.function.IntBinaryOperator;

/**
 * Stable sort of an {@code int[]} of record indices by a comparator over those indices, so that records kept
 * in flat primitive arrays can be ordered without one object per record.
 */
final class IndexSort {
    private static final int INSERTION_LIMIT = 16;

    private IndexSort() {
    }

    /** Sorts {@code order} in place, stably, by {@code compare(a, b)} of the indices it holds. */
    static void sort(int[] order, IntBinaryOperator compare) {
        if (order.length < 2) {
            return;
        }
        int[] buffer = order.clone();
        mergeSort(buffer, order, 0, order.length, compare);
    }

    /** Sorts {@code src[from, to)} into {@code dst[from, to)}; both hold the same values on entry. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, IntBinaryOperator compare) {
        int length = to - from;
        if (length <= INSERTION_LIMIT) {
            for (int i = from + 1; i < to; i++) {
                int value = dst[i];
                int j = i - 1;
                while (j >= from && compare.applyAsInt(dst[j], value) > 0) {
                    dst[j + 1] = dst[j];
                    j--;
                }
                dst[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(dst, src, from, middle, compare);
        mergeSort(dst, src, middle, to, compare);
        if (compare.applyAsInt(src[middle - 1], src[middle]) <= 0) {
            System.arraycopy(src, from, dst, from, length);
            return;
        }
        for (int i = from, p = from, q = middle; i < to; i++) {
            if (q >= to || p < middle && compare.applyAsInt(src[p], src[q]) <= 0) {
                dst[i] = src[p++];
            } else {
                dst[i] = src[q++];
            }
        }
    }

    /** @return the ascending identity permutation {@code 0 .. n-1} */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
