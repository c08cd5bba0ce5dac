package io.sinter.connector.dxf.internal.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DxfReaderTest {

    @Test
    void readsHeaderVariables() throws Exception {
        DxfHeader header = Fixtures.read("complete_r2000.dxf").drawing().header();

        assertTrue(header.present());
        assertEquals(Optional.of("AC1015"), header.acadVer());
        assertEquals(Optional.of("ANSI_1252"), header.dwgCodePage());
        assertEquals("windows-1252", header.textEncoding());
        assertEquals(6, header.insUnits());
        assertEquals(2, header.lUnits());
        assertEquals(Optional.of(new DxfPoint(-1.5, -2.25, 0)), header.extMin());
        assertEquals(Optional.of(new DxfPoint(100, 50, 3)), header.extMax());
        assertEquals(List.of(DxfPair.ofDouble(40, 1.0)), header.variable("$LTSCALE").orElseThrow());
        assertEquals(Optional.of("FFFF"), header.string("$HANDSEED"));
        assertEquals(List.of("$ACADVER", "$DWGCODEPAGE", "$INSBASE", "$EXTMIN", "$EXTMAX", "$LTSCALE", "$LUNITS",
                "$INSUNITS", "$HANDSEED"), List.copyOf(header.variables().keySet()));
    }

    @Test
    void readsLayersLineTypesAndBlockRecords() throws Exception {
        DxfTables tables = Fixtures.read("complete_r2000.dxf").drawing().tables();

        assertEquals(List.of("VPORT", "LTYPE", "LAYER", "STYLE", "DIMSTYLE", "BLOCK_RECORD"),
                List.copyOf(tables.tableNames()));
        assertEquals(List.of("0", "Walls", "Frozen", "Locked"), tables.layers().stream().map(DxfLayer::name).toList());
        DxfLayer walls = tables.layer("WALLS").orElseThrow();
        assertEquals(1, walls.color());
        assertTrue(walls.off());
        assertEquals(OptionalInt.of(0xFF0000), walls.trueColor());
        assertEquals("DASHED", walls.lineType());
        assertFalse(walls.frozen());
        assertEquals(Optional.of("40"), walls.record().handle());
        DxfLayer zero = tables.layer("0").orElseThrow();
        assertEquals(7, zero.color());
        assertFalse(zero.off());
        assertEquals(OptionalInt.empty(), zero.trueColor());
        assertTrue(tables.layer("Frozen").orElseThrow().frozen());
        assertTrue(tables.layer("Locked").orElseThrow().locked());
        assertFalse(tables.layer("Locked").orElseThrow().frozen());
        assertTrue(tables.layer("Missing").isEmpty());

        DxfLineType dashed = tables.lineType("dashed").orElseThrow();
        assertEquals("Dashed __ __ __", dashed.description());
        assertEquals(0.75, dashed.patternLength());
        assertEquals(List.of(0.5, -0.25), dashed.elements());
        assertEquals(2, tables.lineTypes().size());

        assertEquals(List.of("*Model_Space", "*Paper_Space", "DOOR"),
                tables.blockRecords().stream().map(DxfBlockRecord::name).toList());
        assertEquals(Optional.of("22"), tables.blockRecord("*MODEL_SPACE").orElseThrow().layoutHandle());
        assertEquals(Optional.empty(), tables.blockRecord("DOOR").orElseThrow().layoutHandle());
        assertEquals(4, tables.blockRecord("DOOR").orElseThrow().insertUnits());

        DxfRecord dimStyle = tables.entries("dimstyle").get(0);
        assertEquals(Optional.of("27"), dimStyle.handle(), "DIMSTYLE entries carry their handle in group 105");
        assertEquals("Standard", tables.entries("STYLE").get(0).string(2, null));
    }

    @Test
    void readsBlockDefinitionsWithTheirEntities() throws Exception {
        DxfDrawing drawing = Fixtures.read("complete_r2000.dxf").drawing();

        assertEquals(3, drawing.blocks().size());
        DxfBlock door = drawing.block("door").orElseThrow();
        assertEquals("DOOR", door.name());
        assertEquals(new DxfPoint(1, 2, 0), door.basePoint());
        assertEquals(2, door.flags());
        assertFalse(door.anonymous());
        assertFalse(door.xref());
        assertEquals(Optional.of("51"), door.record().handle());
        assertEquals(List.of("LINE", "ARC", "ATTDEF"), door.entities().stream().map(DxfRecord::type).toList());
        assertEquals(Optional.of("50"), door.entities().get(0).owner());
        assertTrue(drawing.block("*Model_Space").orElseThrow().entities().isEmpty());
    }

    @Test
    void streamsEntitiesAsGenericRecordsInFileOrder() throws Exception {
        Fixtures.Result result = Fixtures.read("complete_r2000.dxf");

        assertEquals(List.of("LINE", "CIRCLE", "LWPOLYLINE", "POLYLINE", "INSERT", "INSERT", "TEXT", "MTEXT"),
                result.entityTypes());
        assertEquals(8, result.drawing().entityCount());

        DxfRecord line = result.entity("100");
        assertEquals(Optional.of("1F"), line.owner(), "the owner is the 330 outside the {ACAD_REACTORS group");
        assertEquals("Walls", line.layer());
        assertEquals(Optional.of(new DxfPoint(1, 2, 0)), line.point(10));
        assertEquals(Optional.of(new DxfPoint(4.5, 6, 0)), line.point(11));
        List<Integer> codes = line.pairs().stream().map(DxfPair::code).toList();
        assertEquals(List.of(5, 102, 330, 102, 330, 100, 8, 100, 10, 20, 30, 11, 21, 31, 1001, 1000, 1005, 1004,
                1040, 1070, 1071), codes, "pairs in file order, the comment after the LINE left out");
        assertArrayEquals(HexFormat.of().parseHex("DEADBEEF"), line.first(1004).orElseThrow().bytesValue());
        assertEquals(70000, line.first(1071).orElseThrow().intValue());

        DxfRecord circle = result.entity("101");
        assertEquals("0", circle.layer());
        assertEquals(1, circle.integer(62, 256));
        assertEquals(2.5, circle.real(40, 0));

        DxfRecord lwPolyline = result.entity("102");
        assertEquals(3, lwPolyline.all(10).size());
        assertEquals(List.of(0.0, 5.0, 5.0), lwPolyline.all(10).stream().map(DxfPair::doubleValue).toList());

        DxfRecord text = result.entity("10D");
        assertEquals("  Plan  ", text.string(1, null), "string values keep their blanks");
        DxfRecord mtext = result.entity("10E");
        assertEquals("First chunk, ", mtext.string(3, null));
        assertEquals("second\\Pline", mtext.string(1, null), "MTEXT formatting codes are left to the caller");
    }

    @Test
    void groupsPolylineVerticesAndInsertAttributes() throws Exception {
        Fixtures.Result result = Fixtures.read("complete_r2000.dxf");

        DxfRecord polyline = result.entity("103");
        assertEquals(List.of("104", "105", "106"),
                polyline.children().stream().map(v -> v.handle().orElseThrow()).toList());
        assertEquals(List.of("VERTEX", "VERTEX", "VERTEX"), polyline.children().stream().map(DxfRecord::type).toList());
        assertEquals(Optional.of(new DxfPoint(1, 1, 2)), polyline.children().get(2).point(10));

        DxfRecord insert = result.entity("108");
        assertEquals("DOOR", insert.string(2, null));
        assertEquals(List.of("D-101", "Oak"), insert.children().stream().map(a -> a.string(1, null)).toList());
        assertEquals(List.of("NUMBER", "MATERIAL"), insert.children().stream().map(a -> a.string(2, null)).toList());
        assertTrue(result.entity("10C").children().isEmpty(), "an INSERT without attributes has no children");
        assertTrue(result.entities().stream().noneMatch(e -> e.type().equals("SEQEND") || e.type().equals("VERTEX")
                || e.type().equals("ATTRIB")), "sub-entities are not streamed on their own");
    }

    @Test
    void streamsObjectsAndKeepsGeoData() throws Exception {
        Fixtures.Result result = Fixtures.read("complete_r2000.dxf");

        assertEquals(List.of("DICTIONARY", "DICTIONARY", "GEODATA", "XRECORD"),
                result.objects().stream().map(DxfRecord::type).toList());
        assertEquals(4, result.drawing().objectCount());
        DxfRecord geoData = result.drawing().geoData().orElseThrow();
        assertEquals(Optional.of("200"), geoData.handle());
        assertEquals(Optional.of("201"), geoData.owner());
        assertEquals(Optional.of(new DxfPoint(2_600_000, 1_200_000, 0)), geoData.point(11));
        assertEquals("CH1903Plus.LV95", geoData.string(301, null));
        assertTrue(geoData.first(294).orElseThrow().booleanValue());

        DxfRecord xrecord = result.objects().get(3);
        assertArrayEquals(HexFormat.of().parseHex("0123456789ABCDEF"), xrecord.first(310).orElseThrow().bytesValue());
        assertEquals(9_007_199_254_740_993L, xrecord.first(160).orElseThrow().longValue());
        assertTrue(xrecord.first(290).orElseThrow().booleanValue());
    }

    @Test
    void callsTheVisitorInFileOrderAndReportsNoWarnings() throws Exception {
        Fixtures.Result result = Fixtures.read("complete_r2000.dxf");

        assertEquals(List.of("header", "tables", "block *Model_Space", "block *Paper_Space", "block DOOR",
                "entity LINE"), result.events().subList(0, 6));
        assertEquals("object XRECORD", result.events().get(result.events().size() - 1));
        assertEquals(List.of("HEADER", "CLASSES", "TABLES", "BLOCKS", "ENTITIES", "OBJECTS"),
                result.drawing().sections());
        assertTrue(result.drawing().eofMarker());
        assertEquals(DxfFormat.ASCII, result.drawing().format());
        assertEquals("", result.warningText());
    }

    @Test
    void recordsKnowWhereTheyStart() throws Exception {
        byte[] dxf = Fixtures.bytes("complete_r2000.dxf");
        List<String> lines = new String(dxf, StandardCharsets.US_ASCII).lines().toList();
        DxfRecord circle = Fixtures.read(dxf).entity("101");

        long line = circle.position().line();
        assertEquals("  0", lines.get((int) line - 1));
        assertEquals("CIRCLE", lines.get((int) line));
        assertEquals((line + 1) / 2, circle.position().pairIndex(), "no comment before the circle shifts pairs");
    }

    @Test
    void toleratesCrLfAndPaddedGroupCodes() throws Exception {
        String lf = new String(Fixtures.bytes("complete_r2000.dxf"), StandardCharsets.US_ASCII);
        StringBuilder padded = new StringBuilder();
        List<String> lines = lf.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            padded.append(i % 2 == 0 ? "  " + line.trim() + "   " : line).append("\r\n");
        }
        Fixtures.Result original = Fixtures.read("complete_r2000.dxf");
        Fixtures.Result crlf = Fixtures.read(padded.toString().getBytes(StandardCharsets.US_ASCII));

        assertEquals(original.entities().size(), crlf.entities().size());
        for (int i = 0; i < original.entities().size(); i++) {
            assertEquals(original.entities().get(i).pairs(), crlf.entities().get(i).pairs());
        }
        assertEquals(original.drawing().header().variables(), crlf.drawing().header().variables());
        assertEquals("", crlf.warningText());
    }

    @Test
    void passesTheVisitorsCheckedExceptionThrough() {
        class Stop extends Exception {
            Stop(String message) {
                super(message);
            }
        }
        DxfVisitor<Stop> visitor = entity -> {
            if (entity.type().equals("CIRCLE")) {
                throw new Stop("stop at " + entity.handle().orElseThrow());
            }
        };
        Stop stop = assertThrows(Stop.class, () -> new DxfReader()
                .read(new ByteArrayInputStream(Fixtures.bytes("complete_r2000.dxf")), visitor));
        assertEquals("stop at 101", stop.getMessage());
    }

    @Test
    void sameReaderReadsTwice() throws Exception {
        DxfReader reader = new DxfReader();
        Fixtures.Recorder first = new Fixtures.Recorder();
        Fixtures.Recorder second = new Fixtures.Recorder();
        DxfDrawing a = reader.read(new ByteArrayInputStream(Fixtures.bytes("complete_r2000.dxf")), first);
        DxfDrawing b = reader.read(new ByteArrayInputStream(Fixtures.bytes("complete_r2000.dxf")), second);
        assertEquals(a.entityCount(), b.entityCount());
        assertEquals(first.events, second.events);
        assertSame(DxfFormat.ASCII, b.format());
    }
}
