package io.sinter.connector.dxf.internal.reader;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Streams the group-code/value pairs of a DXF file, ASCII or binary (detected from the first bytes). A cursor: each
 * {@link #next()} reads one pair, whose code and typed value are then available until the next call; {@link #pair()}
 * makes an immutable copy. The current position (pair index and line or byte offset) feeds error messages.
 *
 * <p>String values are decoded by the {@link #textDecoder(DxfTextDecoder) text decoder}, which starts as
 * {@link DxfTextDecoder#raw()} because the code page is only known once the header has been read. Comments (group
 * 999) are returned like any other pair. Not thread-safe.
 */
public abstract sealed class DxfPairReader implements Closeable permits AsciiPairReader, BinaryPairReader {
    /** The first 22 bytes of every binary DXF file. */
    static final byte[] BINARY_SENTINEL = "AutoCAD Binary DXF\r\n\u001a\0".getBytes(StandardCharsets.ISO_8859_1);
    /** A line (ASCII) or a string/chunk (binary) longer than this is rejected instead of filling memory. */
    static final int MAX_VALUE_BYTES = 16 << 20;
    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    final Warnings warnings;
    /** Buffer and window of unread bytes {@code [pos, limit)}; {@code bufferStart} is the file offset of buf[0]. */
    byte[] buf;
    int pos;
    int limit;
    long bufferStart;
    private boolean streamEnded;

    DxfTextDecoder decoder = DxfTextDecoder.raw();
    long pairIndex;
    int code;
    DxfValueType type;
    String stringValue;
    double doubleValue;
    long longValue;
    byte[] bytesValue;

    DxfPairReader(InputStream in, byte[] prefix, int prefixLength, int start, Warnings warnings) {
        this.in = in;
        this.warnings = warnings;
        this.buf = Arrays.copyOf(prefix, Math.max(BUFFER_SIZE, prefixLength));
        this.pos = start;
        this.limit = prefixLength;
    }

    /**
     * Opens a reader, detecting binary DXF by its sentinel; anything else is read as ASCII DXF (a UTF-8 byte order
     * mark is skipped).
     *
     * @param in the file's bytes; closed by {@link #close()}
     * @throws DxfSyntaxException when the input is empty or is a DWG drawing rather than DXF
     */
    public static DxfPairReader open(InputStream in) throws IOException, DxfSyntaxException {
        return open(in, new Warnings());
    }

    static DxfPairReader open(InputStream in, Warnings warnings) throws IOException, DxfSyntaxException {
        byte[] prefix = new byte[BINARY_SENTINEL.length];
        int length = in.readNBytes(prefix, 0, prefix.length);
        if (length == 0) {
            throw new DxfSyntaxException(DxfPosition.ofLine(0, 1), "the file is empty");
        }
        if (length == BINARY_SENTINEL.length && Arrays.equals(prefix, BINARY_SENTINEL)) {
            return new BinaryPairReader(in, prefix, length, warnings);
        }
        if (length >= 6 && prefix[0] == 'A' && prefix[1] == 'C' && prefix[2] == '1' && isDigit(prefix[3])
                && isDigit(prefix[4]) && isDigit(prefix[5])) {
            throw new DxfSyntaxException(DxfPosition.ofByteOffset(0, 0), "this is a DWG drawing ("
                    + new String(prefix, 0, 6, StandardCharsets.ISO_8859_1) + "), not a DXF file");
        }
        boolean bom = length >= 3 && (prefix[0] & 0xFF) == 0xEF && (prefix[1] & 0xFF) == 0xBB
                && (prefix[2] & 0xFF) == 0xBF;
        return new AsciiPairReader(in, prefix, length, bom ? 3 : 0, warnings);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /**
     * Reads the next pair.
     *
     * @return false at the end of the input (between two pairs)
     * @throws DxfSyntaxException when the pair is malformed or the input ends inside it
     */
    public abstract boolean next() throws IOException, DxfSyntaxException;

    /** @return the position of the current pair: its group code line (ASCII) or first byte (binary) */
    public abstract DxfPosition position();

    /** @return ASCII or binary */
    public abstract DxfFormat format();

    /** @return the 1-based index of the current pair */
    public final long pairIndex() {
        return pairIndex;
    }

    /** @return the current group code */
    public final int code() {
        return code;
    }

    /** @return the current value's type */
    public final DxfValueType type() {
        return type;
    }

    /** @return the current string value */
    public final String stringValue() {
        requireType(type == DxfValueType.STRING, "a string");
        return stringValue;
    }

    /** @return the current double value */
    public final double doubleValue() {
        requireType(type == DxfValueType.DOUBLE, "a double");
        return doubleValue;
    }

    /** @return the current integer value (any width) */
    public final long longValue() {
        requireType(type.isInteger(), "an integer");
        return longValue;
    }

    /** @return the current boolean value */
    public final boolean booleanValue() {
        requireType(type == DxfValueType.BOOLEAN, "a boolean");
        return longValue != 0;
    }

    /** @return a copy of the current binary chunk */
    public final byte[] bytesValue() {
        requireType(type == DxfValueType.BINARY, "a binary chunk");
        return bytesValue.clone();
    }

    /** @return the current pair as an immutable value */
    public final DxfPair pair() {
        Object value = switch (type) {
            case STRING -> stringValue;
            case DOUBLE -> doubleValue;
            case INT16, INT32, INT64 -> longValue;
            case BOOLEAN -> longValue != 0;
            case BINARY -> bytesValue;
        };
        return DxfPair.ofTrusted(code, type, value);
    }

    /** @return the decoder for string values read from now on */
    public final DxfTextDecoder textDecoder() {
        return decoder;
    }

    /** @param decoder the decoder for string values read from now on */
    public final void textDecoder(DxfTextDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** @return warnings about tolerated oddities in pair values (integers out of their group's range) */
    public final List<DxfWarning> warnings() {
        return warnings.list();
    }

    /**
     * Consumes the rest of the input and tells whether it holds anything but blanks, line breaks, NUL and Ctrl-Z
     * padding. Used after the EOF marker.
     */
    public final boolean skipRest() throws IOException {
        boolean data = false;
        do {
            for (int i = pos; i < limit && !data; i++) {
                byte b = buf[i];
                data = b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0 && b != 0x1A;
            }
            pos = limit;
        } while (fillMore());
        return data;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** @return the file offset of {@code buf[index]} */
    final long offsetOf(int index) {
        return bufferStart + index;
    }

    /**
     * Reads more input behind {@code limit}, first moving the unread bytes {@code [pos, limit)} to the start of the
     * buffer (so {@code pos} becomes 0) and growing the buffer when it is full. Callers bound the growth by
     * rejecting values longer than {@link #MAX_VALUE_BYTES}.
     *
     * @return false when the input has ended and nothing was read
     */
    final boolean fillMore() throws IOException {
        if (streamEnded) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            bufferStart += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            streamEnded = true;
            return false;
        }
        limit += read;
        return true;
    }

    /** @return whether the input has ended (no more bytes beyond {@code limit}) */
    final boolean streamEnded() {
        return streamEnded;
    }

    private void requireType(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("group code " + code + " holds " + type + ", not " + what);
        }
    }

    /** @return the value of an integer group checked against the width of its type, with a warning when outside */
    final long checkedInteger(long value, DxfPosition at) {
        boolean inRange = switch (type) {
            case INT16 -> value >= Short.MIN_VALUE && value <= 0xFFFF;
            case INT32 -> value >= Integer.MIN_VALUE && value <= 0xFFFF_FFFFL;
            default -> true;
        };
        if (!inRange) {
            warnings.add(at, "value " + value + " of group code " + code + " does not fit the " + type
                    + " type of that group; kept as is");
        }
        return value;
    }

    /** @return printable, shortened text for error messages */
    static String excerpt(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to && text.length() < 40; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        if (to - from > 40) {
            text.append("...");
        }
        return text.toString();
    }
}
