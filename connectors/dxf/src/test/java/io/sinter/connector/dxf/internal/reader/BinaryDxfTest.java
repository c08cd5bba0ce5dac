package io.sinter.connector.dxf.internal.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Binary DXF generated at run time: the same drawing as an ASCII fixture must read the same. */
class BinaryDxfTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @ParameterizedTest(name = "two-byte group codes: {0}")
    @ValueSource(booleans = {true, false})
    void binaryDrawingReadsLikeItsAsciiTwin(boolean twoByteCodes) throws Exception {
        byte[] ascii = Fixtures.bytes("complete_r2000.dxf");
        byte[] binary = BinaryDxfWriter.convert(ascii, twoByteCodes, WINDOWS_1252);

        Fixtures.Result text = Fixtures.read(ascii);
        Fixtures.Result bin = Fixtures.read(binary);

        assertEquals(DxfFormat.BINARY, bin.drawing().format());
        assertEquals(text.events(), bin.events());
        assertEquals(text.drawing().header().variables(), bin.drawing().header().variables());
        assertEquals(text.entities().size(), bin.entities().size());
        for (int i = 0; i < text.entities().size(); i++) {
            DxfRecord expected = text.entities().get(i);
            DxfRecord actual = bin.entities().get(i);
            assertEquals(expected.pairs(), actual.pairs(), expected.toString());
            assertEquals(expected.children().size(), actual.children().size());
            assertEquals(expected.position().pairIndex(), actual.position().pairIndex());
            assertEquals(-1, actual.position().line());
            assertTrue(actual.position().byteOffset() > 22);
        }
        assertEquals(text.objects().get(3).pairs(), bin.objects().get(3).pairs(), "binary chunks, int64, bool");
        assertEquals(layerProperties(text), layerProperties(bin));
        assertEquals("", bin.warningText());
    }

    private static List<List<Object>> layerProperties(Fixtures.Result result) {
        return result.drawing().tables().layers().stream().map(layer -> List.<Object>of(layer.name(), layer.color(),
                layer.off(), layer.trueColor(), layer.lineType(), layer.flags(), layer.record().pairs())).toList();
    }

    @Test
    void detectsGroupCodeWidth() throws Exception {
        for (boolean twoByteCodes : new boolean[] {true, false}) {
            byte[] binary = new BinaryDxfWriter(twoByteCodes, StandardCharsets.US_ASCII)
                    .pair(DxfPair.ofString(0, "SECTION")).pair(DxfPair.ofString(2, "ENTITIES"))
                    .pair(DxfPair.ofString(0, "ENDSEC")).pair(DxfPair.ofString(0, "EOF")).bytes();
            try (DxfPairReader reader = DxfPairReader.open(new ByteArrayInputStream(binary))) {
                assertTrue(reader.next());
                assertEquals("SECTION", reader.stringValue());
                assertEquals(twoByteCodes ? 2 : 1, ((BinaryPairReader) reader).groupCodeBytes());
            }
        }
    }

    @Test
    void readsEveryValueLayoutAndTracksByteOffsets() throws Exception {
        BinaryDxfWriter writer = new BinaryDxfWriter(true, StandardCharsets.UTF_8);
        writer.pair(DxfPair.ofString(0, "SECTION"));
        int doubleAt = writer.size();
        writer.pair(DxfPair.ofDouble(10, -0.125)).pair(DxfPair.ofInteger(62, -3)).pair(DxfPair.ofInteger(90, -70000))
                .pair(DxfPair.ofInteger(160, Long.MIN_VALUE)).pair(DxfPair.ofBoolean(290, true))
                .pair(DxfPair.ofBytes(310, new byte[] {1, 2, 3})).pair(DxfPair.ofString(1, "Größe"))
                .pair(DxfPair.ofInteger(1071, Integer.MAX_VALUE)).pair(DxfPair.ofString(999, ""));
        byte[] binary = writer.bytes();

        try (DxfPairReader reader = DxfPairReader.open(new ByteArrayInputStream(binary))) {
            reader.textDecoder(DxfTextDecoder.of(StandardCharsets.UTF_8));
            assertTrue(reader.next());
            assertEquals(DxfPosition.ofByteOffset(1, 22), reader.position());
            assertTrue(reader.next());
            assertEquals(DxfPosition.ofByteOffset(2, doubleAt), reader.position());
            assertEquals(-0.125, reader.doubleValue());
            assertTrue(reader.next());
            assertEquals(-3, reader.longValue());
            assertTrue(reader.next());
            assertEquals(-70000, reader.longValue());
            assertTrue(reader.next());
            assertEquals(Long.MIN_VALUE, reader.longValue());
            assertTrue(reader.next());
            assertTrue(reader.booleanValue());
            assertTrue(reader.next());
            assertArrayEquals(new byte[] {1, 2, 3}, reader.bytesValue());
            assertTrue(reader.next());
            assertEquals("Größe", reader.stringValue());
            assertTrue(reader.next());
            assertEquals(Integer.MAX_VALUE, reader.longValue());
            assertTrue(reader.next());
            assertEquals("", reader.stringValue());
            assertFalse(reader.next());
        }
    }

    @Test
    void truncatedValuesReportTheirByteOffset() throws Exception {
        BinaryDxfWriter writer = new BinaryDxfWriter(true, StandardCharsets.US_ASCII)
                .pair(DxfPair.ofString(0, "SECTION")).pair(DxfPair.ofString(2, "ENTITIES"))
                .pair(DxfPair.ofString(0, "LINE"));
        int codeAt = writer.size();
        byte[] truncatedDouble = writer.code(10).raw(new byte[3]).bytes();
        assertEquals("byte offset " + (codeAt + 2) + " (pair 4): unexpected end of file in the value of group code"
                + " 10 (needs 8 bytes, 3 left)", readError(truncatedDouble).getMessage());

        byte[] unterminated = new BinaryDxfWriter(true, StandardCharsets.US_ASCII).pair(DxfPair.ofString(0, "SECTION"))
                .code(2).raw("ENTI".getBytes(StandardCharsets.US_ASCII)).bytes();
        DxfSyntaxException e = readError(unterminated);
        assertEquals("unexpected end of file in the string value of group code 2 (no terminating zero)", e.detail());
        assertEquals(2, e.pairIndex());

        byte[] halfCode = new BinaryDxfWriter(true, StandardCharsets.US_ASCII).pair(DxfPair.ofString(0, "SECTION"))
                .raw((byte) 2).bytes();
        assertEquals("unexpected end of file in a group code (needs 2 bytes, 1 left)", readError(halfCode).detail());
    }

    @Test
    void truncatedBinaryDrawingIsAnError() throws Exception {
        byte[] binary = BinaryDxfWriter.convert(Fixtures.bytes("complete_r2000.dxf"), true, WINDOWS_1252);
        byte[] cut = Arrays.copyOf(binary, binary.length * 2 / 3);
        DxfSyntaxException e = assertThrows(DxfSyntaxException.class, () -> Fixtures.read(cut));
        assertEquals(-1, e.lineNumber());
        assertTrue(e.byteOffset() > 0 && e.byteOffset() <= cut.length, e.getMessage());
    }

    private static DxfSyntaxException readError(byte[] binary) {
        return assertThrows(DxfSyntaxException.class, () -> Fixtures.read(binary));
    }

    @Test
    void entitiesOfAGeneratedR12File() throws Exception {
        List<DxfPair> pairs = List.of(
                DxfPair.ofString(0, "SECTION"), DxfPair.ofString(2, "HEADER"),
                DxfPair.ofString(9, "$ACADVER"), DxfPair.ofString(1, "AC1009"),
                DxfPair.ofString(9, "$DWGCODEPAGE"), DxfPair.ofString(3, "ansi_1251"),
                DxfPair.ofString(0, "ENDSEC"),
                DxfPair.ofString(0, "SECTION"), DxfPair.ofString(2, "ENTITIES"),
                DxfPair.ofString(0, "TEXT"), DxfPair.ofString(8, "Слой"), DxfPair.ofDouble(10, 1),
                DxfPair.ofDouble(20, 2), DxfPair.ofDouble(40, 0.5), DxfPair.ofString(1, "Текст"),
                DxfPair.ofString(1001, "APP"), DxfPair.ofInteger(1070, 300),
                DxfPair.ofString(0, "ENDSEC"), DxfPair.ofString(0, "EOF"));
        byte[] binary = new BinaryDxfWriter(false, Charset.forName("windows-1251")).pairs(pairs).bytes();

        Fixtures.Result result = Fixtures.read(binary);

        DxfRecord text = result.entities().get(0);
        assertEquals("Слой", text.layer());
        assertEquals("Текст", text.string(1, null));
        assertEquals(300, text.integer(1070, 0), "group codes above 254 use the R12 escape byte 255");
        assertEquals("windows-1251", result.drawing().header().textEncoding());
    }
}
