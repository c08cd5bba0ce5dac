package io.sinter.connector.csv.internal;

import static io.sinter.connector.csv.internal.Fixtures.extract;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import io.sinter.connector.api.Position;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector end to end on small files: element fields, typed values, settings, issues and failures. */
class CsvConnectorTest {

    @TempDir
    Path temp;

    @Test
    void commaFileGivesOneElementPerRowWithAllFields() throws Exception {
        RecordingContext context = extract("comma.csv");

        assertEquals(List.of("W-01", "W-02", "D-01"), context.identifiers());
        Element w1 = context.element("W-01");
        assertEquals("Row", w1.kind());
        assertEquals("CSV:Wall", w1.classFullName());
        assertEquals("CSV", w1.category());
        assertEquals("W-01", w1.codeValue());
        assertEquals("Wall one", w1.userLabel());
        assertNull(w1.placement());
        assertNull(w1.parentIdentifier());
        assertEquals(List.of(), w1.relationships());
        assertEquals(Map.of("Columns", columns("id", "W-01", "name", "Wall one", "type", "Wall", "height", 3.5, "count", 12L,
                "active", true, "note", "Hello, world", "date", "2024-03-01")), w1.properties());
        assertEquals(List.of("id", "name", "type", "height", "count", "active", "note", "date"),
                List.copyOf(columnsOf(w1).keySet()), "properties keep the column order");

        assertEquals(columns("id", "W-02", "name", "Wall two", "type", "Wall", "height", -0.25, "count", -7L, "active", false,
                "note", "She said \"hi\"", "date", "2024-03-01T10:15:30Z"), columnsOf(context.element("W-02")));

        Element d1 = context.element("D-01");
        assertEquals("CSV:Door_Type_A", d1.classFullName());
        assertNull(d1.userLabel(), "an empty name cell gives no label");
        assertEquals(columns("id", "D-01", "type", "Door Type/A", "height", "007", "count", 1.0, "active", "maybe",
                "note", "spaced out"), columnsOf(d1));

        assertEquals(List.of("CSV:Wall", "CSV:Door_Type_A"), context.classNames(), "each class is declared once");
        assertEquals(List.of("m=1.0"), context.units);
        assertEquals("Key column: 'id' (found by its name)", context.issues("KeyColumn").get(0).message());
        assertEquals(1, context.issues.size(), context.toString());
        long size = Files.size(Fixtures.resource("comma.csv", Map.of()).path());
        assertArrayEquals(new long[] {size, size}, context.progress.get(context.progress.size() - 1));
    }

    @Test
    void semicolonIsDetectedAndTheDecimalSeparatorIsASetting() throws Exception {
        RecordingContext plain = extract("semicolon.csv");
        assertEquals(List.of("A", "B"), plain.identifiers());
        assertEquals(columns("ID", "A", "Name", "Alpha", "Length", "1,5", "Remark", "x;y"), columnsOf(plain.element("A")));
        assertEquals(columns("ID", "B", "Name", "Beta", "Length", 2L), columnsOf(plain.element("B")));
        assertEquals("CSV:semicolon", plain.element("A").classFullName(), "no class column: the file's base name");
        assertEquals("Alpha", plain.element("A").userLabel());

        RecordingContext decimalComma = extract("semicolon.csv", Map.of("decimalSeparator", ","));
        assertEquals(1.5, columnsOf(decimalComma.element("A")).get("Length"));
    }

