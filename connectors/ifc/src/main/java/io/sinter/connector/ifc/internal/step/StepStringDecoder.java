package io.sinter.connector.ifc.internal.step;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Decodes the body of an ISO 10303-21 string (between the quotes) to Unicode, or only checks it.
 *
 * <ul>
 *   <li>{@code ''} is an apostrophe, {@code \\} a backslash;</li>
 *   <li>{@code \S\c} is the character {@code c + 128} of the current ISO 8859 code page, which is
 *       ISO 8859-1 at the start of each string and switched by {@code \PA\} to {@code \PI\}
 *       (ISO 8859-1 to 8859-9);</li>
 *   <li>{@code \X\hh} is the character U+00hh;</li>
 *   <li>{@code \X2\hhhh...\X0\} are UTF-16 code units, four hex digits each (surrogates must pair);</li>
 *   <li>{@code \X4\hhhhhhhh...\X0\} are code points, eight hex digits each.</li>
 * </ul>
 *
 * <p>Tolerated although not allowed by the standard, because real exporters write them: line breaks
 * inside a string are dropped (the standard says line breaks are not part of the exchange structure);
 * a backslash that starts none of the directives above is kept as it is (Windows paths written without
 * doubling); raw bytes from 0x80 are read as UTF-8 when they form a valid UTF-8 sequence, else as
 * ISO 8859-1. A malformed directive ({@code \X2\} with a bad hex digit, no {@code \X0\}, an unknown code
 * page) is an error.
 */
final class StepStringDecoder {

    /** Makes the exception for a problem at a buffer index. */
    @FunctionalInterface
    interface Errors {
        StepSyntaxException at(int index, String reason);
    }

    private static final int CODE_PAGES = 9;

    private final Errors errors;
    /** High halves (0xA0..0xFF) of ISO 8859-2..9, built on first use; index 0 (8859-1) is not needed. */
    private final char[][] highHalves = new char[CODE_PAGES][];
    private int codePage;

    StepStringDecoder(Errors errors) {
        this.errors = errors;
    }

    /**
     * Decodes {@code bytes[from, to)}, the raw string body in which apostrophes are doubled.
     *
     * @param out where to append the characters, or {@code null} to only check the string
     */
    void decode(byte[] bytes, int from, int to, StringBuilder out) throws StepSyntaxException {
        codePage = 0;
        int i = from;
        while (i < to) {
            int c = bytes[i] & 0xFF;
            if (c == '\\') {
                i = directive(bytes, i, to, out);
            } else if (c == '\'') {
                append(out, '\'');
                i += 2;
            } else if (c == '\n' || c == '\r') {
                i++;
            } else if (c >= 0x80) {
                i = raw(bytes, i, to, out);
            } else {
                append(out, (char) c);
                i++;
            }
        }
    }

    private int directive(byte[] bytes, int i, int to, StringBuilder out) throws StepSyntaxException {
        if (i + 1 < to && bytes[i + 1] == '\\') {
            append(out, '\\');
            return i + 2;
        }
        if (startsWith(bytes, i, to, "\\S\\")) {
            return page(bytes, i, to, out);
        }
        if (i + 3 < to && bytes[i + 1] == 'P' && bytes[i + 3] == '\\') {
            int page = bytes[i + 2];
            if (page < 'A' || page > 'I') {
                throw errors.at(i, "unknown code page \\P" + (char) (page & 0xFF) + "\\ (expected \\PA\\ to \\PI\\)");
            }
            codePage = page - 'A';
            return i + 4;
        }
        if (startsWith(bytes, i, to, "\\X\\")) {
            int value = i + 5 <= to ? (int) hex(bytes, i + 3, 2) : -1;
            if (value < 0) {
                throw errors.at(i, "\\X\\ must be followed by two hex digits");
            }
            append(out, (char) value);
            return i + 5;
        }
        if (startsWith(bytes, i, to, "\\X2\\")) {
            return utf16(bytes, i, to, out);
        }
        if (startsWith(bytes, i, to, "\\X4\\")) {
            return codePoints(bytes, i, to, out);
        }
        if (startsWith(bytes, i, to, "\\X0\\")) {
            throw errors.at(i, "\\X0\\ without an opening \\X2\\ or \\X4\\");
        }
        append(out, '\\');
        return i + 1;
    }

    private int page(byte[] bytes, int i, int to, StringBuilder out) throws StepSyntaxException {
        int at = i + 3;
        if (at >= to) {
            throw errors.at(i, "\\S\\ at the end of the string, a character must follow");
        }
        int c = bytes[at] & 0xFF;
        if (c < 0x20 || c > 0x7E) {
            throw errors.at(at, "\\S\\ must be followed by a printable ASCII character");
        }
        append(out, highHalf(c + 0x80, i));
        // an apostrophe is doubled in the file
        return c == '\'' ? at + 2 : at + 1;
    }

