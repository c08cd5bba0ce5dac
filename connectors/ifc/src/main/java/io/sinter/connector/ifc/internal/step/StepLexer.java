package io.sinter.connector.ifc.internal.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits ISO 10303-21 bytes into tokens. Works on a byte buffer refilled in large blocks from a
 * {@link ByteSource}, or on a fixed byte array; never builds a String per line or per token. Tracks the
 * 1-based line (counting {@code '\n'}) and the absolute byte offset of every token, skips white space and
 * {@code /* ... *&#47;} comments anywhere between tokens.
 *
 * <p>Token values are converted only on request ({@link #longValue()}, {@link #stringValue()}, ...), so a
 * caller that only validates the structure pays for scanning alone. Not thread-safe.
 */
final class StepLexer {

    static final int EOF = 0;
    static final int KEYWORD = 1;
    static final int INSTANCE_NAME = 2;
    static final int INTEGER = 3;
    static final int REAL = 4;
    static final int STRING = 5;
    static final int ENUMERATION = 6;
    static final int BINARY = 7;
    static final int LPAREN = 8;
    static final int RPAREN = 9;
    static final int COMMA = 10;
    static final int SEMICOLON = 11;
    static final int EQUALS = 12;
    static final int DOLLAR = 13;
    static final int STAR = 14;

    /** Read block size used for files. */
    static final int DEFAULT_BUFFER_SIZE = 1 << 16;
    /** A single token (in practice, a string) longer than this is refused rather than buffered. */
    static final int MAX_TOKEN_BYTES = 1 << 28;

    private static final long MAX_BEFORE_LAST_DIGIT = Long.MAX_VALUE / 10;
    private static final int MAX_LAST_DIGIT = '0' + (int) (Long.MAX_VALUE % 10);
    private static final int STRING_QUOTE = 1;
    private static final int STRING_ESCAPE = 2;
    private static final int STRING_HIGH = 4;
    private static final int STRING_LINE_BREAK = 8;
    private static final int DESCRIBED_TOKEN_BYTES = 40;

    private final ByteSource source;
    private final StepStringDecoder decoder = new StepStringDecoder(this::errorAtIndex);
    private final StringBuilder text = new StringBuilder();
    private byte[] buf;
    private int pos;
    private int limit;
    /** Absolute offset of {@code buf[0]}. */
    private long base;
    private int line = 1;
    private boolean exhausted;

    private int kind = EOF;
    private int tokenStart;
    private int tokenEnd;
    private int tokenLine = 1;
    private long instanceId;
    private int stringFlags;
    private boolean keywordHasDash;
    private long contextId = -1;

    /** A lexer over {@code source}, read in blocks of {@code bufferSize} bytes. */
    StepLexer(ByteSource source, int bufferSize) {
        this.source = source;
        this.buf = new byte[bufferSize];
    }

    /** A lexer over a fixed array, see {@link #reset}. */
    StepLexer() {
        this.source = null;
        this.buf = new byte[0];
        this.exhausted = true;
    }

    /**
     * Lexes {@code data[from, to)} next: a piece of a file that starts at byte {@code fileOffset} on line
     * {@code firstLine}. Only for a lexer made without a source.
     */
    void reset(byte[] data, int from, int to, long fileOffset, int firstLine) {
        buf = data;
        pos = from;
        limit = to;
        base = fileOffset - from;
        line = firstLine;
        kind = EOF;
        tokenStart = from;
        tokenEnd = from;
        tokenLine = firstLine;
        contextId = -1;
    }

    /** Skips a UTF-8 byte order mark at the very start of the input. */
    void skipByteOrderMark() throws IOException, StepSyntaxException {
        if (base != 0 || pos != 0) {
            return;
        }
        tokenStart = 0;
        while (limit < 3 && refill()) {
            // a stream may hand out fewer bytes than asked for
        }
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    /** Sets the instance id that errors report, or -1 for none. */
    void setContextId(long id) {
        contextId = id;
    }

    /** Reads the next token and returns its kind. */
    int next() throws IOException, StepSyntaxException {
        int p = pos;
        int c;
        for (;;) {
            if (p >= limit) {
                tokenStart = p;
                p = fill(p);
                if (p >= limit) {
                    pos = p;
                    tokenStart = p;
                    tokenEnd = p;
                    tokenLine = line;
                    return kind = EOF;
                }
            }
            c = buf[p];
            if (c == ' ' || c == '\r' || c == '\t' || c == '\f') {
                p++;
            } else if (c == '\n') {
                line++;
                p++;
            } else if (c == '/') {
                p = skipComment(p);
            } else {
                break;
            }
        }
        tokenStart = p;
        tokenLine = line;
        switch (c) {
            case '(':
                return single(p, LPAREN);
            case ')':
                return single(p, RPAREN);
            case ',':
                return single(p, COMMA);
            case ';':
                return single(p, SEMICOLON);
            case '=':
                return single(p, EQUALS);
            case '$':
                return single(p, DOLLAR);
            case '*':
                return single(p, STAR);
            case '#':
                return instanceName();
            case '\'':
                return string(p);
            case '.':
                return enumeration();
            case '"':
                return binary();
            default:
                if (isDigit(c) || c == '-' || c == '+') {
                    return number();
                }
                if (isLetter(c) || c == '_' || c == '!') {
                    return keyword(p);
                }
                throw error(line, base + p, "unexpected character " + describeByte(c));
        }
    }

    int tokenLine() {
        return tokenLine;
    }

    long tokenOffset() {
        return base + tokenStart;
    }

    /** @return absolute offset just after the current token */
    long endOffset() {
        return base + tokenEnd;
    }

    /** @return the id of an {@link #INSTANCE_NAME} token */
    long instanceId() {
        return instanceId;
    }

    /** @return whether the current {@link #KEYWORD} contains a '-' (allowed only in file keywords) */
    boolean keywordHasDash() {
        return keywordHasDash;
    }

    /** @return whether the current {@link #KEYWORD} is {@code upperCase}, compared without case */
    boolean keywordIs(String upperCase) {
        if (kind != KEYWORD || tokenEnd - tokenStart != upperCase.length()) {
            return false;
        }
        for (int i = 0; i < upperCase.length(); i++) {
            int b = buf[tokenStart + i];
            if (b >= 'a' && b <= 'z') {
                b -= 'a' - 'A';
            }
            if (b != upperCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** @return the code of the current {@link #KEYWORD} in {@code names} */
    int keywordCode(NameTable names) {
        return names.code(buf, tokenStart, tokenEnd);
    }

    /** @return the code of the literal (without dots) of the current {@link #ENUMERATION} */
    int enumerationCode(NameTable names) {
        return names.code(buf, tokenStart + 1, tokenEnd - 1);
    }

    long longValue() throws StepSyntaxException {
        Long value = StepNumbers.parseInteger(buf, tokenStart, tokenEnd);
        if (value == null) {
            throw errorAtToken("integer " + tokenText() + " does not fit in 64 bits");
        }
        return value;
    }

    double doubleValue() {
        return StepNumbers.parseReal(buf, tokenStart, tokenEnd);
    }

    /** @return the decoded value of the current {@link #STRING} */
    String stringValue() throws StepSyntaxException {
        int from = tokenStart + 1;
        int to = tokenEnd - 1;
        if (stringFlags == 0) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        text.setLength(0);
        decoder.decode(buf, from, to, text);
        return text.toString();
    }

    /** Checks the escapes of the current {@link #STRING} without building it. */
    void validateString() throws StepSyntaxException {
        if ((stringFlags & ~STRING_QUOTE) != 0) {
            decoder.decode(buf, tokenStart + 1, tokenEnd - 1, null);
        }
    }

    StepBinary binaryValue() {
        String hex = new String(buf, tokenStart + 1, tokenEnd - tokenStart - 2, StandardCharsets.ISO_8859_1);
        return new StepBinary(hex.toUpperCase(Locale.ROOT));
    }

    /** @return the current token for an error message: {@code ';'}, {@code 'IFCWALL'}, {@code end of file} */
    String describeToken() {
        switch (kind) {
            case EOF:
                return "end of file";
            case STRING:
                return "string " + tokenText();
            default:
                return "'" + tokenText() + "'";
        }
    }

    /** @return how a token kind reads in an error message */
    static String describeKind(int kind) {
        switch (kind) {
            case LPAREN:
                return "'('";
            case RPAREN:
                return "')'";
            case COMMA:
                return "','";
            case SEMICOLON:
                return "';'";
            case EQUALS:
                return "'='";
            default:
                return "token kind " + kind;
        }
    }

    /** @return an exception at the current token */
    StepSyntaxException errorAtToken(String reason) {
        return error(tokenLine, base + tokenStart, reason);
    }

    /** @return an exception at {@code index} of the buffer, inside or at the start of the current token */
    StepSyntaxException errorAtIndex(int index, String reason) {
        int at = tokenLine;
        for (int i = tokenStart; i < index; i++) {
            if (buf[i] == '\n') {
                at++;
            }
        }
        return error(at, base + index, reason);
    }

    private StepSyntaxException error(int atLine, long offset, String reason) {
        return new StepSyntaxException(reason, atLine, offset, contextId);
    }

    private int single(int p, int tokenKind) {
        tokenEnd = p + 1;
        pos = tokenEnd;
        return kind = tokenKind;
    }

    private int skipComment(int p) throws IOException, StepSyntaxException {
        int startLine = line;
        long startOffset = base + p;
        tokenStart = p;
        if (p + 1 >= limit) {
            p = fill(p);
        }
        if (p + 1 >= limit || buf[p + 1] != '*') {
            throw error(startLine, startOffset, "unexpected character '/'");
        }
        p += 2;
        boolean star = false;
        for (;;) {
            if (p >= limit) {
                tokenStart = p;
                p = fill(p);
                if (p >= limit) {
                    throw error(startLine, startOffset, "comment not closed by '*/' before the end of the file");
                }
            }
            byte c = buf[p++];
            if (c == '/' && star) {
                return p;
            }
            star = c == '*';
            if (c == '\n') {
                line++;
            }
        }
    }

    private int instanceName() throws IOException, StepSyntaxException {
        int n = 1;
        long value = 0;
        int c;
        while (isDigit(c = peek(n))) {
            if (value >= MAX_BEFORE_LAST_DIGIT && (value > MAX_BEFORE_LAST_DIGIT || c > MAX_LAST_DIGIT)) {
                endToken(n, INSTANCE_NAME);
                throw errorAtToken("instance name " + tokenText() + "... is too large");
            }
            value = value * 10 + (c - '0');
            n++;
        }
        if (n == 1) {
            endToken(n, INSTANCE_NAME);
            throw errorAtToken("expected digits after '#'");
        }
        instanceId = value;
        return endToken(n, INSTANCE_NAME);
    }

    private int number() throws IOException, StepSyntaxException {
        int tokenKind = INTEGER;
        int n = 0;
        int c = peek(n);
        if (c == '-' || c == '+') {
            c = peek(++n);
        }
        int digits = 0;
        while (isDigit(c)) {
            digits++;
            c = peek(++n);
        }
        if (digits == 0) {
            endToken(n, tokenKind);
            throw errorAtToken("expected a digit after the sign");
        }
        if (c == '.') {
            tokenKind = REAL;
            do {
                c = peek(++n);
            } while (isDigit(c));
        }
        if (c == 'E' || c == 'e') {
            tokenKind = REAL;
            c = peek(++n);
            if (c == '-' || c == '+') {
                c = peek(++n);
            }
            int exponentDigits = 0;
            while (isDigit(c)) {
                exponentDigits++;
                c = peek(++n);
            }
            if (exponentDigits == 0) {
                endToken(n, tokenKind);
                throw errorAtToken("malformed real " + tokenText() + ": exponent without digits");
            }
        }
        endToken(n, tokenKind);
        if (tokenKind == INTEGER && digits >= 19) {
            longValue();
        }
        return tokenKind;
    }

    private int keyword(int p) throws IOException, StepSyntaxException {
        p++;
        boolean dash = false;
        for (;;) {
            if (p >= limit && (p = fill(p)) >= limit) {
                break;
            }
            int c = buf[p];
            if (isLetter(c) || isDigit(c) || c == '_') {
                p++;
            } else if (c == '-') {
                dash = true;
                p++;
            } else {
                break;
            }
        }
        keywordHasDash = dash;
        tokenEnd = pos = p;
        return kind = KEYWORD;
    }

    private int enumeration() throws IOException, StepSyntaxException {
        int n = 1;
        int c;
        while (isLetter(c = peek(n)) || isDigit(c) || c == '_') {
            n++;
        }
        if (n == 1 || c != '.') {
            endToken(c == '.' ? n + 1 : n, ENUMERATION);
            throw errorAtToken("malformed enumeration " + tokenText() + " (expected .NAME.)");
        }
        return endToken(n + 1, ENUMERATION);
    }

    private int binary() throws IOException, StepSyntaxException {
        int n = 1;
        int c;
        while (Character.digit(c = peek(n), 16) >= 0) {
            n++;
        }
        int digits = n - 1;
        int first = digits == 0 ? -1 : buf[tokenStart + 1];
        if (c != '"' || digits == 0 || first < '0' || first > '3' || (digits == 1 && first != '0')) {
            endToken(c == '"' ? n + 1 : n, BINARY);
            throw errorAtToken("malformed binary " + tokenText()
                    + " (expected \"n...\": hex digits after n = 0..3 unused bits)");
        }
        return endToken(n + 1, BINARY);
    }

    private int string(int p) throws IOException, StepSyntaxException {
        p++;
        int flags = 0;
        for (;;) {
            if (p >= limit && (p = fill(p)) >= limit) {
                throw errorAtToken("string not closed by an apostrophe before the end of the file");
            }
            int c = buf[p++];
            if (c >= 0x20 && c != '\'' && c != '\\') {
                continue;
            }
            if (c == '\'') {
                if (p >= limit) {
                    p = fill(p);
                }
                if (p < limit && buf[p] == '\'') {
                    flags |= STRING_QUOTE;
                    p++;
                    continue;
                }
                break;
            }
            if (c == '\\') {
                flags |= STRING_ESCAPE;
            } else if (c < 0) {
                flags |= STRING_HIGH;
            } else if (c == '\n') {
                flags |= STRING_LINE_BREAK;
                line++;
            } else if (c == '\r') {
                flags |= STRING_LINE_BREAK;
            } else if (c != '\t') {
                throw errorAtIndex(p - 1, "control character " + describeByte(c) + " in a string");
            }
        }
        stringFlags = flags;
        tokenEnd = pos = p;
        return kind = STRING;
    }

    /**
     * @return the byte {@code n} bytes into the current token (0..255), reading more input if needed, or
     *     -1 at the end of the input. Indexing from {@code tokenStart} stays right when a refill moves the
     *     buffer contents.
     */
    private int peek(int n) throws IOException, StepSyntaxException {
        if (tokenStart + n >= limit) {
            refill();
            if (tokenStart + n >= limit) {
                return -1;
            }
        }
        return buf[tokenStart + n] & 0xFF;
    }

    private int endToken(int length, int tokenKind) {
        tokenEnd = tokenStart + length;
        pos = tokenEnd;
        return kind = tokenKind;
    }

    /**
     * Makes more input available after {@code p}, keeping the bytes from {@code tokenStart}.
     *
     * @return {@code p} adjusted to where that byte now is; still {@code >= limit} at the end of input
     */
    private int fill(int p) throws IOException, StepSyntaxException {
        int relative = p - tokenStart;
        refill();
        return tokenStart + relative;
    }

    private boolean refill() throws IOException, StepSyntaxException {
        if (exhausted) {
            return false;
        }
        if (tokenStart > 0) {
            int keep = limit - tokenStart;
            System.arraycopy(buf, tokenStart, buf, 0, keep);
            base += tokenStart;
            pos -= tokenStart;
            tokenEnd -= tokenStart;
            limit = keep;
            tokenStart = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_TOKEN_BYTES) {
                throw errorAtToken("token longer than " + (MAX_TOKEN_BYTES >> 20) + " MiB");
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_TOKEN_BYTES, Math.max(16, buf.length * 2)));
        }
        int read;
        do {
            read = source.read(buf, limit, buf.length - limit);
        } while (read == 0);
        if (read < 0) {
            exhausted = true;
            return false;
        }
        limit += read;
        return true;
    }

    private String tokenText() {
        int length = Math.max(0, Math.min(tokenEnd, limit) - tokenStart);
        if (length <= DESCRIBED_TOKEN_BYTES) {
            return new String(buf, tokenStart, length, StandardCharsets.ISO_8859_1);
        }
        return new String(buf, tokenStart, DESCRIBED_TOKEN_BYTES, StandardCharsets.ISO_8859_1) + "...";
    }

    private static String describeByte(int c) {
        int b = c & 0xFF;
        if (b >= 0x21 && b <= 0x7E) {
            return "'" + (char) b + "'";
        }
        return String.format("0x%02X", b);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
