package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "1., 1.0", "1.E-5, 1.0E-5", "-0.5E+3, -500.0", "0., 0.0", "-0., -0.0", "+2.5, 2.5", "1.745E-2, 0.01745",
        "0.017453293, 0.017453293", "123456789012345., 1.23456789012345E14",
        "4.9E-324, 4.9E-324", "1.7976931348623157E308, 1.7976931348623157E308",
        "0.1e1, 1.0", "7.114999771118164, 7.114999771118164", "1E3, 1000.0",
    })
    void parsesReals(String text, double expected) {
        assertEquals(expected, real(text));
    }

    /** The fast path must round exactly like {@link Double#parseDouble}. */
    @Test
    void agreesWithDoubleParseDoubleOnRandomValues() {
        Random random = new Random(21);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> random.nextDouble() * 1000 - 500;
                case 1 -> Double.longBitsToDouble(random.nextLong());
                case 2 -> (random.nextInt(2_000_000) - 1_000_000) / Math.pow(10, random.nextInt(12));
                default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            };
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            for (String text : new String[] {
                Double.toString(value).toUpperCase(Locale.ROOT),
                String.format(Locale.ROOT, "%.6f", value),
                String.format(Locale.ROOT, "%.15E", value),
                String.format(Locale.ROOT, "%.3E", value),
            }) {
                assertEquals(Double.parseDouble(text), real(text), text);
            }
        }
    }

    @Test
    void parsesIntegersToTheLimits() {
        assertEquals(Long.MAX_VALUE, integer("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, integer("-9223372036854775808"));
        assertEquals(12L, integer("+12"));
        assertEquals(0L, integer("-0"));
        assertNull(integer("9223372036854775808"));
        assertNull(integer("-9223372036854775809"));
        assertNull(integer("99999999999999999999"));
    }

    private static double real(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return StepNumbers.parseReal(bytes, 0, bytes.length);
    }

    private static Long integer(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return StepNumbers.parseInteger(bytes, 0, bytes.length);
    }
}
