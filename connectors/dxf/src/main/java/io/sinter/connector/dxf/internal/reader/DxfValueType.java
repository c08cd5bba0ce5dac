package io.sinter.connector.dxf.internal.reader;

import java.util.Arrays;

/**
 * The type of a pair's value, fixed by its group code (DXF reference, "Group Code Value Types"). It decides how a
 * binary DXF stores the value and how an ASCII value line is parsed.
 */
public enum DxfValueType {
    /** Text, handles and names; zero-terminated in binary DXF. */
    STRING,
    /** 64-bit IEEE double. */
    DOUBLE,
    /** 16-bit integer (binary: 2 bytes little-endian). */
    INT16,
    /** 32-bit integer (binary: 4 bytes little-endian). */
    INT32,
    /** 64-bit integer (binary: 8 bytes little-endian). */
    INT64,
    /** Boolean flag (binary: 1 byte; ASCII: an integer, non-zero is true). */
    BOOLEAN,
    /** Binary chunk (ASCII: hexadecimal text; binary: 1 length byte followed by the bytes). */
    BINARY;

    private static final int LAST_KNOWN_CODE = 1071;
    private static final DxfValueType[] BY_CODE = new DxfValueType[LAST_KNOWN_CODE + 1];

    static {
        Arrays.fill(BY_CODE, STRING);
        range(10, 59, DOUBLE);
        range(60, 79, INT16);
        range(90, 99, INT32);
        range(110, 149, DOUBLE);
        range(160, 169, INT64);
        range(170, 179, INT16);
        range(210, 239, DOUBLE);
        range(270, 289, INT16);
        range(290, 299, BOOLEAN);
        range(310, 319, BINARY);
        range(370, 389, INT16);
        range(400, 409, INT16);
        range(420, 429, INT32);
        range(440, 459, INT32);
        range(460, 469, DOUBLE);
        range(1004, 1004, BINARY);
        range(1010, 1059, DOUBLE);
        range(1060, 1070, INT16);
        range(1071, 1071, INT32);
    }

    private static void range(int first, int last, DxfValueType type) {
        for (int code = first; code <= last; code++) {
            BY_CODE[code] = type;
        }
    }

    /**
     * @param code a group code
     * @return its value type; codes the DXF reference does not assign (and negative codes) are strings
     */
    public static DxfValueType of(int code) {
        return code >= 0 && code <= LAST_KNOWN_CODE ? BY_CODE[code] : STRING;
    }

    /** @return whether values of this type are integers ({@link #INT16}, {@link #INT32}, {@link #INT64}) */
    public boolean isInteger() {
        return this == INT16 || this == INT32 || this == INT64;
    }
}
