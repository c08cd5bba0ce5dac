package io.sinter.connector.dxf.internal.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {

    private static double parseDouble(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return NumberParser.parseDouble(bytes, 0, bytes.length);
    }

    private static long parseLong(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return NumberParser.parseLong(bytes, 0, bytes.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.0", "1", "+2.5", "-.5", "5.", "1e3", "1.000000000000000E+20", "-1.0E+20",
        "0.1", "0.30000000000000004", "123456.789012345", "3.14159265358979323846", "1e-320", "4.9e-324",
        "1.7976931348623157e308", "  42.25  ", "\t7\t", "2600000.123456789", "0.000000000000000000000001",
        "12345678901234567890123", "9007199254740993"})
    void agreesWithJava(String text) {
        assertEquals(Double.parseDouble(text.trim()), parseDouble(text), text);
    }

    @Test
    void agreesWithJavaOnRandomCoordinates() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 50_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-8, 9));
            String text = random.nextBoolean() ? Double.toString(value) : String.format("%.12f", value);
            assertEquals(Double.parseDouble(text), parseDouble(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "NaN", "Infinity", "0x10",
        "1d", "1f", "1 2", "1e999", "--1"})
    void rejectsWhatIsNotADecimalNumber(String text) {
        assertThrows(NumberFormatException.class, () -> parseDouble(text), text);
    }

    @Test
    void parsesIntegers() {
        assertEquals(0, parseLong("0"));
        assertEquals(-32768, parseLong(" -32768 "));
        assertEquals(Long.MAX_VALUE, parseLong("9223372036854775807"));
        assertEquals(3, parseLong("3.0"));
        assertEquals(-256, parseLong("-256.000"));
        assertThrows(NumberFormatException.class, () -> parseLong("9223372036854775808"));
        assertThrows(NumberFormatException.class, () -> parseLong("1.5"));
        assertThrows(NumberFormatException.class, () -> parseLong("abc"));
        assertThrows(NumberFormatException.class, () -> parseLong(""));
        assertThrows(NumberFormatException.class, () -> parseLong("-"));
    }
}
