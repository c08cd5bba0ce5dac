package io.sinter.connector.dxf.internal.reader;

/**
 * Where something is in a DXF file: the 1-based index of the group-code/value pair, plus the 1-based line number for
 * ASCII files or the 0-based byte offset for binary files (the other one is {@code -1}).
 *
 * @param pairIndex  1-based pair index, {@code 0} before the first pair
 * @param line       1-based line number (ASCII), or {@code -1}
 * @param byteOffset 0-based byte offset (binary), or {@code -1}
 */
public record DxfPosition(long pairIndex, long line, long byteOffset) {

    /** @return a position in an ASCII file */
    public static DxfPosition ofLine(long pairIndex, long line) {
        return new DxfPosition(pairIndex, line, -1);
    }

    /** @return a position in a binary file */
    public static DxfPosition ofByteOffset(long pairIndex, long byteOffset) {
        return new DxfPosition(pairIndex, -1, byteOffset);
    }

    /** @return e.g. {@code line 1234 (pair 617)} or {@code byte offset 4096 (pair 617)} */
    public String describe() {
        String where = line >= 0 ? "line " + line : "byte offset " + byteOffset;
        return where + " (pair " + pairIndex + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
