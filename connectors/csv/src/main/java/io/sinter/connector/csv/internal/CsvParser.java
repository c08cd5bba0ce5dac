package io.sinter.connector.csv.internal;

import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Position;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A streaming RFC 4180 record reader over a {@link Reader}, one record per {@link #next()} call.
 *
 * <ul>
 *   <li>Fields are separated by one delimiter character; records end at CR LF, LF or a lone CR.</li>
 *   <li>A field that starts with {@code "} (after optional spaces) is quoted: it may contain the
 *       delimiter, line breaks and doubled quotes {@code ""} standing for one quote. Line breaks inside
 *       a quoted field are returned as {@code \n} whatever the file uses, so re-saving a file with other
 *       line endings does not change its values. Text after the closing quote is appended as written
 *       (as spreadsheet programs do); a quote inside an unquoted field is an ordinary character.</li>
 *   <li>Unquoted fields lose their leading and trailing spaces; quoted content is kept as written.</li>
 *   <li>Empty lines are skipped; a byte order mark ({@code U+FEFF}) at the start is dropped.</li>
 *   <li>Without a configured delimiter, the first non-empty line decides: the most frequent of comma,
 *       semicolon and tab outside quotes (ties in that order), else the fallback.</li>
 * </ul>
 *
 * Lines are physical 1-based lines of the file. End of input inside a quoted field and undecodable bytes
 * are {@link ConnectorException.Kind#CORRUPT} failures with their line. Not thread-safe; the fields of a
 * record are valid until the next call of {@link #next()}.
 */
final class CsvParser {
    /** Default size of the character buffer. */
    static final int DEFAULT_BUFFER_SIZE = 1 << 16;
    /** Delimiter detection looks at no more than this many characters of the header line. */
    private static final int MAX_DETECTION_CHARS = 1 << 20;
    private static final char[] CANDIDATES = {',', ';', '\t'};

    private final Reader reader;
    private final char fallbackDelimiter;
    private char delimiter;
    private char[] buf;
    private int pos;
    private int limit;
    private boolean started;

    private long line = 1;
    private long recordLine;
    private String[] fields = new String[16];
    private int fieldCount;

    /** Characters of the current field when it cannot be taken from {@link #buf} in one piece. */
    private char[] field = new char[256];
    private int fieldLength;

    /**
     * @param reader the characters; the parser does not close it
     * @param delimiter the delimiter, or 0 to detect it from the first non-empty line
     * @param fallbackDelimiter the delimiter when detection finds none of the candidates
     */
    CsvParser(Reader reader, char delimiter, char fallbackDelimiter) {
        this(reader, delimiter, fallbackDelimiter, DEFAULT_BUFFER_SIZE);
    }

    /** As {@link #CsvParser(Reader, char, char)} with a given initial buffer size (tests use tiny ones). */
    CsvParser(Reader reader, char delimiter, char fallbackDelimiter, int bufferSize) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == ' ') {
            throw new IllegalArgumentException("unusable delimiter U+" + Integer.toHexString(delimiter));
        }
        this.reader = reader;
        this.delimiter = delimiter;
        this.fallbackDelimiter = fallbackDelimiter;
        this.buf = new char[Math.max(bufferSize, 2)];
    }

    /** @return the delimiter in use; after the first {@link #next()} also when it was detected */
    char delimiter() {
        return delimiter;
    }

    /** @return the number of fields of the current record (at least 1) */
    int fieldCount() {
        return fieldCount;
    }

    /** @return field {@code index} of the current record; never null, empty when the field is empty */
    String field(int index) {
        if (index >= fieldCount) {
            throw new IndexOutOfBoundsException(index);
        }
        return fields[index];
    }

    /** @return the physical line where the current record starts */
    long line() {
        return recordLine;
    }

    /**
     * Reads the next non-empty record.
     *
     * @return false at end of input
     * @throws ConnectorException CORRUPT at end of input inside a quoted field or at undecodable bytes
     * @throws IOException when reading fails otherwise
     */
    boolean next() throws IOException, ConnectorException {
        if (!started) {
            start();
        }
        fieldCount = 0;
        for (;;) {
            if (pos >= limit && !fill()) {
                return false;
            }
            char c = buf[pos];
            if (c == '\n') {
                pos++;
                line++;
            } else if (c == '\r') {
                pos++;
                line++;
                skipLineFeed();
            } else {
                break;
            }
        }
        recordLine = line;
        while (readField()) {
            // readField appended one field and saw a delimiter: the record goes on
        }
        return true;
    }

    private void start() throws IOException, ConnectorException {
        started = true;
        if (fill() && buf[pos] == '\uFEFF') {
            pos++;
        }
        if (delimiter == 0) {
            delimiter = detectDelimiter();
        }
    }

    /** Reads one field into {@link #fields}; returns true when a delimiter follows it. */
    private boolean readField() throws IOException, ConnectorException {
        fieldLength = 0;
        for (;;) {
            if (pos >= limit && !fill()) {
                addField("");
                return false;
            }
            if (buf[pos] != ' ') {
                break;
            }
            pos++;
        }
        int keep = 0;
        if (buf[pos] == '"') {
            pos++;
            readQuoted();
            keep = fieldLength;
        }
        final char d = delimiter;
        for (;;) {
            if (pos >= limit && !fill()) {
                addField(fromField(keep));
                return false;
            }
            final char[] b = buf;
            final int lim = limit;
            final int start = pos;
            int p = start;
            while (p < lim) {
                char c = b[p];
                if (c == d || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            pos = p;
            if (p == lim) {
                append(b, start, p - start);
                continue;
            }
            if (fieldLength == 0 && keep == 0) {
                int end = p;
                while (end > start && b[end - 1] == ' ') {
                    end--;
                }
                addField(end == start ? "" : new String(b, start, end - start));
            } else {
                append(b, start, p - start);
                addField(fromField(keep));
            }
            char c = b[p];
            pos = p + 1;
            if (c == d) {
                return true;
            }
            line++;
            if (c == '\r') {
                skipLineFeed();
            }
            return false;
        }
    }

    /** Reads a quoted field's content after its opening quote, up to and including the closing quote. */
    private void readQuoted() throws IOException, ConnectorException {
        final long startLine = line;
        for (;;) {
            if (pos >= limit && !fill()) {
                throw new ConnectorException(ConnectorException.Kind.CORRUPT,
                        "Unbalanced quote: the quoted field starting on line " + startLine + " is not closed before the end of the file",
                        Position.line(startLine));
            }
            final char[] b = buf;
            final int lim = limit;
            final int start = pos;
            int p = start;
            char c = 0;
            while (p < lim) {
                c = b[p];
                if (c == '"' || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            append(b, start, p - start);
            pos = p;
            if (p == lim) {
                continue;
            }
            pos++;
            if (c == '"') {
                if (pos >= limit && !fill()) {
                    return;
                }
                if (buf[pos] != '"') {
                    return;
                }
                pos++;
                append('"');
            } else {
                line++;
                append('\n');
                if (c == '\r') {
                    skipLineFeed();
                }
            }
        }
    }

    /** After a CR: consumes an LF that directly follows it. */
    private void skipLineFeed() throws IOException, ConnectorException {
        if ((pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
    }

    private String fromField(int keep) {
        int end = fieldLength;
        while (end > keep && field[end - 1] == ' ') {
            end--;
        }
        return end == 0 ? "" : new String(field, 0, end);
    }

    private void append(char[] source, int offset, int length) {
        if (length == 0) {
            return;
        }
        ensureFieldCapacity(fieldLength + length);
        System.arraycopy(source, offset, field, fieldLength, length);
        fieldLength += length;
    }

    private void append(char c) {
        ensureFieldCapacity(fieldLength + 1);
        field[fieldLength++] = c;
    }

    private void ensureFieldCapacity(int capacity) {
        if (capacity > field.length) {
            field = Arrays.copyOf(field, Math.max(capacity, field.length * 2));
        }
    }

    private void addField(String value) {
        if (fieldCount == fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[fieldCount++] = value;
    }

    /**
     * Picks the delimiter from the first non-empty line without consuming it. An undecodable byte ends the
     * look-ahead early; the parser reports it when it gets there.
     */
    private char detectDelimiter() throws IOException {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        boolean content = false;
        int offset = 0;
        for (;;) {
            if (pos + offset >= limit) {
                if (offset >= MAX_DETECTION_CHARS || !fillForDetection()) {
                    break;
                }
                continue;
            }
            char c = buf[pos + offset++];
            if (c == '"') {
                quoted = !quoted;
                content = true;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    if (content) {
                        break;
                    }
                } else {
                    content = true;
                    for (int i = 0; i < CANDIDATES.length; i++) {
                        if (c == CANDIDATES[i]) {
                            counts[i]++;
                        }
                    }
                }
            }
        }
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? fallbackDelimiter : CANDIDATES[best];
    }

    private boolean fillForDetection() throws IOException {
        try {
            return fillRaw();
        } catch (DecodingReader.UndecodableInputException e) {
            return false;
        }
    }

    /** Reads more characters, keeping the unread ones; turns undecodable input into a CORRUPT failure. */
    private boolean fill() throws IOException, ConnectorException {
        try {
            return fillRaw();
        } catch (DecodingReader.UndecodableInputException e) {
            throw new ConnectorException(ConnectorException.Kind.CORRUPT, e.getMessage(),
                    new Position(line, -1, e.byteOffset(), null), e);
        }
    }

    private boolean fillRaw() throws IOException {
        int unread = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, unread);
            pos = 0;
            limit = unread;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        do {
            n = reader.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }
}
