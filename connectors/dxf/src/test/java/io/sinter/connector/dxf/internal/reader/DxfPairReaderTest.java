package io.sinter.connector.dxf.internal.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DxfPairReaderTest {

    private static DxfPairReader open(String ascii) throws Exception {
        return DxfPairReader.open(new ByteArrayInputStream(ascii.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static List<DxfPair> all(DxfPairReader reader) throws Exception {
        List<DxfPair> pairs = new ArrayList<>();
        while (reader.next()) {
            pairs.add(reader.pair());
        }
        return pairs;
    }

    @Test
    void typesValuesByGroupCode() throws Exception {
        DxfPairReader reader = open("  0\nLINE\n 10\n1.5e3\n 62\n-7\n 90\n123456789\n160\n-9007199254740993\n"
                + "290\n1\n310\n00ff7A\n1071\n42\n999\nnote\n-5\nreactor\n");
        assertEquals(DxfFormat.ASCII, reader.format());

        assertTrue(reader.next());
        assertEquals(0, reader.code());
        assertEquals(DxfValueType.STRING, reader.type());
        assertEquals("LINE", reader.stringValue());
        assertTrue(reader.next());
        assertEquals(1500.0, reader.doubleValue());
        assertTrue(reader.next());
        assertEquals(DxfValueType.INT16, reader.type());
        assertEquals(-7, reader.longValue());
        assertTrue(reader.next());
        assertEquals(DxfValueType.INT32, reader.type());
        assertEquals(123_456_789, reader.longValue());
        assertTrue(reader.next());
        assertEquals(DxfValueType.INT64, reader.type());
        assertEquals(-9_007_199_254_740_993L, reader.longValue());
        assertTrue(reader.next());
        assertTrue(reader.booleanValue());
        assertTrue(reader.next());
        assertArrayEquals(new byte[] {0, (byte) 0xFF, 0x7A}, reader.bytesValue());
        assertTrue(reader.next());
        assertEquals(DxfValueType.INT32, reader.type());
        assertTrue(reader.next());
        assertEquals(new DxfPosition(9, 17, -1), reader.position());
        assertEquals("note", reader.stringValue());
        assertTrue(reader.next());
        assertEquals(-5, reader.code());
        assertEquals("reactor", reader.stringValue());
        assertFalse(reader.next());
        assertFalse(reader.next(), "stays at the end");
        assertEquals(10, reader.pairIndex());
    }

    @Test
    void accessorOfTheWrongTypeIsAProgrammingError() throws Exception {
        DxfPairReader reader = open("  0\nLINE\n");
        assertTrue(reader.next());
        assertThrows(IllegalStateException.class, reader::doubleValue);
        assertEquals(DxfPair.ofString(0, "LINE"), reader.pair());
    }

    @Test
    void toleratesLineEndingsBlanksAndAByteOrderMark() throws Exception {
        List<DxfPair> expected = List.of(DxfPair.ofString(0, "SECTION"), DxfPair.ofDouble(40, 2.5),
                DxfPair.ofInteger(70, 3), DxfPair.ofString(1, " padded text "));
        assertEquals(expected, all(open("0\nSECTION\n40\n2.5\n70\n3\n1\n padded text \n")));
        assertEquals(expected,
                all(open("  0  \r\nSECTION\r\n 40\t\r\n  2.5  \r\n70 \r\n 3\r\n1\r\n padded text \r\n")));
        assertEquals(expected, all(open("\u00EF\u00BB\u00BF0\nSECTION\n40\n2.5\n70\n3.0\n1\n padded text ")),
                "BOM skipped, integer written as 3.0, no line break at the end");
    }

    @Test
    void countsLinesAcrossBufferRefills() throws Exception {
        StringBuilder text = new StringBuilder();
        int count = 40_000;
        for (int i = 0; i < count; i++) {
            text.append(" 1\n").append("value ").append(i).append(" ").append("x".repeat(i % 50)).append('\n');
        }
        text.append("abc\n1\n");
        DxfPairReader reader = open(text.toString());
        for (int i = 0; i < count; i++) {
            assertTrue(reader.next());
            assertEquals("value " + i + " " + "x".repeat(i % 50), reader.stringValue());
        }
        DxfSyntaxException e = assertThrows(DxfSyntaxException.class, reader::next);
        assertEquals("line " + (2 * count + 1) + " (pair " + (count + 1) + "): group code 'abc' is not an integer",
                e.getMessage());
    }

    @Test
    void readsFromAStreamThatDeliversOneByteAtATime() throws Exception {
        byte[] dxf = Fixtures.bytes("complete_r2000.dxf");
        List<DxfPair> whole = all(DxfPairReader.open(new ByteArrayInputStream(dxf)));
        InputStream trickle = new ByteArrayInputStream(dxf) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertEquals(whole, all(DxfPairReader.open(trickle)));
    }

    @Test
    void rejectsMalformedValues() throws Exception {
        assertEquals("line 2 (pair 1): value '1.5.2' of group code 10 is not a number", error(" 10\n1.5.2\n"));
        assertEquals("line 2 (pair 1): value 'NaN' of group code 40 is not a number", error(" 40\nNaN\n"));
        assertEquals("line 2 (pair 1): value '' of group code 40 is not a number", error(" 40\n\n"));
        assertEquals("line 2 (pair 1): value '1.5' of group code 70 is not an integer", error(" 70\n1.5\n"));
        assertEquals("line 2 (pair 1): value 'ABC' of group code 310 is not hexadecimal binary data (odd number of"
                + " digits)", error("310\nABC\n"));
        assertEquals("line 2 (pair 1): value 'GG' of group code 310 is not hexadecimal binary data",
                error("310\nGG\n"));
        assertEquals("line 1 (pair 1): group code '1234567' is not an integer", error("1234567\nx\n"));
        assertEquals("line 1 (pair 1): group code '- 1' is not an integer", error("- 1\nx\n"));
        assertEquals("line 3 (pair 2): unexpected end of file: group code 8 has no value line (odd number of lines)",
                error("  0\nLINE\n  8"));
    }

    private static String error(String ascii) throws Exception {
        DxfPairReader reader = open(ascii);
        DxfSyntaxException e = assertThrows(DxfSyntaxException.class, () -> all(reader));
        return e.getMessage();
    }

    @Test
    void skipRestTellsDataFromPadding() throws Exception {
        DxfPairReader padded = open("  0\nEOF\n\r\n \t\u001a\0");
        assertTrue(padded.next());
        assertFalse(padded.skipRest());
        DxfPairReader garbage = open("  0\nEOF\n\njunk");
        assertTrue(garbage.next());
        assertTrue(garbage.skipRest());
    }
}