    @Test
    void tabIsDetectedAndTagIsAKeyColumn() throws Exception {
        RecordingContext context = extract("tab.tsv");
        assertEquals(List.of("T-1", "T-2"), context.identifiers());
        assertEquals(columns("Tag", "T-1", "Description", "Pump, main", "Value", 42L), columnsOf(context.element("T-1")));
        assertEquals(columns("Tag", "T-2", "Description", "Valve\tbypass", "Value", 0.5), columnsOf(context.element("T-2")));
        assertEquals("T-1", context.element("T-1").codeValue());
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstHeader() throws Exception {
        RecordingContext context = extract("bom.csv");
        Element row = context.element("0aBcDeFgHiJkLmNoPqRsTu");
        assertEquals("Bäckerei", row.userLabel());
        assertEquals(columns("GUID", "0aBcDeFgHiJkLmNoPqRsTu", "Name", "Bäckerei"), columnsOf(row));
        assertEquals("Key column: 'GUID' (found by its name)", context.issues("KeyColumn").get(0).message());
    }

    @Test
    void latin1NeedsTheEncodingSetting() throws Exception {
        RecordingContext context = extract("latin1.csv", Map.of("encoding", "ISO-8859-1"));
        assertEquals(columns("id", 1L, "Name", "Fenêtre", "City", "Köln"), columnsOf(context.element("1")));
        assertEquals("Kühlschrank", context.element("2").userLabel());
        assertEquals("Straße", columnsOf(context.element("2")).get("City"));

        ConnectorException e = assertThrows(ConnectorException.class, () -> extract("latin1.csv"));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        assertEquals(new Position(2, -1, 18, null), e.position(), "line 2; 'id,Name,City\\n1,Fen' is 18 bytes");
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("encoding"), e.getMessage());
    }

