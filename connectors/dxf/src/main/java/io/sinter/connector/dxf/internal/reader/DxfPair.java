package io.sinter.connector.dxf.internal.reader;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One immutable group-code/value pair. The value's Java type follows {@link DxfValueType#of(int) the group code}:
 * {@link String}, {@code double}, {@code long} (for all integer widths), {@code boolean} or a byte array.
 */
public final class DxfPair {
    private final int code;
    private final DxfValueType type;
    private final Object value;

    private DxfPair(int code, DxfValueType type, Object value) {
        this.code = code;
        this.type = type;
        this.value = value;
    }

    /** @return a pair with a string value; the group code must be a string code */
    public static DxfPair ofString(int code, String value) {
        return new DxfPair(code, checked(code, DxfValueType.STRING), Objects.requireNonNull(value, "value"));
    }

    /** @return a pair with a double value; the group code must be a double code */
    public static DxfPair ofDouble(int code, double value) {
        return new DxfPair(code, checked(code, DxfValueType.DOUBLE), value);
    }

    /** @return a pair with an integer value; the group code must be a 16, 32 or 64-bit integer code */
    public static DxfPair ofInteger(int code, long value) {
        DxfValueType type = DxfValueType.of(code);
        if (!type.isInteger()) {
            throw new IllegalArgumentException("group code " + code + " holds " + type + ", not an integer");
        }
        return new DxfPair(code, type, value);
    }

    /** @return a pair with a boolean value; the group code must be a boolean code */
    public static DxfPair ofBoolean(int code, boolean value) {
        return new DxfPair(code, checked(code, DxfValueType.BOOLEAN), value);
    }

    /** @return a pair with a binary chunk (copied); the group code must be a binary code */
    public static DxfPair ofBytes(int code, byte[] value) {
        return new DxfPair(code, checked(code, DxfValueType.BINARY), value.clone());
    }

    /** Trusted factory for the pair readers: no copy, no type check. */
    static DxfPair ofTrusted(int code, DxfValueType type, Object value) {
        return new DxfPair(code, type, value);
    }

    private static DxfValueType checked(int code, DxfValueType expected) {
        DxfValueType actual = DxfValueType.of(code);
        if (actual != expected) {
            throw new IllegalArgumentException("group code " + code + " holds " + actual + ", not " + expected);
        }
        return actual;
    }

    /** @return the group code */
    public int code() {
        return code;
    }

    /** @return the value type, fixed by the group code */
    public DxfValueType type() {
        return type;
    }

    /** @return the string value */
    public String stringValue() {
        requireType(type == DxfValueType.STRING, "a string");
        return (String) value;
    }

    /** @return the value as a double (integers are widened) */
    public double doubleValue() {
        if (type == DxfValueType.DOUBLE) {
            return (Double) value;
        }
        requireType(type.isInteger(), "a number");
        return (Long) value;
    }

    /** @return the integer value truncated to 32 bits (booleans give 0 or 1) */
    public int intValue() {
        return (int) longValue();
    }

    /** @return the integer value (booleans give 0 or 1) */
    public long longValue() {
        if (type == DxfValueType.BOOLEAN) {
            return (Boolean) value ? 1 : 0;
        }
        requireType(type.isInteger(), "an integer");
        return (Long) value;
    }

    /** @return the boolean value (integers are true when non-zero) */
    public boolean booleanValue() {
        if (type == DxfValueType.BOOLEAN) {
            return (Boolean) value;
        }
        requireType(type.isInteger(), "a boolean");
        return (Long) value != 0;
    }

    /** @return a copy of the binary chunk */
    public byte[] bytesValue() {
        requireType(type == DxfValueType.BINARY, "a binary chunk");
        return ((byte[]) value).clone();
    }

    /** @return the value as written in an ASCII DXF (binary chunks as upper-case hex) */
    public String text() {
        return switch (type) {
            case BINARY -> HexFormat.of().withUpperCase().formatHex((byte[]) value);
            case BOOLEAN -> (Boolean) value ? "1" : "0";
            default -> String.valueOf(value);
        };
    }

    private void requireType(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("group code " + code + " holds " + type + ", not " + what);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof DxfPair pair) || pair.code != code || pair.type != type) {
            return false;
        }
        return type == DxfValueType.BINARY
                ? Arrays.equals((byte[]) value, (byte[]) pair.value)
                : value.equals(pair.value);
    }

    @Override
    public int hashCode() {
        int valueHash = type == DxfValueType.BINARY ? Arrays.hashCode((byte[]) value) : value.hashCode();
        return 31 * code + valueHash;
    }

    @Override
    public String toString() {
        return "(" + code + ", " + text() + ")";
    }
}
