package io.sinter.connector.ifc.internal.step;

import java.util.Arrays;

/**
 * Where each entity instance of a file is: id, 1-based line, and optionally byte offset, byte length and
 * type code, in file order ("slots"), with an {@link IdTable} from id to slot. Everything lives in
 * primitive arrays: about 12 bytes per instance for ids and lines, 28 with locations, plus the id table
 * (4 to 16 bytes per instance). The per-slot arrays are pages of {@link #PAGE} slots, so that growing
 * never copies them (a copy would briefly need two and a half times the memory of the index).
 */
final class InstanceIndex {

    private static final int PAGE_BITS = 14;
    /** Slots per page. */
    static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;

    private final boolean withLocations;
    private final IdTable slots = new IdTable();
    /** Ids by slot, page by page; the other per-slot arrays alike. */
    private long[][] ids = new long[4][];
    private int[][] lines = new int[4][];
    private long[][] offsets;
    private int[][] lengths;
    private int[][] types;
    private int size;

    /** @param withLocations whether to keep offsets, lengths and types besides ids and lines */
    InstanceIndex(boolean withLocations) {
        this.withLocations = withLocations;
        if (withLocations) {
            offsets = new long[4][];
            lengths = new int[4][];
            types = new int[4][];
        }
    }

    /**
     * Adds an instance whose definition starts at {@code offset}, on {@code line}.
     *
     * @return the new slot, or {@code -(slot + 1)} of the instance already holding {@code id}
     */
    int add(long id, long offset, int line) {
        int page = size >>> PAGE_BITS;
        int at = size & MASK;
        if (at == 0) {
            addPage(page);
        }
        ids[page][at] = id;
        int existing = slots.putIfAbsent(size, this);
        if (existing >= 0) {
            return -(existing + 1);
        }
        lines[page][at] = line;
        if (withLocations) {
            offsets[page][at] = offset;
        }
        return size++;
    }

    private void addPage(int page) {
        if (page == ids.length) {
            int pages = page * 2;
            ids = Arrays.copyOf(ids, pages);
            lines = Arrays.copyOf(lines, pages);
            if (withLocations) {
                offsets = Arrays.copyOf(offsets, pages);
                lengths = Arrays.copyOf(lengths, pages);
                types = Arrays.copyOf(types, pages);
            }
        }
        if (ids[page] == null) {
            ids[page] = new long[PAGE];
            lines[page] = new int[PAGE];
            if (withLocations) {
                offsets[page] = new long[PAGE];
                lengths[page] = new int[PAGE];
                types[page] = new int[PAGE];
            }
        }
    }

    /** Records where the definition in {@code slot} ends and which type it has. */
    void complete(int slot, int length, int type) {
        if (withLocations) {
            lengths[slot >>> PAGE_BITS][slot & MASK] = length;
            types[slot >>> PAGE_BITS][slot & MASK] = type;
        }
    }

    /** @return the slot of {@code id}, or -1 */
    int slotOf(long id) {
        return slots.get(id, this);
    }

    int size() {
        return size;
    }

    long id(int slot) {
        return ids[slot >>> PAGE_BITS][slot & MASK];
    }

    int line(int slot) {
        return lines[slot >>> PAGE_BITS][slot & MASK];
    }

    long offset(int slot) {
        return offsets[slot >>> PAGE_BITS][slot & MASK];
    }

    int length(int slot) {
        return lengths[slot >>> PAGE_BITS][slot & MASK];
    }

    int type(int slot) {
        return types[slot >>> PAGE_BITS][slot & MASK];
    }

    /** Releases the spare capacity of the last page; no instance may be added after this. */
    void trimToSize() {
        int page = size >>> PAGE_BITS;
        int used = size & MASK;
        if (page < ids.length && ids[page] != null) {
            ids[page] = Arrays.copyOf(ids[page], used);
            lines[page] = Arrays.copyOf(lines[page], used);
            if (withLocations) {
                offsets[page] = Arrays.copyOf(offsets[page], used);
                lengths[page] = Arrays.copyOf(lengths[page], used);
                types[page] = Arrays.copyOf(types[page], used);
            }
        }
    }
}
