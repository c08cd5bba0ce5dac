package io.sinter.connector.ifc.internal.geometry;

import java.util.Arrays;

/** A growable list of doubles without boxing, used for point coordinates. */
public final class DoubleList {
    private double[] items;
    private int size;

    /** An empty list. */
    public DoubleList() {
        this(48);
    }

    /** @param capacity the initial capacity */
    public DoubleList(int capacity) {
        items = new double[Math.max(4, capacity)];
    }

    /** Appends a value. */
    public void add(double value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    /** Appends two values (a 2D point). */
    public void add(double x, double y) {
        if (size + 2 > items.length) {
            items = Arrays.copyOf(items, Math.max(size + 2, size * 2));
        }
        items[size++] = x;
        items[size++] = y;
    }

    /** Appends three values (a 3D point). */
    public void add(double x, double y, double z) {
        if (size + 3 > items.length) {
            items = Arrays.copyOf(items, Math.max(size + 3, size * 2));
        }
        items[size++] = x;
        items[size++] = y;
        items[size++] = z;
    }

    /** @return the value at {@code i} */
    public double get(int i) {
        return items[i];
    }

    /** Replaces the value at {@code i}. */
    public void set(int i, double value) {
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

    /** @return the backing array (valid up to {@link #size()}) */
    public double[] array() {
        return items;
    }

    /** @return a copy of the values */
    public double[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
