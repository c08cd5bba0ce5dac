package io.sinter.connector.dxf.internal.reader;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;

/**
 * ASCII DXF: a group code line, then a value line. Lines end with LF or CRLF (extra CRs are dropped); group code
 * lines may carry leading and trailing blanks; value lines are kept as written except for numbers, which may be
 * padded with blanks. The last line may lack its line break.
 */
final class AsciiPairReader extends DxfPairReader {
    /** Line number of the last line read. */
    private long line;
    private long codeLine;
    /** The last line read: {@code buf[lineStart, lineEnd)} without its line break. */
    private int lineStart;
    private int lineEnd;

    AsciiPairReader(InputStream in, byte[] prefix, int prefixLength, int start, Warnings warnings) {
        super(in, prefix, prefixLength, start, warnings);
    }

    @Override
    public DxfFormat format() {
        return DxfFormat.ASCII;
    }

    @Override
    public DxfPosition position() {
        return DxfPosition.ofLine(pairIndex, codeLine);
    }

    @Override
    public boolean next() throws IOException, DxfSyntaxException {
        if (!readLine()) {
            return false;
        }
        pairIndex++;
        codeLine = line;
        code = parseGroupCode();
        type = DxfValueType.of(code);
        if (!readLine()) {
            throw new DxfSyntaxException(position(), "unexpected end of file: group code " + code
                    + " has no value line (odd number of lines)");
        }
        parseValue();
        return true;
    }

    /** Reads the next line into {@code [lineStart, lineEnd)}; false when the input has ended. */
    private boolean readLine() throws IOException, DxfSyntaxException {
        int scanned = 0;
        while (true) {
            for (int i = pos + scanned; i < limit; i++) {
                if (buf[i] == '\n') {
                    endLine(i, i + 1);
                    return true;
                }
            }
            scanned = limit - pos;
            if (scanned > MAX_VALUE_BYTES) {
                throw new DxfSyntaxException(DxfPosition.ofLine(pairIndex, line + 1),
                        "line longer than " + (MAX_VALUE_BYTES >> 20) + " MiB: not a DXF file?");
            }
            if (!fillMore()) {
                if (pos == limit) {
                    return false;
                }
                endLine(limit, limit);
                return true;
            }
        }
    }

    private void endLine(int end, int next) {
        lineStart = pos;
        while (end > lineStart && buf[end - 1] == '\r') {
            end--;
        }
        lineEnd = end;
        pos = next;
        line++;
    }

    private int parseGroupCode() throws DxfSyntaxException {
        int start = lineStart;
        int end = lineEnd;
        while (start < end && (buf[start] == ' ' || buf[start] == '\t')) {
            start++;
        }
        while (end > start && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
            end--;
        }
        boolean negative = start < end && buf[start] == '-';
        int first = negative ? start + 1 : start;
        if (first == end || end - first > 6) {
            throw notAGroupCode();
        }
        int value = 0;
        for (int i = first; i < end; i++) {
            byte b = buf[i];
            if (b < '0' || b > '9') {
                throw notAGroupCode();
            }
            value = value * 10 + (b - '0');
        }
        return negative ? -value : value;
    }

    private DxfSyntaxException notAGroupCode() {
        return new DxfSyntaxException(position(), "group code '" + excerpt(buf, lineStart, lineEnd)
                + "' is not an integer");
    }

    private void parseValue() throws DxfSyntaxException {
        int length = lineEnd - lineStart;
        switch (type) {
            case STRING -> stringValue = decoder.decode(buf, lineStart, length);
            case DOUBLE -> {
                try {
                    doubleValue = NumberParser.parseDouble(buf, lineStart, lineEnd);
                } catch (NumberFormatException e) {
                    throw badValue("is not a number");
                }
            }
            case INT16, INT32, INT64 -> longValue = checkedInteger(parseInteger(), valuePosition());
            case BOOLEAN -> longValue = parseInteger() != 0 ? 1 : 0;
            case BINARY -> bytesValue = parseHex();
            default -> throw new IllegalStateException("unhandled value type " + type);
        }
    }

    private long parseInteger() throws DxfSyntaxException {
        try {
            return NumberParser.parseLong(buf, lineStart, lineEnd);
        } catch (NumberFormatException e) {
            throw badValue("is not an integer");
        }
    }

    private byte[] parseHex() throws DxfSyntaxException {
        int start = lineStart;
        int end = lineEnd;
        while (start < end && buf[start] == ' ') {
            start++;
        }
        while (end > start && buf[end - 1] == ' ') {
            end--;
        }
        if ((end - start) % 2 != 0) {
            throw badValue("is not hexadecimal binary data (odd number of digits)");
        }
        byte[] bytes = new byte[(end - start) / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = hexDigit(buf[start + 2 * i]);
            int low = hexDigit(buf[start + 2 * i + 1]);
            if (high < 0 || low < 0) {
                throw badValue("is not hexadecimal binary data");
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    private static int hexDigit(byte b) {
        return b >= 0 && HexFormat.isHexDigit(b) ? HexFormat.fromHexDigit(b) : -1;
    }

    private DxfPosition valuePosition() {
        return DxfPosition.ofLine(pairIndex, line);
    }

    private DxfSyntaxException badValue(String problem) {
        return new DxfSyntaxException(valuePosition(), "value '" + excerpt(buf, lineStart, lineEnd) + "' of group code "
                + code + " " + problem);
    }
}