    private char highHalf(int code, int index) throws StepSyntaxException {
        if (codePage == 0) {
            return (char) code;
        }
        char[] half = highHalves[codePage];
        if (half == null) {
            half = buildHighHalf(codePage, index);
            highHalves[codePage] = half;
        }
        char decoded = half[code - 0xA0];
        if (decoded == '\uFFFD') {
            throw errors.at(index, "\\S\\" + (char) (code - 0x80) + " is undefined in ISO 8859-" + (codePage + 1));
        }
        return decoded;
    }

    private char[] buildHighHalf(int page, int index) throws StepSyntaxException {
        String name = "ISO-8859-" + (page + 1);
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw errors.at(index, "code page " + name + " is not available in this Java runtime");
        }
        byte[] high = new byte[0x60];
        for (int b = 0; b < high.length; b++) {
            high[b] = (byte) (0xA0 + b);
        }
        char[] decoded = new String(high, charset).toCharArray();
        if (decoded.length != high.length) {
            throw errors.at(index, "code page " + name + " does not decode byte for byte");
        }
        return decoded;
    }

    private int utf16(byte[] bytes, int i, int to, StringBuilder out) throws StepSyntaxException {
        int j = i + 4;
        int pendingHigh = -1;
        while (!startsWith(bytes, j, to, "\\X0\\")) {
            int unit = j + 4 <= to ? (int) hex(bytes, j, 4) : -1;
            if (unit < 0) {
                throw errors.at(j, j + 4 <= to && bytes[j] != '\\'
                        ? "\\X2\\ expects groups of four hex digits"
                        : "\\X2\\ sequence not closed by \\X0\\");
            }
            if (Character.isHighSurrogate((char) unit)) {
                if (pendingHigh >= 0) {
                    throw errors.at(j, "\\X2\\ high surrogate not followed by a low surrogate");
                }
                pendingHigh = unit;
            } else if (Character.isLowSurrogate((char) unit)) {
                if (pendingHigh < 0) {
                    throw errors.at(j, "\\X2\\ low surrogate without a high surrogate");
                }
                append(out, (char) pendingHigh);
                append(out, (char) unit);
                pendingHigh = -1;
            } else {
                if (pendingHigh >= 0) {
                    throw errors.at(j, "\\X2\\ high surrogate not followed by a low surrogate");
                }
                append(out, (char) unit);
            }
            j += 4;
        }
        if (pendingHigh >= 0) {
            throw errors.at(j, "\\X2\\ high surrogate not followed by a low surrogate");
        }
        return j + 4;
    }

    private int codePoints(byte[] bytes, int i, int to, StringBuilder out) throws StepSyntaxException {
        int j = i + 4;
        while (!startsWith(bytes, j, to, "\\X0\\")) {
            long codePoint = j + 8 <= to ? hex(bytes, j, 8) : -1;
            if (codePoint < 0) {
                throw errors.at(j, j + 8 <= to && bytes[j] != '\\'
                        ? "\\X4\\ expects groups of eight hex digits"
                        : "\\X4\\ sequence not closed by \\X0\\");
            }
            if (codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                throw errors.at(j, "\\X4\\ value " + Long.toHexString(codePoint).toUpperCase() + " is not a Unicode code point");
            }
            if (out != null) {
                out.appendCodePoint((int) codePoint);
            }
            j += 8;
        }
        return j + 4;
    }

    /** Appends a raw byte from 0x80 on, with the UTF-8 sequence it starts if it starts one. */
    private static int raw(byte[] bytes, int i, int to, StringBuilder out) {
        int lead = bytes[i] & 0xFF;
        int continuation;
        int codePoint;
        int minimum;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuation = 1;
            codePoint = lead & 0x1F;
            minimum = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuation = 2;
            codePoint = lead & 0x0F;
            minimum = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuation = 3;
            codePoint = lead & 0x07;
            minimum = 0x10000;
        } else {
            append(out, (char) lead);
            return i + 1;
        }
        if (i + continuation >= to) {
            append(out, (char) lead);
            return i + 1;
        }
        for (int k = 1; k <= continuation; k++) {
            int b = bytes[i + k] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                append(out, (char) lead);
                return i + 1;
            }
            codePoint = (codePoint << 6) | (b & 0x3F);
        }
        if (codePoint < minimum || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            append(out, (char) lead);
            return i + 1;
        }
        if (out != null) {
            out.appendCodePoint(codePoint);
        }
        return i + continuation + 1;
    }

    /** @return the value of {@code count} hex digits at {@code from}, or -1 if one is not a hex digit */
    private static long hex(byte[] bytes, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static boolean startsWith(byte[] bytes, int i, int to, String ascii) {
        if (i + ascii.length() > to) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (bytes[i + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static void append(StringBuilder out, char c) {
        if (out != null) {
            out.append(c);
        }
    }
}
