package io.sinter.connector.dxf.internal.reader;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.List;

/** Test support: writes pairs as binary DXF, with two-byte (R13+) or one-byte (R12) group codes. */
final class BinaryDxfWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean twoByteCodes;
    private final Charset charset;

    BinaryDxfWriter(boolean twoByteCodes, Charset charset) {
        this.twoByteCodes = twoByteCodes;
        this.charset = charset;
        out.writeBytes(DxfPairReader.BINARY_SENTINEL);
    }

    /** @return a binary DXF with the pairs of an ASCII DXF, comments included */
    static byte[] convert(byte[] ascii, boolean twoByteCodes, Charset charset) throws Exception {
        BinaryDxfWriter writer = new BinaryDxfWriter(twoByteCodes, charset);
        try (DxfPairReader reader = DxfPairReader.open(new java.io.ByteArrayInputStream(ascii))) {
            reader.textDecoder(DxfTextDecoder.of(charset));
            while (reader.next()) {
                writer.pair(reader.pair());
            }
        }
        return writer.bytes();
    }

    BinaryDxfWriter pairs(List<DxfPair> pairs) {
        pairs.forEach(this::pair);
        return this;
    }

    BinaryDxfWriter pair(DxfPair pair) {
        code(pair.code());
        switch (pair.type()) {
            case STRING -> {
                out.writeBytes(pair.stringValue().getBytes(charset));
                out.write(0);
            }
            case DOUBLE -> out.writeBytes(little(8).putDouble(pair.doubleValue()).array());
            case INT16 -> out.writeBytes(little(2).putShort((short) pair.longValue()).array());
            case INT32 -> out.writeBytes(little(4).putInt((int) pair.longValue()).array());
            case INT64 -> out.writeBytes(little(8).putLong(pair.longValue()).array());
            case BOOLEAN -> out.write(pair.booleanValue() ? 1 : 0);
            case BINARY -> {
                byte[] bytes = pair.bytesValue();
                out.write(bytes.length);
                out.writeBytes(bytes);
            }
            default -> throw new IllegalArgumentException(pair.toString());
        }
        return this;
    }

    /** Writes raw bytes, e.g. a truncated value. */
    BinaryDxfWriter raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    BinaryDxfWriter code(int code) {
        if (twoByteCodes) {
            out.writeBytes(little(2).putShort((short) code).array());
        } else if (code >= 0 && code < 255) {
            out.write(code);
        } else {
            out.write(255);
            out.writeBytes(little(2).putShort((short) code).array());
        }
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
