package io.sinter.core.internal.change;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @Test
    void sortsKeysByUtf16CodeUnitsWithoutWhitespace() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1L);
        map.put("a", List.of(true, false));
        map.put("\uD83D\uDE00", "emoji"); // high surrogate 0xD83D sorts below U+FF45
        map.put("\uFF45", "fullwidth e");
        map.put("Z", null);
        map.put("é", Map.of("y", 2, "x", 1));
        assertEquals("{\"Z\":null,\"a\":[true,false],\"b\":1,\"é\":{\"x\":1,\"y\":2},\"\uD83D\uDE00\":\"emoji\",\"\uFF45\":\"fullwidth e\"}",
                CanonicalJson.write(map));
    }

    @Test
    void outputDoesNotDependOnInsertionOrder() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("x", 1.5);
        one.put("a", "s");
        Map<String, Object> two = new TreeMap<>(java.util.Comparator.reverseOrder());
        two.putAll(one);
        assertEquals(CanonicalJson.write(one), CanonicalJson.write(two));
        assertEquals("{\"a\":\"s\",\"x\":1.5}", CanonicalJson.write(two));
    }

    @Test
    void escapesStrings() {
        assertEquals("\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0000\\u001f\\u0001 / \u007f é 漢 \uD83D\uDE00\"",
                CanonicalJson.write("q\" b\\ \b\f\n\r\t \u0000\u001f\u0001 / \u007f é 漢 \uD83D\uDE00"));
    }

    @Test
    void escapesUnpairedSurrogatesSoNothingIsLost() {
        assertEquals("\"a\\ud800b\\udc00\"", CanonicalJson.write("a\uD800b\uDC00"));
    }

    @Test
    void writesUtf8Bytes() {
        assertArrayEquals("\"é\"".getBytes(StandardCharsets.UTF_8), CanonicalJson.utf8("é"));
        assertEquals(4, CanonicalJson.utf8("é").length);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0|0",
        "-0.0|0",
        "1.0|1",
        "-1.0|-1",
        "1.5|1.5",
        "1.0E10|10000000000",
        "1.0E20|100000000000000000000",
        "1.0E21|1e+21",
        "1.5E300|1.5e+300",
        "1.0E-7|1e-7",
        "1.0E-6|0.000001",
        "1.2345E-6|0.0000012345",
        "123.456|123.456",
        "9007199254740993|9007199254740992",
        "1.7976931348623157E308|1.7976931348623157e+308",
        "4.9E-324|5e-324",
        "2.2250738585072014E-308|2.2250738585072014e-308",
        "2.82879384806159E17|282879384806159000",
        "1.0E23|1e+23",
        "0.30000000000000004|0.30000000000000004",
    })
    void writesDoublesInShortestRoundTripForm(double value, String expected) {
        assertEquals(expected, CanonicalJson.write(value));
    }

    @Test
    void sumOfPointOneAndPointTwoKeepsItsSeventeenDigits() {
        assertEquals("0.30000000000000004", CanonicalJson.write(0.1 + 0.2));
        assertEquals("0.3", CanonicalJson.write(0.3));
    }

    @Test
    void javaSeventeenToStringIsNotShortestButOurFormIs() {
        // Double.toString on Java 17 gives 2.82879384806159008E17 (18 digits) for this value
        double value = 2.82879384806159E17;
        assertEquals(value, Double.parseDouble(CanonicalJson.write(value)));
        assertEquals("282879384806159000", CanonicalJson.write(value));
    }

    @Test
    void shortestFormRoundTripsAndCannotBeShortened() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double value = Math.abs(Double.longBitsToDouble(random.nextLong()));
            if (!Double.isFinite(value) || value == 0) {
                continue;
            }
            BigDecimal shortest = CanonicalJson.shortest(value);
            assertEquals(value, shortest.doubleValue(), () -> "round trip of " + value);
            if (shortest.precision() > 1) {
                BigDecimal exact = new BigDecimal(value);
                int shorter = shortest.precision() - 1;
                for (java.math.RoundingMode mode : List.of(java.math.RoundingMode.FLOOR, java.math.RoundingMode.CEILING)) {
                    BigDecimal candidate = exact.round(new java.math.MathContext(shorter, mode));
                    org.junit.jupiter.api.Assertions.assertNotEquals(value, candidate.doubleValue(),
                            () -> candidate + " is shorter than " + shortest);
                }
            }
        }
    }

    @Test
    void writesIntegersExactly() {
        assertEquals("123456789012345678", CanonicalJson.write(123456789012345678L));
        assertEquals("-9223372036854775808", CanonicalJson.write(Long.MIN_VALUE));
        assertEquals("42", CanonicalJson.write(42));
        assertEquals("123456789012345678901234567890", CanonicalJson.write(new BigInteger("123456789012345678901234567890")));
    }

    @Test
    void writesBigDecimalsWithoutTrailingZerosInTheSameLayoutAsDoubles() {
        assertEquals("12.345", CanonicalJson.write(new BigDecimal("12.3450")));
        assertEquals(CanonicalJson.write(12.345), CanonicalJson.write(new BigDecimal("12.3450")));
        assertEquals("0", CanonicalJson.write(new BigDecimal("-0.000")));
        assertEquals("100", CanonicalJson.write(new BigDecimal("1E+2")));
        assertEquals("-0.000001", CanonicalJson.write(new BigDecimal("-0.0000010")));
        assertEquals("1e-7", CanonicalJson.write(new BigDecimal("0.00000010")));
        assertEquals("1e+25", CanonicalJson.write(new BigDecimal("1E+25")));
        assertEquals("0.1000000000000000055511151231257827021181583404541015625",
                CanonicalJson.write(new BigDecimal(0.1)));
    }

    @Test
    void integralAndFractionalFormsOfTheSameNumberAreEqual() {
        assertEquals(CanonicalJson.write(3L), CanonicalJson.write(3.0));
        assertEquals(CanonicalJson.write(3L), CanonicalJson.write(new BigDecimal("3.000")));
    }

    @Test
    void rejectsWhatJsonCannotExpress() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new Object()));
        Map<Object, Object> badKey = new HashMap<>();
        badKey.put(1, "x");
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(badKey));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Arrays.asList(1, Double.NaN)));
    }

    @Test
    void hashesTheCanonicalText() {
        // sha256("{}") known value
        assertEquals("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", CanonicalJson.sha256Hex(Map.of()));
    }
}
