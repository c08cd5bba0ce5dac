package io.sinter.connector.ifc.internal.step;

import java.util.Arrays;

/**
 * Where each entity instance of a file is: id, 1-based line, and optionally byte offset, byte length and
 * type code, in file order ("slots"), with an {@link IdTable} from id to slot. A slot is two longs (id;
 * line) or, with locations, three (id; offset and type code; length and line), side by side so that
 * looking one up touches one cache line: 16 or 24 bytes per instance, plus the id table (4 to 16 bytes
 * per instance). The slots live in pages of {@link #PAGE}, so that growing never copies them (a copy
 * would briefly need two and a half times the memory of the index).
 */
final class InstanceIndex {

    private static final int PAGE_BITS = 14;
    /** Slots per page. */
    static final int PAGE = 1 << PAGE_BITS;
    private static final int MASK = PAGE - 1;
    /** Offsets take the low 40 bits of their word (files up to 1 TiB), type codes the high 24. */
    private static final int OFFSET_BITS = 40;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    private static final int MAX_TYPE = (1 << (64 - OFFSET_BITS)) - 1;

    private final boolean withLocations;
    private final int stride;
    private final IdTable slots = new IdTable();
    /** Slots page by page, {@link #stride} longs each. */
    private long[][] pages = new long[4][];
    private int size;

    /** @param withLocations whether to keep offsets, lengths and types besides ids and lines */
    InstanceIndex(boolean withLocations) {
        this.withLocations = withLocations;
        this.stride = withLocations ? 3 : 2;
    }

    /**
     * Adds an instance whose definition starts at {@code offset}, on {@code line}.
     *
     * @return the new slot, or {@code -(slot + 1)} of the instance already holding {@code id}
     */
    int add(long id, long offset, int line) {
        int page = size >>> PAGE_BITS;
        int at = (size & MASK) * stride;
        if (at == 0) {
            addPage(page);
        }
        long[] words = pages[page];
        words[at] = id;
        int existing = slots.putIfAbsent(size, this);
        if (existing >= 0) {
            return -(existing + 1);
        }
        if (withLocations) {
            if (offset < 0 || offset > OFFSET_MASK) {
                throw new IllegalArgumentException("offset " + offset + " beyond 1 TiB");
            }
            words[at + 1] = offset;
            words[at + 2] = line & 0xFFFFFFFFL;
        } else {
            words[at + 1] = line;
        }
        return size++;
    }

    private void addPage(int page) {
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, page * 2);
        }
        if (pages[page] == null) {
            pages[page] = new long[PAGE * stride];
        }
    }

    /** Records where the definition in {@code slot} ends and which type it has. */
    void complete(int slot, int length, int type) {
        if (withLocations) {
            if (type < 0 || type > MAX_TYPE) {
                throw new IllegalArgumentException("type code " + type + " beyond " + MAX_TYPE);
            }
            long[] words = pages[slot >>> PAGE_BITS];
            int at = (slot & MASK) * 3;
            words[at + 1] = (words[at + 1] & OFFSET_MASK) | (long) type << OFFSET_BITS;
            words[at + 2] = (words[at + 2] & 0xFFFFFFFFL) | (long) length << 32;
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
        return pages[slot >>> PAGE_BITS][(slot & MASK) * stride];
    }

    int line(int slot) {
        return (int) pages[slot >>> PAGE_BITS][(slot & MASK) * stride + stride - 1];
    }

    long offset(int slot) {
        return pages[slot >>> PAGE_BITS][(slot & MASK) * 3 + 1] & OFFSET_MASK;
    }

    int length(int slot) {
        return (int) (pages[slot >>> PAGE_BITS][(slot & MASK) * 3 + 2] >>> 32);
    }

    int type(int slot) {
        return (int) (pages[slot >>> PAGE_BITS][(slot & MASK) * 3 + 1] >>> OFFSET_BITS);
    }

    /** Releases the spare capacity of the last page; no instance may be added after this. */
    void trimToSize() {
        slots.trimToSize();
        int page = size >>> PAGE_BITS;
        if (page < pages.length && pages[page] != null) {
            pages[page] = Arrays.copyOf(pages[page], (size & MASK) * stride);
        }
    }
}
