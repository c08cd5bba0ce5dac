package io.sinter.connector.dxf.internal.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DxfTextDecodingTest {

    @Test
    void decodesTheDrawingCodePageIncludingHeaderStrings() throws Exception {
        Fixtures.Result result = Fixtures.read("cp1251_r2000.dxf");

        assertEquals("windows-1251", result.drawing().header().textEncoding());
        assertEquals(Optional.of("Иван Петров"), result.drawing().header().string("$LASTSAVEDBY"),
                "header strings read before $DWGCODEPAGE was known are re-decoded");
        assertEquals("Стены", result.drawing().tables().layers().get(0).name());
        assertTrue(result.drawing().tables().layer("Стены").isPresent());
        DxfRecord text = result.entities().get(0);
        assertEquals("Стены", text.layer());
        assertEquals("Привет, мир", text.string(1, null));
        assertEquals("", result.warningText());
    }

    @Test
    void decodesShiftJisWhoseSecondBytesLookLikeBackslashes() throws Exception {
        Fixtures.Result result = Fixtures.read("cp932_r2000.dxf");

        assertEquals("windows-31j", result.drawing().header().textEncoding());
        assertEquals("図面", result.entities().get(0).layer());
        assertEquals("ソフト表示", result.entities().get(0).string(1, null));
    }

    @Test
    void readsR2007AndLaterAsUtf8WhateverTheCodePageSays() throws Exception {
        Fixtures.Result result = Fixtures.read("utf8_r2018.dxf");

        assertEquals(Optional.of("ANSI_1252"), result.drawing().header().dwgCodePage());
        assertEquals("UTF-8", result.drawing().header().textEncoding());
        assertEquals("Ø-Maße", result.entities().get(0).layer());
        assertEquals("\\A1;Ø 25 – größer ✓ 中文", result.entities().get(0).string(1, null));
    }

    @Test
    void decodesUnicodeAndMultiByteEscapes() throws Exception {
        Fixtures.Result result = Fixtures.read("unicode_escapes_r2000.dxf");

        DxfRecord text = result.entity("20");
        assertEquals("Ebeneä", text.layer());
        assertEquals("∅ 25°", text.string(1, null));
        assertEquals("{\\fArial|b0;中文}\\Pnext 😀", result.entity("21").string(1, null),
                "\\U+ escapes decoded, surrogate pairs joined, MTEXT codes kept");
        assertEquals("日中 and \\U+12 kept \\M+9ABCD", result.entity("22").string(1, null),
                "\\M+1 is Shift-JIS, \\M+5 GBK; incomplete or unknown escapes are kept");
    }

    @Test
    void fileWithoutHeaderTakesValidUtf8AsUtf8() throws Exception {
        Fixtures.Result result = Fixtures.read("no_header_utf8.dxf");

        assertEquals("Größe 5 m²", result.entities().get(0).string(1, null));
        assertEquals("UTF-8, else windows-1252", result.drawing().header().textEncoding());
    }

    @Test
    void fileWithoutHeaderFallsBackToWindows1252() throws Exception {
        Fixtures.Result result = Fixtures.read("no_header_cp1252.dxf");

        assertEquals("Größe 5 m²", result.entities().get(0).string(1, null));
    }

    @Test
    void mapsCodePageNamesToCharsets() {
        assertEquals(Optional.of(Charset.forName("windows-1252")), DxfCodePages.charsetFor("ANSI_1252"));
        assertEquals(Optional.of(Charset.forName("windows-1251")), DxfCodePages.charsetFor("ansi_1251"));
        assertEquals(Optional.of(Charset.forName("windows-31j")), DxfCodePages.charsetFor("ANSI_932"));
        assertEquals(Optional.of(Charset.forName("GBK")), DxfCodePages.charsetFor("ANSI_936"));
        assertEquals(Optional.of(Charset.forName("x-windows-949")), DxfCodePages.charsetFor("ANSI_949"));
        assertEquals(Optional.of(Charset.forName("x-windows-950")), DxfCodePages.charsetFor("ANSI_950"));
        assertEquals(Optional.of(Charset.forName("IBM850")), DxfCodePages.charsetFor("dos850"));
        assertEquals(Optional.of(Charset.forName("ISO-8859-2")), DxfCodePages.charsetFor("ISO8859-2"));
        assertEquals(Optional.of(Charset.forName("Big5")), DxfCodePages.charsetFor("BIG5"));
        assertEquals(Optional.empty(), DxfCodePages.charsetFor("ANSI_99999"));
        assertEquals(Optional.empty(), DxfCodePages.charsetFor("KLINGON"));
    }

    @Test
    void choosesTheDecoderFromVersionAndCodePage() {
        List<String> problems = new ArrayList<>();
        assertEquals(Optional.of(StandardCharsets.UTF_8),
                DxfTextDecoder.forDrawing("AC1021", "ANSI_1251", problems).charset());
        assertEquals(Optional.of(Charset.forName("windows-1251")),
                DxfTextDecoder.forDrawing("AC1018", "ANSI_1251", problems).charset());
        assertEquals(Optional.empty(), DxfTextDecoder.forDrawing("AC1009", null, problems).charset());
        assertTrue(problems.isEmpty());
        assertEquals(Optional.empty(), DxfTextDecoder.forDrawing("AC1015", "ANSI_99999", problems).charset());
        assertEquals(List.of("unknown $DWGCODEPAGE 'ANSI_99999': text is read as UTF-8 where valid, else as"
                + " windows-1252"), problems);
    }

    @Test
    void warnsAboutAnUnknownCodePage() throws Exception {
        String dxf = "  0\nSECTION\n  2\nHEADER\n  9\n$ACADVER\n  1\nAC1015\n  9\n$DWGCODEPAGE\n  3\nANSI_99999\n"
                + "  0\nENDSEC\n  0\nSECTION\n  2\nENTITIES\n  0\nENDSEC\n  0\nEOF\n";
        Fixtures.Result result = Fixtures.read(dxf.getBytes(StandardCharsets.US_ASCII));

        assertEquals("line 1 (pair 1): unknown $DWGCODEPAGE 'ANSI_99999': text is read as UTF-8 where valid, else"
                + " as windows-1252", result.warningText());
    }

    @Test
    void escapesAreDecodedOnlyWhenWellFormed() {
        assertEquals("A", DxfTextDecoder.decodeEscapes("\\U+0041"));
        assertEquals("xAy", DxfTextDecoder.decodeEscapes("x\\U+0041y"));
        assertEquals("\\U+004", DxfTextDecoder.decodeEscapes("\\U+004"));
        assertEquals("\\U+00G1", DxfTextDecoder.decodeEscapes("\\U+00G1"));
        assertEquals("\\u+0041", DxfTextDecoder.decodeEscapes("\\u+0041"));
        assertEquals("\\P\\~", DxfTextDecoder.decodeEscapes("\\P\\~"));
        assertEquals("end\\", DxfTextDecoder.decodeEscapes("end\\"));
        assertEquals("\\Ä", DxfTextDecoder.decodeEscapes("\\\\U+00C4"), "the escape after a backslash is decoded");
    }

    @Test
    void rawDecoderKeepsEveryByteForRedecoding() {
        byte[] cp1251 = "Ж\\U+00B0".getBytes(Charset.forName("windows-1251"));
        String raw = DxfTextDecoder.raw().decode(cp1251, 0, cp1251.length);
        assertEquals(cp1251.length, raw.length());
        assertEquals("Ж°", DxfTextDecoder.of(Charset.forName("windows-1251")).redecode(raw));
    }
}
