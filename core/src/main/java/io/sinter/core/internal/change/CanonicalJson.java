package io.sinter.core.internal.change;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON (api.md section 3.3): lexicographically sorted keys, no insignificant whitespace, numbers in
 * shortest round-trip form. The output is a pure function of the value, independent of map insertion order and
 * of the Java version, so it can be hashed and the hash stored.
 *
 * <p>Accepted values: {@code null}, {@link Boolean}, {@link String}, {@link Long}, {@link Integer}, {@link Short},
 * {@link Byte}, {@link BigInteger}, {@link Double}, {@link Float} (widened to double), {@link BigDecimal}, a
 * {@link List} of accepted values, and a {@link Map} with {@link String} keys and accepted values. Anything
 * else, non-finite numbers included, is an {@link IllegalArgumentException}.
 *
 * <p>Rules, which follow RFC 8785 (JSON Canonicalization Scheme) except that integers stay exact:
 * <ul>
 * <li><b>Objects</b>: members sorted by key with {@link String#compareTo}, i.e. by UTF-16 code units (so
 * {@code "Z" < "a" < "é" < "😀" < "ｅ"}: a supplementary character sorts by its high surrogate, 0xD83D, below
 * U+FF45). Null members are written, not dropped.</li>
 * <li><b>Strings</b>: {@code "} and {@code \} are escaped as {@code \"} and {@code \\}; U+0008, U+0009, U+000A,
 * U+000C, U+000D as {@code \b \t \n \f \r}; the other characters below U+0020 as {@code \}{@code u00xx}
 * (lower-case hex). An unpaired surrogate is written as {@code \}{@code udxxx} so no information is lost.
 * Everything else, non-ASCII included, is written as is (the bytes are UTF-8, see {@link #utf8}).</li>
 * <li><b>Integers</b> ({@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code BigInteger}): exact
 * decimal, e.g. {@code 123456789012345678} (RFC 8785 would round such a value to a double).</li>
 * <li><b>Doubles</b>: {@code -0.0} is written {@code 0}. Otherwise the digits are the shortest decimal that
 * parses back to the same double; when several decimals of that length do, the one closest to the exact value,
 * and on a tie the one with an even last digit. This is ECMAScript's {@code Number.prototype.toString} choice
 * (Java's {@code Double.toString} differs: {@code 4.9E-324}, not {@code 5e-324}, and on Java 17 sometimes
 * too many digits). The digits {@code d1..dk} with decimal exponent {@code n} (value = 0.d1..dk × 10^n) are
 * laid out as ECMAScript does:
 *   <ul>
 *   <li>{@code k <= n <= 21}: the digits followed by {@code n - k} zeros ({@code 1}, {@code 1e21} is
 *   {@code 1e+21} but {@code 1e20} is {@code 100000000000000000000});</li>
 *   <li>{@code 0 < n <= 21}: the digits with a decimal point after the n-th ({@code 1.5});</li>
 *   <li>{@code -6 < n <= 0}: {@code 0.}, {@code -n} zeros, the digits ({@code 0.000001});</li>
 *   <li>otherwise exponent form {@code d1[.d2..dk]e±(n-1)} ({@code 1e-7}, {@code 1.5e+300}).</li>
 *   </ul>
 * In particular every integral double below 10^21 in magnitude is written as an integer without {@code .0}.</li>
 * <li><b>{@link BigDecimal}</b>: trailing zeros stripped, then the same layout as a double with its exact digits
 * (so {@code new BigDecimal("12.3450")} and the double {@code 12.345} both give {@code 12.345}).</li>
 * </ul>
 */
public final class CanonicalJson {
    private static final double TWO_POW_53 = 0x1p53;
    private static final MathContext NEAREST_15 = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** @return the canonical JSON text of {@code value} */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(512);
        append(out, value);
        return out.toString();
    }

    /** @return the UTF-8 bytes of the canonical JSON text of {@code value} */
    public static byte[] utf8(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** @return lower-case hex SHA-256 of the canonical JSON of {@code value} */
    public static String sha256Hex(Object value) {
        return Hashes.sha256Hex(utf8(value));
    }

    /**
     * Renders {@code value} once so that it can be embedded in several documents without being written again
     * (the checksums of one element share their properties and placement).
     */
    static Rendered render(Object value) {
        return new Rendered(write(value));
    }

    /** Canonical JSON text made by {@link #render}; written as is where it occurs in a value. */
    static final class Rendered {
        private final String json;

        private Rendered(String json) {
            this.json = json;
        }

        @Override
        public String toString() {
            return json;
        }
    }

    /** Appends the canonical JSON text of {@code value} to {@code out}. */
    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Rendered r) {
            out.append(r.json);
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            appendDouble(out, ((Number) value).doubleValue());
        } else if (value instanceof BigDecimal d) {
            appendDecimal(out, d);
        } else if (value instanceof BigInteger i) {
            out.append(i);
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map);
        } else if (value instanceof List<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                append(out, item);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map) {
        String[] keys = new String[map.size()];
        int n = 0;
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                throw new IllegalArgumentException("JSON object keys must be strings, not " + key);
            }
            keys[n++] = s;
        }
        Arrays.sort(keys);
        out.append('{');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(out, keys[i]);
            out.append(':');
            append(out, map.get(keys[i]));
        }
        out.append('}');
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        int length = s.length();
        int plain = 0;
        while (plain < length) {
            char c = s.charAt(plain);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                break;
            }
            plain++;
        }
        out.append(s, 0, plain);
        for (int i = plain; i < length; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        appendUnicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        appendUnicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u")
                .append(HEX_DIGITS[c >> 12 & 0xF])
                .append(HEX_DIGITS[c >> 8 & 0xF])
                .append(HEX_DIGITS[c >> 4 & 0xF])
                .append(HEX_DIGITS[c & 0xF]);
    }

    private static void appendDouble(StringBuilder out, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("JSON has no form for " + v);
        }
        if (v == 0) {
            out.append('0');
            return;
        }
        if (v < 0) {
            out.append('-');
            v = -v;
        }
        if (v < TWO_POW_53 && v == Math.rint(v)) {
            // an integer below 2^53 has at most 16 digits; they are its shortest form and n <= 21
            out.append((long) v);
            return;
        }
        appendDigits(out, shortest(v));
    }

    private static void appendDecimal(StringBuilder out, BigDecimal d) {
        if (d.signum() == 0) {
            out.append('0');
            return;
        }
        if (d.signum() < 0) {
            out.append('-');
            d = d.negate();
        }
        appendDigits(out, d);
    }

    /** Lays out a positive decimal as ECMAScript's Number::toString does, trailing zeros stripped. */
    private static void appendDigits(StringBuilder out, BigDecimal d) {
        String digits;
        int scale = d.scale();
        if (d.precision() <= 18) {
            // fits in a long: strip zeros and print without BigInteger arithmetic
            long unscaled = d.unscaledValue().longValue();
            while (unscaled % 10 == 0) {
                unscaled /= 10;
                scale--;
            }
            digits = Long.toString(unscaled);
        } else {
            BigDecimal stripped = d.stripTrailingZeros();
            digits = stripped.unscaledValue().toString();
            scale = stripped.scale();
        }
        int k = digits.length();
        int n = k - scale;
        if (k <= n && n <= 21) {
            out.append(digits);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            out.append("0".repeat(-n));
            out.append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
    }

    /**
     * The shortest decimal that parses back to {@code v} (finite, positive), nearest to {@code v} among those of
     * that length, ties to an even last digit; trailing zeros stripped.
     */
    static BigDecimal shortest(double v) {
        boolean normal = v >= Double.MIN_NORMAL;
        BigDecimal javaDigits = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        if (normal && javaDigits.precision() <= 15) {
            // Double.toString round-trips. Two different decimals of at most 15 significant digits never give the
            // same normal double (DBL_DIG = 15), so no shorter one exists and none of equal length competes.
            return javaDigits;
        }
        BigDecimal exact = new BigDecimal(v);
        if (normal) {
            // 15-digit decimals are at least 4.5 ulp apart, so if one round-trips it is the nearest one, and it is
            // then the only decimal of at most 15 digits that does.
            BigDecimal nearest15 = exact.round(NEAREST_15);
            if (parsesTo(nearest15, v)) {
                return nearest15.stripTrailingZeros();
            }
            BigDecimal best = nearestRoundTrip(exact, v, 16);
            return best != null ? best : nearestRoundTrip(exact, v, 17);
        }
        // subnormal: fewer significant bits, so any length from 1 may be the shortest
        for (int precision = 1; ; precision++) {
            BigDecimal best = nearestRoundTrip(exact, v, precision);
            if (best != null) {
                return best;
            }
        }
    }

    /**
     * Among decimals of {@code precision} significant digits that parse to {@code v}, the nearest to {@code exact}
     * (ties: even last digit), or null. Only the two neighbours of the exact value can be nearest: a decimal
     * further away on one side is outside the rounding interval whenever the neighbour on that side is.
     */
    private static BigDecimal nearestRoundTrip(BigDecimal exact, double v, int precision) {
        BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
        BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
        boolean belowOk = parsesTo(below, v);
        boolean aboveOk = parsesTo(above, v);
        if (belowOk && aboveOk && below.compareTo(above) != 0) {
            int cmp = exact.subtract(below).compareTo(above.subtract(exact));
            if (cmp == 0) {
                cmp = below.unscaledValue().testBit(0) ? 1 : -1;
            }
            return (cmp <= 0 ? below : above).stripTrailingZeros();
        }
        if (belowOk) {
            return below.stripTrailingZeros();
        }
        return aboveOk ? above.stripTrailingZeros() : null;
    }

    private static boolean parsesTo(BigDecimal decimal, double v) {
        return Double.parseDouble(decimal.toString()) == v;
    }
}