    @Test
    void unknownEncodingIsUnsupported() {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> extract("comma.csv", Map.of("encoding", "no-such-charset")));
        assertEquals(ConnectorException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("no-such-charset"), e.getMessage());
    }

    @Test
    void invalidSettingsAreUnsupported() {
        for (Map<String, String> settings : List.of(Map.of("delimiter", "x"), Map.of("unit", "furlong"),
                Map.of("decimalSeparator", "'"))) {
            ConnectorException e = assertThrows(ConnectorException.class, () -> extract("comma.csv", settings));
            assertEquals(ConnectorException.Kind.UNSUPPORTED, e.kind(), settings.toString());
            assertTrue(e.getMessage().contains(settings.keySet().iterator().next()), e.getMessage());
        }
    }

    @Test
    void utf16WithByteOrderMarkIsDetected() throws Exception {
        Path file = temp.resolve("unicode.txt");
        byte[] text = "id\tname\r\nU-1\tÅngström\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        Files.write(file, bytes);

        RecordingContext context = extract(Fixtures.file(file, Map.of()));
        assertEquals("Ångström", context.element("U-1").userLabel());
    }

    @Test
    void quotedMultiLineFieldsKeepPhysicalLineNumbers() throws Exception {
        RecordingContext context = extract("multiline.csv");

        assertEquals(List.of("M1", "M2", "M3"), context.identifiers());
        assertEquals("line one\nline two", columnsOf(context.element("M1")).get("description"),
                "CR LF inside quotes becomes LF");
        assertEquals("a \"quoted\" word,\n\nafter an empty line", columnsOf(context.element("M2")).get("description"));
        List<Issue> missing = context.issues("MissingKey");
        assertEquals(1, missing.size(), context.toString());
        assertEquals(Issue.Level.ERROR, missing.get(0).level());
        assertNull(missing.get(0).identifier());
        assertTrue(missing.get(0).message().contains("line 7"), missing.get(0).message());
    }

    @Test
    void unbalancedQuoteIsCorruptAtTheLineWhereTheFieldStarts() throws Exception {
        RecordingContext context = new RecordingContext();
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> new CsvConnector().extract(Fixtures.resource("unbalanced.csv", Map.of()), context));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        assertEquals(3, e.position().line());
        assertTrue(e.describe().startsWith("line 3: Unbalanced quote"), e.describe());
        assertEquals(List.of("U1"), context.identifiers(), "rows before the fault were streamed");
    }

    @Test
    void moreFieldsThanTheHeaderIsCorrupt() {
        ConnectorException e = assertThrows(ConnectorException.class, () -> extract("too-many-fields.csv"));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        assertEquals(Position.line(4), e.position());
        assertTrue(e.getMessage().contains("4 fields"), e.getMessage());
    }

    @Test
    void surplusEmptyFieldsAreIgnoredWithAWarning() throws Exception {
        Path file = write("trailing.csv", "id,name\nA,one,,\nB,two\n");
        RecordingContext context = extract(Fixtures.file(file, Map.of()));
        assertEquals(List.of("A", "B"), context.identifiers());
        assertEquals(columns("id", "A", "name", "one"), columnsOf(context.element("A")));
        assertEquals(1, context.issues("ExtraFields").size());
    }

    @Test
    void fewerFieldsGiveMissingValuesAndAWarning() throws Exception {
        RecordingContext context = extract("fewer-fields.csv");
        Element f1 = context.element("F1");
        assertEquals(columns("id", "F1", "name", "few"), columnsOf(f1));
        assertNull(f1.placement());
        List<Issue> warnings = context.issues("MissingFields");
        assertEquals(1, warnings.size());
        assertEquals(Issue.Level.WARNING, warnings.get(0).level());
        assertEquals("F1", warnings.get(0).identifier());
        assertTrue(warnings.get(0).message().contains("line 2"), warnings.get(0).message());
        Point3 p = new Point3(1, 2, 0);
        assertEquals(Placement.at(p, new Box(p, p)), context.element("F2").placement());
    }

    @Test
    void rowsWithAnEmptyKeyAreDroppedAndRepeatedKeysKeptInFileOrder() throws Exception {
        RecordingContext context = extract("empty-key.csv");
        assertEquals(List.of("K1", "K3", "K1"), context.identifiers());
        assertEquals(List.of(1L, 3L, 5L), context.elements.stream().map(e -> columnsOf(e).get("value")).toList());
        List<Issue> missing = context.issues("MissingKey");
        assertEquals(2, missing.size());
        assertTrue(missing.get(0).message().contains("line 3"), missing.get(0).message());
        assertTrue(missing.get(1).message().contains("line 5"), missing.get(1).message());
        assertTrue(missing.get(0).message().contains("'id'"), missing.get(0).message());
    }

    @Test
    void blankAndDuplicateHeadersAreRenamedWithWarnings() throws Exception {
        RecordingContext context = extract("duplicate-headers.csv");
        Element h1 = context.element("H1");
        assertEquals(columns("id", "H1", "Name", "first", "Column3", "blank", "name", "lower", "Name~2", "second", "value", 9L),
                columnsOf(h1));
        assertEquals(List.of("id", "Name", "Column3", "name", "Name~2", "value"), List.copyOf(columnsOf(h1).keySet()));
        assertEquals("first", h1.userLabel(), "the first column named name in any case");
        assertEquals(1, context.issues("BlankColumnName").size());
        assertEquals(1, context.issues("DuplicateColumnName").size());
        assertTrue(context.issues("DuplicateColumnName").get(0).message().contains("'Name~2'"));
        assertTrue(context.issues.stream().filter(i -> i.category().endsWith("ColumnName"))
                .allMatch(i -> i.level() == Issue.Level.WARNING));
    }

    @Test
    void generatedNamesAvoidNamesTheHeaderUses() throws Exception {
        Path file = write("clash.csv", "id,,Column2,id\nA,b,c,d\n");
        RecordingContext context = extract(Fixtures.file(file, Map.of()));
        assertEquals(List.of("id", "Column2~2", "Column2", "id~2"), List.copyOf(columnsOf(context.element("A")).keySet()));
    }

    @Test
    void coordinatesGiveAPointPlacementInMetres() throws Exception {
        RecordingContext context = extract("xyz.csv", Map.of("unit", "mm"));
        assertEquals(List.of("mm=0.001"), context.units);

        Element p1 = context.element("P1");
        Point3 origin = new Point3(1.0, 2.0, 0.5);
        assertEquals(Placement.at(origin, new Box(origin, origin)), p1.placement());
        assertEquals(columns("id", "P1", "X", 1000L, "Y", 2000L, "Z", 500L), columnsOf(p1), "properties stay as written");

        Placement p2 = context.element("P2").placement();
        assertEquals(1.5005, p2.origin().x(), 1e-12);
        assertEquals(-0.25, p2.origin().y(), 1e-12);
        assertEquals(0.0, p2.origin().z(), "z defaults to 0");
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, p2.rotation());

        assertNull(context.element("P3").placement(), "no coordinates, no placement");
        assertEquals(0, context.issues("InvalidCoordinates").stream().filter(i -> "P3".equals(i.identifier())).count());
        assertNull(context.element("P4").placement());
        List<Issue> invalid = context.issues("InvalidCoordinates");
        assertEquals(1, invalid.size());
        assertEquals("P4", invalid.get(0).identifier());
        assertTrue(invalid.get(0).message().contains("X='abc'"), invalid.get(0).message());
    }

    @Test
    void coordinatesDefaultToMetresAndAcceptEastingNorthingElevation() throws Exception {
        Point3 metres = new Point3(1000, 2000, 500);
        assertEquals(Placement.at(metres, new Box(metres, metres)), extract("xyz.csv").element("P1").placement());

        Path file = write("survey.csv", "id;Easting;Northing;Elevation\nS1;\"412345,25\";5678901,5;12\n");
        RecordingContext context = extract(Fixtures.file(file, Map.of("decimalSeparator", ",", "unit", "ft")));
        Point3 origin = context.element("S1").placement().origin();
        assertEquals(412345.25 * 0.3048, origin.x(), 1e-9);
        assertEquals(5678901.5 * 0.3048, origin.y(), 1e-9);
        assertEquals(12 * 0.3048, origin.z(), 1e-12);
    }

    @Test
    void settingsChooseDelimiterKeyClassAndCategory() throws Exception {
        RecordingContext context = extract("pipe.txt",
                Map.of("delimiter", "|", "classColumn", "kind", "categoryColumn", "group"));
        assertEquals(List.of("C1", "C2", "C3"), context.identifiers());
        assertEquals(List.of("CSV:Pump", "CSV:pump", "CSV:Row"),
                context.elements.stream().map(Element::classFullName).toList());
        assertEquals(List.of("Mechanical", "Electrical", "Mechanical"), context.elements.stream().map(Element::category).toList());
        assertEquals("P-100", context.element("C1").userLabel());
        assertTrue(context.issues("KeyColumn").get(0).message().contains("'code', the first column"));

        RecordingContext byName = extract("pipe.txt", Map.of("delimiter", "pipe", "keyColumn", "NAME"));
        assertEquals(List.of("P-100", "P-200", "P-300"), byName.identifiers(), "the setting matches ignoring case");
        assertEquals("P-100", byName.element("P-100").codeValue());
        assertEquals("CSV:pipe", byName.element("P-100").classFullName());
    }

    @Test
    void withoutADelimiterSettingAPipeFileIsOneColumn() throws Exception {
        RecordingContext context = extract("pipe.txt");
        assertEquals(columns("code|kind|group|name", "C1|Pump|Mechanical|P-100"), columnsOf(context.elements.get(0)));
    }

    @Test
    void aColumnNamedBySettingMustExist() {
        for (String setting : List.of("keyColumn", "classColumn", "categoryColumn")) {
            ConnectorException e = assertThrows(ConnectorException.class,
                    () -> extract("comma.csv", Map.of(setting, "Missing")));
            assertEquals(ConnectorException.Kind.CORRUPT, e.kind(), setting);
            assertEquals(Position.line(1), e.position());
            assertTrue(e.getMessage().contains("'Missing'") && e.getMessage().contains(setting), e.getMessage());
        }
    }

    @Test
    void emptyFileHasNoHeader() {
        ConnectorException e = assertThrows(ConnectorException.class, () -> extract("empty.csv"));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }

    @Test
    void headerOnlyGivesNoElements() throws Exception {
        RecordingContext context = extract("header-only.csv");
        assertEquals(List.of(), context.elements);
        assertEquals(1, context.issues("KeyColumn").size());
    }

    @Test
    void rowsWithoutAnyValueAreSkippedWithOneInfo() throws Exception {
        Path file = write("blank-rows.csv", "id,name\n,\nA,a\n  ,  \n\n");
        RecordingContext context = extract(Fixtures.file(file, Map.of()));
        assertEquals(List.of("A"), context.identifiers());
        assertEquals(List.of(), context.issues("MissingKey"));
        assertEquals("2 row(s) without any value were skipped", context.issues("BlankRows").get(0).message());
    }

    @Test
    void perRowIssuesAreCappedPerCategory() throws Exception {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < 150; i++) {
            text.append(",n").append(i).append('\n');
        }
        RecordingContext context = extract(Fixtures.file(write("no-keys.csv", text.toString()), Map.of()));
        List<Issue> missing = context.issues("MissingKey");
        assertEquals(CsvExtraction.MAX_ISSUES_PER_CATEGORY + 1, missing.size());
        Issue summary = missing.get(missing.size() - 1);
        assertEquals(Issue.Level.ERROR, summary.level());
        assertTrue(summary.message().startsWith("50 more"), summary.message());
    }

    @Test
    void cancellationIsCheckedEveryThousandRows() throws Exception {
        Path file = write("many.csv", rows(2500));
        RecordingContext context = new RecordingContext();
        context.cancelAfterElements = 1;
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> new CsvConnector().extract(Fixtures.file(file, Map.of()), context));
        assertEquals(ConnectorException.Kind.CANCELLED, e.kind());
        assertEquals(999, context.elements.size());
    }

    @Test
    void progressIsReportedEveryTenThousandRowsAndAtTheEnd() throws Exception {
        Path file = write("progress.csv", rows(25_000));
        RecordingContext context = extract(Fixtures.file(file, Map.of()));
        assertEquals(25_000, context.elements.size());
        assertEquals(25, context.cancelChecks);
        long size = Files.size(file);
        assertEquals(3, context.progress.size());
        assertTrue(context.progress.stream().allMatch(p -> p[1] == size && p[0] > 0 && p[0] <= size));
        assertArrayEquals(new long[] {size, size}, context.progress.get(2));
    }

    @Test
    void aClassIsDeclaredOnce() throws Exception {
        RecordingContext context = extract(Fixtures.file(write("classes.csv", rows(50)), Map.of()));
        assertEquals(List.of("CSV:classes"), context.classNames());
        assertEquals("CSV rows of file 'classes.csv'", context.classes.get(0).description());
    }

    @Test
    void hugeQuotedFieldsSurviveBufferRefills() throws Exception {
        StringBuilder big = new StringBuilder();
        while (big.length() < 300_000) {
            big.append("text, \"quoted\"\r\nnext line ");
        }
        String quoted = "\"" + big.toString().replace("\"", "\"\"") + "\"";
        Path file = write("huge.csv", "id,body\nB1," + quoted + "\nB2,after\n");
        RecordingContext context = extract(Fixtures.file(file, Map.of()));
        assertEquals(List.of("B1", "B2"), context.identifiers());
        assertEquals(big.toString().replace("\r\n", "\n"), columnsOf(context.element("B1")).get("body"));
    }

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(text);
        }
        return file;
    }

    private static String rows(int count) {
        StringBuilder text = new StringBuilder("id,value\n");
        for (int i = 0; i < count; i++) {
            text.append("R").append(i).append(',').append(i).append('\n');
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> columnsOf(Element element) {
        return (Map<String, Object>) element.properties().getOrDefault("Columns", Map.of());
    }

    private static Map<String, Object> columns(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
