package io.sinter.connector.dxf.internal.reader;

import java.nio.charset.StandardCharsets;

/**
 * Parses DXF numbers straight from ASCII bytes, without building a String on the common path. Accepts surrounding
 * blanks, an optional sign, decimal digits with an optional fraction and exponent; rejects everything else
 * (including {@code NaN}, {@code Infinity}, hexadecimal and Java suffixes such as {@code 1d}).
 */
final class NumberParser {
    /**
     * Powers of ten that are exact in a double: an integer mantissa of at most 2^53 multiplied or divided by one of
     * them is correctly rounded (Clinger's fast path), so most DXF coordinates need no {@link Double#parseDouble}.
     */
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final int MAX_MANTISSA_DIGITS = 18;

    private NumberParser() {
    }

    /**
     * @return the double written in {@code bytes[from, to)}
     * @throws NumberFormatException when it is not a finite decimal number
     */
    static double parseDouble(byte[] bytes, int from, int to) {
        int start = skipBlanks(bytes, from, to);
        int end = trimBlanks(bytes, start, to);
        int i = start;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significantDigits = 0;
        int exponent = 0;
        boolean anyDigit = false;
        for (; i < end && isDigit(bytes[i]); i++) {
            anyDigit = true;
            if (significantDigits < MAX_MANTISSA_DIGITS) {
                mantissa = mantissa * 10 + (bytes[i] - '0');
                significantDigits += mantissa == 0 ? 0 : 1;
            } else {
                exponent++;
            }
        }
        if (i < end && bytes[i] == '.') {
            for (i++; i < end && isDigit(bytes[i]); i++) {
                anyDigit = true;
                if (significantDigits < MAX_MANTISSA_DIGITS) {
                    mantissa = mantissa * 10 + (bytes[i] - '0');
                    significantDigits += mantissa == 0 ? 0 : 1;
                    exponent--;
                }
            }
        }
        if (!anyDigit) {
            throw new NumberFormatException();
        }
        boolean truncated = significantDigits >= MAX_MANTISSA_DIGITS;
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            if (i == end) {
                throw new NumberFormatException();
            }
            int written = 0;
            for (; i < end && isDigit(bytes[i]); i++) {
                written = Math.min(written * 10 + (bytes[i] - '0'), 100_000);
            }
            exponent += negativeExponent ? -written : written;
        }
        if (i != end) {
            throw new NumberFormatException();
        }
        if (!truncated && mantissa <= MAX_EXACT_MANTISSA && Math.abs(exponent) < EXACT_POWERS_OF_TEN.length) {
            double value = exponent >= 0
                    ? mantissa * EXACT_POWERS_OF_TEN[exponent]
                    : mantissa / EXACT_POWERS_OF_TEN[-exponent];
            return negative ? -value : value;
        }
        double value = Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        if (Double.isInfinite(value)) {
            throw new NumberFormatException();
        }
        return value;
    }

    /**
     * @return the integer written in {@code bytes[from, to)}; a number with a zero fraction such as {@code 1.0}
     *         (written by some programs for integer groups) is accepted
     * @throws NumberFormatException when it is not an integer in the range of a long
     */
    static long parseLong(byte[] bytes, int from, int to) {
        int start = skipBlanks(bytes, from, to);
        int end = trimBlanks(bytes, start, to);
        int i = start;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        if (i == end) {
            throw new NumberFormatException();
        }
        long value = 0;
        for (; i < end && isDigit(bytes[i]); i++) {
            int digit = bytes[i] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw new NumberFormatException();
            }
            value = value * 10 + digit;
        }
        if (i != end) {
            double real = parseDouble(bytes, start, end);
            if (real != Math.rint(real) || Math.abs(real) > 0x1p62) {
                throw new NumberFormatException();
            }
            return (long) real;
        }
        return negative ? -value : value;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static int skipBlanks(byte[] bytes, int from, int to) {
        while (from < to && isBlank(bytes[from])) {
            from++;
        }
        return from;
    }

    private static int trimBlanks(byte[] bytes, int from, int to) {
        while (to > from && isBlank(bytes[to - 1])) {
            to--;
        }
        return to;
    }
}
