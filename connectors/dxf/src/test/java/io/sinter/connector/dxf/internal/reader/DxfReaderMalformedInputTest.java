package io.sinter.connector.dxf.internal.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DxfReaderMalformedInputTest {

    private static DxfSyntaxException failure(String fixture) {
        return failure(Fixtures.bytes(fixture));
    }

    private static DxfSyntaxException failure(byte[] dxf) {
        return assertThrows(DxfSyntaxException.class,
                () -> new DxfReader().read(new ByteArrayInputStream(dxf), entity -> { }));
    }

    @Test
    void nonNumericGroupCode() {
        DxfSyntaxException e = failure("bad_group_code.dxf");
        assertEquals("line 7 (pair 4): group code 'abc' is not an integer", e.getMessage());
        assertEquals(7, e.lineNumber());
        assertEquals(4, e.pairIndex());
        assertEquals(-1, e.byteOffset());
        assertEquals("group code 'abc' is not an integer", e.detail());
    }

    @Test
    void badNumberValues() {
        assertEquals("line 10 (pair 5): value '12,5' of group code 10 is not a number",
                failure("bad_double.dxf").getMessage());
        assertEquals("line 8 (pair 4): value 'red' of group code 62 is not an integer",
                failure("bad_integer.dxf").getMessage());
    }

    @Test
    void oddNumberOfLines() {
        byte[] dxf = Fixtures.bytes("odd_line_count.dxf");
        int lines = new String(dxf, StandardCharsets.US_ASCII).split("\n").length;
        DxfSyntaxException e = failure(dxf);
        assertEquals(lines, e.lineNumber());
        assertEquals("unexpected end of file: group code 10 has no value line (odd number of lines)", e.detail());
    }

    @Test
    void endOfFileInsideASection() {
        DxfSyntaxException e = failure("truncated_in_entities.dxf");
        assertTrue(e.getMessage().matches("line \\d+ \\(pair \\d+\\): unexpected end of file inside section ENTITIES"
                + " \\(which starts at line \\d+ \\(pair \\d+\\)\\): the file is truncated"), e.getMessage());
        byte[] dxf = Fixtures.bytes("truncated_in_entities.dxf");
        List<String> lines = new String(dxf, StandardCharsets.US_ASCII).lines().toList();
        assertEquals(" 10", lines.get((int) e.lineNumber() - 1), "points at the last pair read");
    }

    @Test
    void truncationInsideAPolylineIsAnError() {
        String dxf = "  0\nSECTION\n  2\nENTITIES\n  0\nPOLYLINE\n  8\n0\n  0\nVERTEX\n 10\n1.0\n 20\n2.0\n";
        assertTrue(failure(dxf.getBytes(StandardCharsets.US_ASCII)).getMessage()
                .contains("unexpected end of file inside section ENTITIES"));
    }

    @Test
    void recordOutsideASection() {
        assertEquals("line 1 (pair 1): unexpected LINE outside a section (expected SECTION or EOF)",
                failure("outside_section.dxf").getMessage());
    }

    @Test
    void emptyAndSectionlessFiles() {
        assertEquals("the file is empty", failure(new byte[0]).detail());
        assertEquals("the file contains no DXF data", failure("999\nonly a comment\n".getBytes()).detail());
        assertEquals("the file contains no DXF section", failure("  0\nEOF\n".getBytes()).detail());
        assertEquals("group code '' is not an integer", failure("\n\n".getBytes()).detail());
    }

    @Test
    void pairBeforeTheFirstRecord() {
        assertEquals("line 1 (pair 1): expected a group code 0 pair starting a record, found group code 8",
                failure("  8\n0\n  0\nEOF\n".getBytes()).getMessage());
    }

    @Test
    void dwgAndRandomBytesAreNotDxf() {
        byte[] dwg = "AC1027\0\0\0\0\0\1\1".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("byte offset 0 (pair 0): this is a DWG drawing (AC1027), not a DXF file",
                failure(dwg).getMessage());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertEquals("line 1 (pair 1): group code '\\x89PNG' is not an integer", failure(png).getMessage());
    }

    @Test
    void overlongLineIsRejected() {
        byte[] dxf = new byte[DxfPairReader.MAX_VALUE_BYTES + 10];
        Arrays.fill(dxf, (byte) '7');
        assertTrue(failure(dxf).detail().startsWith("line longer than 16 MiB"));
    }

    @Test
    void fileWithoutHeaderLoadsWithDefaults() throws Exception {
        Fixtures.Result result = Fixtures.read("no_header_utf8.dxf");

        DxfHeader header = result.drawing().header();
        assertFalse(header.present());
        assertEquals(Optional.empty(), header.acadVer());
        assertEquals(DxfHeader.DEFAULT_INSUNITS, header.insUnits());
        assertEquals(DxfHeader.DEFAULT_LUNITS, header.lUnits());
        assertEquals(Optional.empty(), header.extMin());
        assertTrue(result.drawing().tables().layers().isEmpty());
        assertEquals(List.of("TEXT", "LINE"), result.entityTypes());
        assertEquals("Lines", result.entities().get(1).layer());
        assertEquals("header", result.events().get(0));
        assertEquals("line 1 (pair 1): no HEADER section: $ACADVER unknown, DXF defaults assumed",
                result.warningText());
    }

    @Test
    void garbageAfterEofIsIgnoredWithAWarning() throws Exception {
        Fixtures.Result result = Fixtures.read("garbage_after_eof.dxf");

        assertEquals(List.of("LINE"), result.entityTypes());
        assertTrue(result.drawing().eofMarker());
        assertTrue(result.warningText().matches("line \\d+ \\(pair \\d+\\): data after the EOF marker ignored"),
                result.warningText());
    }

    @Test
    void paddingAfterEofIsNotWorthAWarning() throws Exception {
        byte[] dxf = Fixtures.bytes("missing_eof.dxf");
        byte[] padded = new String(dxf, StandardCharsets.US_ASCII).concat("  0\nEOF\n\n\u001a\u001a\0\0")
                .getBytes(StandardCharsets.ISO_8859_1);
        Fixtures.Result result = Fixtures.read(padded);

        assertTrue(result.drawing().eofMarker());
        assertEquals("", result.warningText());
    }

    @Test
    void missingEofMarkerAfterCompleteSectionsIsAWarning() throws Exception {
        Fixtures.Result result = Fixtures.read("missing_eof.dxf");

        assertEquals(List.of("LINE"), result.entityTypes());
        assertFalse(result.drawing().eofMarker());
        assertTrue(result.warningText().endsWith("missing EOF marker: the file ends after section ENTITIES"),
                result.warningText());
    }

    @Test
    void structuralDefectsAreToleratedWithWarnings() throws Exception {
        Fixtures.Result result = Fixtures.read("structure_warnings.dxf");

        assertEquals(List.of("POLYLINE", "LINE", "VERTEX", "CIRCLE"), result.entityTypes());
        assertEquals(2, result.entities().get(0).children().size());
        assertEquals(List.of("DICTIONARY"), result.objects().stream().map(DxfRecord::type).toList());
        assertEquals(List.of("HEADER", "ENTITIES", "OBJECTS", "THUMBNAILIMAGE", "CUSTOMDATA"),
                result.drawing().sections());
        List<String> messages = result.drawing().warnings().stream().map(DxfWarning::message).toList();
        assertEquals(List.of(
                "POLYLINE is not closed by SEQEND",
                "SEQEND without a preceding POLYLINE or INSERT; ignored",
                "VERTEX without a preceding POLYLINE; passed on as a separate entity",
                "duplicate handle 33 on CIRCLE",
                "section ENTITIES (from line 15 (pair 8)) is not closed by ENDSEC",
                "unknown section CUSTOMDATA skipped"), messages);
    }

    @Test
    void warningsAreCappedWithASummary() throws Exception {
        StringBuilder dxf = new StringBuilder("  0\nSECTION\n  2\nENTITIES\n");
        for (int i = 0; i < 30; i++) {
            dxf.append("  0\nPOINT\n  5\nAB\n");
        }
        dxf.append("  0\nENDSEC\n  0\nEOF\n");
        DxfDrawing drawing = new DxfReader(10).read(
                new ByteArrayInputStream(dxf.toString().getBytes(StandardCharsets.US_ASCII)), entity -> { });

        assertEquals(30, drawing.entityCount());
        assertEquals(11, drawing.warnings().size());
        assertEquals("duplicate handle AB on POINT", drawing.warnings().get(9).message());
        assertEquals("20 further warnings left out (limit 10)", drawing.warnings().get(10).message());
    }

    @Test
    void integerOutsideItsGroupRangeIsKeptWithAWarning() throws Exception {
        String dxf = "  0\nSECTION\n  2\nENTITIES\n  0\nCIRCLE\n 62\n70000\n 90\n-1\n  0\nENDSEC\n  0\nEOF\n";
        Fixtures.Result result = Fixtures.read(dxf.getBytes(StandardCharsets.US_ASCII));

        assertEquals(70000, result.entities().get(0).integer(62, 0));
        assertEquals(-1, result.entities().get(0).integer(90, 0));
        assertTrue(result.warningText().contains("line 8 (pair 4): value 70000 of group code 62 does not fit the"
                + " INT16 type of that group; kept as is"), result.warningText());
    }
}
