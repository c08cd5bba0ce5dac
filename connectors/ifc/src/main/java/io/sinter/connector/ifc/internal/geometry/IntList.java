package io.sinter.connector.ifc.internal.geometry;

import java.util.Arrays;

/** A growable list of ints without boxing. */
public final class IntList {
    private int[] items;
    private int size;

    /** An empty list. */
    public IntList() {
        this(16);
    }

    /** @param capacity the initial capacity */
    public IntList(int capacity) {
        items = new int[Math.max(4, capacity)];
    }

    /** Appends a value. */
    public void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    /** Appends three values (a triangle). */
    public void add(int a, int b, int c) {
        if (size + 3 > items.length) {
            items = Arrays.copyOf(items, Math.max(size + 3, size * 2));
        }
        items[size++] = a;
        items[size++] = b;
        items[size++] = c;
    }

    /** @return the value at {@code i} */
    public int get(int i) {
        return items[i];
    }

    /** Replaces the value at {@code i}. */
    public void set(int i, int value) {
        items[i] = value;
    }

    /** @return how many values there are */
    public int size() {
        return size;
    }

    /** Empties the list, keeping its capacity. */
    public void clear() {
        size = 0;
    }

    /** Drops the values from {@code newSize} on. */
    public void truncate(int newSize) {
        size = Math.min(size, newSize);
    }

    /** @return a copy of the values */
    public int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
