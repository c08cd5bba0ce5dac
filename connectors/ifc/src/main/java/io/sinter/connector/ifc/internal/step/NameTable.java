package io.sinter.connector.ifc.internal.step;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns ASCII names (entity types, enumeration literals) read from a byte buffer: each distinct name,
 * compared without regard to case, gets a small int code and one upper-case {@link String}. Looking up a
 * known name allocates nothing. Not thread-safe.
 */
final class NameTable {

    private String[] names = new String[64];
    private byte[][] keys = new byte[64][];
    private int[] hashes = new int[64];
    private int size;
    /** Open addressing, linear probing: code + 1, 0 for an empty slot. */
    private int[] table = new int[128];

    /** @return the code of the name in {@code bytes[from, to)}, adding it when new */
    int code(byte[] bytes, int from, int to) {
        int hash = hash(bytes, from, to);
        int mask = table.length - 1;
        int i = hash & mask;
        for (int entry; (entry = table[i]) != 0; i = (i + 1) & mask) {
            int code = entry - 1;
            if (hashes[code] == hash && matches(keys[code], bytes, from, to)) {
                return code;
            }
        }
        return insert(i, hash, bytes, from, to);
    }

    /** @return the code of {@code name}, adding it when new */
    int code(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        return code(bytes, 0, bytes.length);
    }

    /** @return the upper-case name of {@code code} */
    String name(int code) {
        return names[code];
    }

    /** @return number of names, codes run from 0 to size - 1 */
    int size() {
        return size;
    }

    private int insert(int slot, int hash, byte[] bytes, int from, int to) {
        byte[] key = new byte[to - from];
        for (int i = 0; i < key.length; i++) {
            key[i] = upper(bytes[from + i]);
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int code = size++;
        names[code] = new String(key, StandardCharsets.ISO_8859_1);
        keys[code] = key;
        hashes[code] = hash;
        table[slot] = code + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int code = 0; code < size; code++) {
            int i = hashes[code] & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = code + 1;
        }
        table = bigger;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + upper(bytes[i]);
        }
        return h ^ (h >>> 16);
    }

    private static boolean matches(byte[] key, byte[] bytes, int from, int to) {
        if (key.length != to - from) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != upper(bytes[from + i])) {
                return false;
            }
        }
        return true;
    }

    private static byte upper(byte b) {
        return b >= 'a' && b <= 'z' ? (byte) (b - ('a' - 'A')) : b;
    }
}
