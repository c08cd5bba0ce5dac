package io.sinter.connector.ifc.internal.step;

import java.nio.charset.StandardCharsets;

/**
 * Converts INTEGER and REAL tokens, already checked by the lexer, from bytes without building a String
 * in the common case.
 */
final class StepNumbers {

    /** Powers of ten that a double holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final long EXACT_MANTISSA_LIMIT = 1L << 53;

    private StepNumbers() {
    }

    /**
     * @param bytes an optional sign followed by decimal digits
     * @return the value, or {@code null} when it does not fit a long
     */
    static Long parseInteger(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = bytes[i] == '-';
        if (bytes[i] == '-' || bytes[i] == '+') {
            i++;
        }
        // accumulate negatively so that Long.MIN_VALUE fits
        long value = 0;
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                return null;
            }
            value = value * 10 - digit;
        }
        if (negative) {
            return value;
        }
        return value == Long.MIN_VALUE ? null : -value;
    }

    /**
     * Parses {@code [sign] digits [. digits] [E [sign] digits]}. Uses exact double arithmetic when the
     * significant digits form an integer below 2<sup>53</sup> and the decimal exponent is small (both
     * operands are then exact doubles, so the one division or multiplication is correctly rounded: the
     * same result as {@link Double#parseDouble}), and {@link Double#parseDouble} otherwise.
     */
    static double parseReal(byte[] bytes, int from, int to) {
        int i = from;
        boolean negative = bytes[i] == '-';
        if (bytes[i] == '-' || bytes[i] == '+') {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        for (; i < to && isDigit(bytes[i]); i++) {
            if (mantissa != 0 || bytes[i] != '0') {
                mantissa = mantissa * 10 + (bytes[i] - '0');
                digits++;
            }
        }
        if (i < to && bytes[i] == '.') {
            for (i++; i < to && isDigit(bytes[i]); i++) {
                if (mantissa != 0 || bytes[i] != '0') {
                    mantissa = mantissa * 10 + (bytes[i] - '0');
                    digits++;
                }
                exponent--;
            }
        }
        if (digits > 18) {
            // the mantissa may have overflowed; up to 18 digits it is exact and checked below
            return slowPath(bytes, from, to);
        }
        if (i < to) {
            // 'E' or 'e', then an optional sign and at least one digit
            i++;
            boolean negativeExponent = bytes[i] == '-';
            if (bytes[i] == '-' || bytes[i] == '+') {
                i++;
            }
            int written = 0;
            for (; i < to; i++) {
                if (written > 1000) {
                    return slowPath(bytes, from, to);
                }
                written = written * 10 + (bytes[i] - '0');
            }
            exponent += negativeExponent ? -written : written;
        }
        double value;
        if (mantissa == 0) {
            value = 0.0;
        } else if (mantissa < EXACT_MANTISSA_LIMIT && exponent >= -22 && exponent <= 22) {
            value = exponent < 0
                    ? mantissa / EXACT_POWERS_OF_TEN[-exponent]
                    : mantissa * EXACT_POWERS_OF_TEN[exponent];
        } else {
            return slowPath(bytes, from, to);
        }
        return negative ? -value : value;
    }

    private static double slowPath(byte[] bytes, int from, int to) {
        return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
