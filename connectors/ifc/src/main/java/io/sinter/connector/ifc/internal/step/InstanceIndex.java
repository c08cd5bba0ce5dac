package io.sinter.connector.ifc.internal.step;

import java.util.Arrays;

/**
 * Where each entity instance of a file is: id, 1-based line, and optionally byte offset, byte length and
 * type code, in file order ("slots"), with an {@link IdTable} from id to slot. Everything lives in
 * primitive arrays: about 12 bytes per instance for ids and lines, 28 with locations, plus the id table
 * (4 to 16 bytes per instance).
 */
final class InstanceIndex {

    private static final int INITIAL_CAPACITY = 1024;

    private final boolean withLocations;
    private final IdTable slots = new IdTable();
    private long[] ids = new long[INITIAL_CAPACITY];
    private int[] lines = new int[INITIAL_CAPACITY];
    private long[] offsets;
    private int[] lengths;
    private int[] types;
    private int size;

    /** @param withLocations whether to keep offsets, lengths and types besides ids and lines */
    InstanceIndex(boolean withLocations) {
        this.withLocations = withLocations;
        if (withLocations) {
            offsets = new long[INITIAL_CAPACITY];
            lengths = new int[INITIAL_CAPACITY];
            types = new int[INITIAL_CAPACITY];
        }
    }

    /**
     * Adds an instance whose definition starts at {@code offset}, on {@code line}.
     *
     * @return the new slot, or {@code -(slot + 1)} of the instance already holding {@code id}
     */
    int add(long id, long offset, int line) {
        if (size == ids.length) {
            grow();
        }
        ids[size] = id;
        int existing = slots.putIfAbsent(size, ids, size + 1);
        if (existing >= 0) {
            return -(existing + 1);
        }
        lines[size] = line;
        if (withLocations) {
            offsets[size] = offset;
        }
        return size++;
    }

    /** Records where the definition in {@code slot} ends and which type it has. */
    void complete(int slot, int length, int type) {
        if (withLocations) {
            lengths[slot] = length;
            types[slot] = type;
        }
    }

    /** @return the slot of {@code id}, or -1 */
    int slotOf(long id) {
        return slots.get(id, ids);
    }

    int size() {
        return size;
    }

    long id(int slot) {
        return ids[slot];
    }

    int line(int slot) {
        return lines[slot];
    }

    long offset(int slot) {
        return offsets[slot];
    }

    int length(int slot) {
        return lengths[slot];
    }

    int type(int slot) {
        return types[slot];
    }

    /** Releases the spare capacity of the per-slot arrays, once no more instances will be added. */
    void trimToSize() {
        resize(size);
    }

    private void grow() {
        resize(Math.max(INITIAL_CAPACITY, ids.length + (ids.length >> 1)));
    }

    private void resize(int capacity) {
        ids = Arrays.copyOf(ids, capacity);
        lines = Arrays.copyOf(lines, capacity);
        if (withLocations) {
            offsets = Arrays.copyOf(offsets, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            types = Arrays.copyOf(types, capacity);
        }
    }
}
