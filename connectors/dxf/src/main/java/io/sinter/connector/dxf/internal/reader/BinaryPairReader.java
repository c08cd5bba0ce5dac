package io.sinter.connector.dxf.internal.reader;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Binary DXF. After the 22-byte sentinel come the pairs: a group code, then the value in the layout of its
 * {@link DxfValueType type} (little-endian numbers, zero-terminated strings, booleans in one byte, binary chunks as a
 * length byte plus the bytes). Group codes take two bytes (R13 and later) or one byte (R12, where 255 announces a
 * two-byte code for codes above 254); the width is detected from the first pair, which is {@code (0, SECTION)} or a
 * {@code 999} comment.
 */
final class BinaryPairReader extends DxfPairReader {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final int R12_EXTENDED_CODE = 255;

    private boolean twoByteCodes;
    private boolean widthKnown;
    private long pairOffset;

    BinaryPairReader(InputStream in, byte[] prefix, int prefixLength, Warnings warnings) {
        super(in, prefix, prefixLength, prefixLength, warnings);
    }

    @Override
    public DxfFormat format() {
        return DxfFormat.BINARY;
    }

    @Override
    public DxfPosition position() {
        return DxfPosition.ofByteOffset(pairIndex, pairOffset);
    }

    /** @return 2 for R13+ style group codes, 1 for R12 style (valid after the first pair) */
    int groupCodeBytes() {
        return twoByteCodes ? 2 : 1;
    }

    @Override
    public boolean next() throws IOException, DxfSyntaxException {
        if (!ensure(1)) {
            return false;
        }
        if (!widthKnown) {
            detectCodeWidth();
        }
        pairIndex++;
        pairOffset = offsetOf(pos);
        code = readGroupCode();
        type = DxfValueType.of(code);
        switch (type) {
            case STRING -> stringValue = readString();
            case DOUBLE -> {
                need(8);
                doubleValue = (double) DOUBLE.get(buf, pos);
                pos += 8;
            }
            case INT16 -> {
                need(2);
                longValue = (short) SHORT.get(buf, pos);
                pos += 2;
            }
            case INT32 -> {
                need(4);
                longValue = (int) INT.get(buf, pos);
                pos += 4;
            }
            case INT64 -> {
                need(8);
                longValue = (long) LONG.get(buf, pos);
                pos += 8;
            }
            case BOOLEAN -> {
                need(1);
                longValue = buf[pos++] != 0 ? 1 : 0;
            }
            case BINARY -> {
                need(1);
                int length = buf[pos] & 0xFF;
                need(1 + length);
                bytesValue = Arrays.copyOfRange(buf, pos + 1, pos + 1 + length);
                pos += 1 + length;
            }
            default -> throw new IllegalStateException("unhandled value type " + type);
        }
        return true;
    }

    /**
     * The first pair is {@code (0, "SECTION")} or a {@code 999} comment: as two-byte codes it starts with
     * {@code 00 00} or {@code E7 03}; as one-byte codes with {@code 00 'S'} or {@code FF E7 03}.
     */
    private void detectCodeWidth() throws IOException {
        ensure(2);
        int first = buf[pos] & 0xFF;
        int second = limit - pos >= 2 ? buf[pos + 1] & 0xFF : -1;
        twoByteCodes = first == 0 && second == 0 || first == 0xE7 && second == 0x03;
        widthKnown = true;
    }

    private int readGroupCode() throws IOException, DxfSyntaxException {
        if (twoByteCodes) {
            need(2, true);
            int value = (short) SHORT.get(buf, pos);
            pos += 2;
            return value;
        }
        int value = buf[pos++] & 0xFF;
        if (value == R12_EXTENDED_CODE) {
            need(2, true);
            value = (short) SHORT.get(buf, pos);
            pos += 2;
        }
        return value;
    }

    private String readString() throws IOException, DxfSyntaxException {
        int scanned = 0;
        while (true) {
            for (int i = pos + scanned; i < limit; i++) {
                if (buf[i] == 0) {
                    String value = decoder.decode(buf, pos, i - pos);
                    pos = i + 1;
                    return value;
                }
            }
            scanned = limit - pos;
            if (scanned > MAX_VALUE_BYTES) {
                throw new DxfSyntaxException(DxfPosition.ofByteOffset(pairIndex, offsetOf(pos)), "string value of group"
                        + " code " + code + " is longer than " + (MAX_VALUE_BYTES >> 20) + " MiB: not a DXF file?");
            }
            if (!fillMore()) {
                throw new DxfSyntaxException(DxfPosition.ofByteOffset(pairIndex, offsetOf(pos)),
                        "unexpected end of file in the string value of group code " + code + " (no terminating zero)");
            }
        }
    }

    private void need(int bytes) throws IOException, DxfSyntaxException {
        need(bytes, false);
    }

    private void need(int bytes, boolean groupCode) throws IOException, DxfSyntaxException {
        if (!ensure(bytes)) {
            String what = groupCode ? "a group code" : "the value of group code " + code;
            throw new DxfSyntaxException(DxfPosition.ofByteOffset(pairIndex, offsetOf(pos)), "unexpected end of file"
                    + " in " + what + " (needs " + bytes + " bytes, " + (limit - pos) + " left)");
        }
    }

    /** @return whether at least {@code bytes} unread bytes are buffered, reading more if needed */
    private boolean ensure(int bytes) throws IOException {
        while (limit - pos < bytes) {
            if (!fillMore()) {
                return false;
            }
        }
        return true;
    }
}
