package io.sinter.connector.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Typing of cell text. */
class CellValuesTest {

    private static void typed(Object expected, String text) {
        typed(expected, text, '.');
    }

    private static void typed(Object expected, String text, char separator) {
        Object actual = CellValues.typed(text, separator);
        assertEquals(expected, actual, text);
        assertEquals(expected.getClass(), actual.getClass(), text);
    }

    @Test
    void integersThatFitInALongAreLongs() {
        typed(0L, "0");
        typed(42L, "42");
        typed(-7L, "-7");
        typed(0L, "-0");
        typed(Long.MAX_VALUE, "9223372036854775807");
        typed(Long.MIN_VALUE, "-9223372036854775808");
        typed(999_999_999_999_999_999L, "999999999999999999");
        typed("9223372036854775808", "9223372036854775808");
        typed("123456789012345678901234", "123456789012345678901234");
    }

    @Test
    void codesThatLookLikeNumbersStayText() {
        typed("007", "007");
        typed("00.5", "00.5");
        typed("+5", "+5");
        typed("1e5", "1e5");
        typed("2E1", "2E1");
        typed(".5", ".5");
        typed("5.", "5.");
        typed("1.2.3", "1.2.3");
        typed("1,000", "1,000");
        typed("-", "-");
        typed("12 m", "12 m");
        typed("0x1F", "0x1F");
        typed("NaN", "NaN");
        typed("Infinity", "Infinity");
    }

    @Test
    void decimalsAreDoubles() {
        typed(3.5, "3.5");
        typed(-0.25, "-0.25");
        typed(0.5, "0.5");
        typed(1.0, "1.0");
        typed(1.5, "1,5", ',');
        typed("1.5", "1.5", ',');
        typed(-1234.5, "-1234,5", ',');
        typed("1,5", "1,5", '.');
    }

    @Test
    void onlyBooleanWordsAreBooleans() {
        typed(true, "true");
        typed(true, "TRUE");
        typed(true, "Yes");
        typed(false, "false");
        typed(false, "No");
        typed(false, "nO");
        typed("t", "t");
        typed("y", "y");
        typed("none", "none");
        typed("trueish", "trueish");
        typed(1L, "1");
    }

    @Test
    void datesAndOtherTextStayText() {
        typed("2024-03-01", "2024-03-01");
        typed("2024-03-01T10:15:30Z", "2024-03-01T10:15:30Z");
        typed("Wall", "Wall");
        typed("-x", "-x");
    }

    @Test
    void coordinatesAcceptSignsAndLeadingZeros() {
        assertEquals(12.0, CellValues.coordinate("012", '.'));
        assertEquals(-1.5, CellValues.coordinate("-1.5", '.'));
        assertEquals(2.25, CellValues.coordinate("+2,25", ','));
        assertTrue(Double.isNaN(CellValues.coordinate("abc", '.')));
        assertTrue(Double.isNaN(CellValues.coordinate("1.5", ',')));
        assertTrue(Double.isNaN(CellValues.coordinate("1.", '.')));
        assertTrue(Double.isNaN(CellValues.coordinate("", '.')));
        assertTrue(Double.isNaN(CellValues.coordinate("-", '.')));
    }
}
