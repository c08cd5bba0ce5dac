package io.sinter.connector.ifc.internal.step;

import java.util.Arrays;

/**
 * Finds the slot of an instance id. The ids of most files are dense small numbers, so the table starts as
 * an array indexed by id (4 bytes per possible id, cache friendly when ids come in order); when an id
 * would make that array larger than {@link #DIRECT_ALLOWANCE} and four entries per instance, it switches
 * for good to an open-addressing hash (8 bytes per instance). The ids themselves stay in the
 * {@link InstanceIndex}, by slot.
 */
final class IdTable {

    /** Ids below this always fit the direct array (at most 4 MB). */
    static final int DIRECT_ALLOWANCE = 1 << 20;
    private static final int INITIAL_DIRECT_LENGTH = 1 << 12;

    /** Slot + 1 indexed by id, 0 where none; {@code null} once hashing. */
    private int[] direct = new int[INITIAL_DIRECT_LENGTH];
    /** Slot + 1 by hash of the id, linear probing, kept at most half full; {@code null} while direct. */
    private int[] hash;
    private int shift;
    /** The largest id in the direct array. */
    private long maxDirectId = -1;

    /**
     * Records that the id of {@code slot} lives in {@code slot} unless that id is already recorded.
     *
     * @param ids ids by slot, including that of {@code slot}, the last one
     * @return the slot already holding the id, or -1 after recording it
     */
    int putIfAbsent(int slot, InstanceIndex ids) {
        long id = ids.id(slot);
        int count = slot + 1;
        if (direct != null) {
            if (id >= 0 && id < direct.length) {
                int entry = direct[(int) id];
                if (entry != 0) {
                    return entry - 1;
                }
                direct[(int) id] = slot + 1;
                maxDirectId = Math.max(maxDirectId, id);
                return -1;
            }
            long allowed = Math.max(DIRECT_ALLOWANCE, 4L * count);
            if (id >= 0 && id < allowed) {
                direct = Arrays.copyOf(direct, (int) Math.min(allowed, Math.max(2L * direct.length, id + 1)));
                direct[(int) id] = slot + 1;
                maxDirectId = Math.max(maxDirectId, id);
                return -1;
            }
            // every id so far is below direct.length, so this one is new
            rehash(ids, count);
            direct = null;
            return -1;
        }
        int mask = hash.length - 1;
        int i = bucket(id);
        for (int entry; (entry = hash[i]) != 0; i = (i + 1) & mask) {
            if (ids.id(entry - 1) == id) {
                return entry - 1;
            }
        }
        hash[i] = slot + 1;
        if (2L * count > hash.length) {
            rehash(ids, count);
        }
        return -1;
    }

    /** Releases the direct array's room above the largest id (growing doubles it); ids may still be added. */
    void trimToSize() {
        if (direct != null && direct.length > maxDirectId + 1) {
            direct = Arrays.copyOf(direct, (int) (maxDirectId + 1));
        }
    }

    /** @return the slot of {@code id}, or -1 */
    int get(long id, InstanceIndex ids) {
        if (direct != null) {
            return id >= 0 && id < direct.length ? direct[(int) id] - 1 : -1;
        }
        int mask = hash.length - 1;
        for (int i = bucket(id), entry; (entry = hash[i]) != 0; i = (i + 1) & mask) {
            if (ids.id(entry - 1) == id) {
                return entry - 1;
            }
        }
        return -1;
    }

    /** Builds a hash of slots 0 to count - 1, with room for as many again. */
    private void rehash(InstanceIndex ids, int count) {
        int length = Integer.highestOneBit(Math.max(16, count) * 4 - 1);
        hash = new int[length];
        shift = 64 - Integer.numberOfTrailingZeros(length);
        int mask = length - 1;
        for (int slot = 0; slot < count; slot++) {
            int i = bucket(ids.id(slot));
            while (hash[i] != 0) {
                i = (i + 1) & mask;
            }
            hash[i] = slot + 1;
        }
    }

    private int bucket(long id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
