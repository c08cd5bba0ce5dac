package io.sinter.connector.csv.internal;

/**
 * Turns cell text into typed property values, without regular expressions. The rules are deliberately
 * conservative, so that no text that reads like a code is changed:
 *
 * <ul>
 *   <li>{@code -?\d+} that fits in a {@code long} becomes a {@link Long}, unless it has a leading zero
 *       ({@code 007}, a code, stays text);</li>
 *   <li>{@code -?\d+<sep>\d+}, with the configured decimal separator, becomes a {@link Double}; no
 *       exponents, no grouping, no leading {@code +}, no leading zero before another digit;</li>
 *   <li>{@code true}, {@code false}, {@code yes}, {@code no} (any case) become a {@link Boolean};</li>
 *   <li>everything else, dates included, stays the {@link String} as written.</li>
 * </ul>
 */
final class CellValues {
    /** Longest digit string that always fits in a long. */
    private static final int SAFE_LONG_DIGITS = 18;

    private CellValues() {
    }

    /**
     * @param text a non-empty cell
     * @param decimalSeparator {@code .} or {@code ,}
     * @return a {@link Long}, {@link Double}, {@link Boolean} or {@code text} itself
     */
    static Object typed(String text, char decimalSeparator) {
        char first = text.charAt(0);
        if (first == '-' || (first >= '0' && first <= '9')) {
            Object number = number(text, decimalSeparator);
            return number == null ? text : number;
        }
        switch (first) {
            case 't', 'T', 'f', 'F', 'y', 'Y', 'n', 'N' -> {
                return bool(text);
            }
            default -> {
                return text;
            }
        }
    }

    /**
     * Reads a coordinate: {@code [+-]?\d+(<sep>\d+)?}, leading zeros allowed.
     *
     * @return the value, or NaN when {@code text} is no such number
     */
    static double coordinate(String text, char decimalSeparator) {
        int n = text.length();
        int i = 0;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            i++;
        }
        int intDigits = digits(text, i);
        if (intDigits == 0) {
            return Double.NaN;
        }
        i += intDigits;
        if (i < n) {
            if (text.charAt(i) != decimalSeparator) {
                return Double.NaN;
            }
            int fraction = digits(text, i + 1);
            if (fraction == 0 || i + 1 + fraction != n) {
                return Double.NaN;
            }
        }
        return parseDouble(text, decimalSeparator);
    }

    private static Object number(String text, char decimalSeparator) {
        int n = text.length();
        int i = text.charAt(0) == '-' ? 1 : 0;
        int intDigits = digits(text, i);
        if (intDigits == 0 || (intDigits > 1 && text.charAt(i) == '0')) {
            return null;
        }
        int end = i + intDigits;
        if (end == n) {
            return intDigits <= SAFE_LONG_DIGITS ? Long.valueOf(accumulate(text, i, end, i > 0)) : bigInteger(text);
        }
        if (text.charAt(end) != decimalSeparator) {
            return null;
        }
        int fraction = digits(text, end + 1);
        if (fraction == 0 || end + 1 + fraction != n) {
            return null;
        }
        double value = parseDouble(text, decimalSeparator);
        return Double.isFinite(value) ? value : null;
    }

    private static double parseDouble(String text, char decimalSeparator) {
        return Double.parseDouble(decimalSeparator == '.' ? text : text.replace(decimalSeparator, '.'));
    }

    /** A 19-digit or longer integer: a long when it fits, else null (kept as text). */
    private static Long bigInteger(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long accumulate(String text, int from, int to, boolean negative) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return negative ? -value : value;
    }

    private static int digits(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            i++;
        }
        return i - from;
    }

    private static Object bool(String text) {
        switch (text.length()) {
            case 2 -> {
                if (text.equalsIgnoreCase("no")) {
                    return Boolean.FALSE;
                }
            }
            case 3 -> {
                if (text.equalsIgnoreCase("yes")) {
                    return Boolean.TRUE;
                }
            }
            case 4 -> {
                if (text.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
            }
            case 5 -> {
                if (text.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
            }
            default -> {
                // not a boolean word
            }
        }
        return text;
    }
}
