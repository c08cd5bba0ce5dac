package io.sinter.connector.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Position;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The record reader on its own. Every case runs with buffers from 2 characters up, so that each
 * construct (quotes, doubled quotes, CR LF) also falls across a buffer refill.
 */
class CsvParserTest {

    /** A record: its line and its fields. */
    private record Row(long line, List<String> fields) {
        static Row of(long line, String... fields) {
            return new Row(line, List.of(fields));
        }
    }

    private static List<Row> parse(String text, char delimiter, int bufferSize) throws IOException, ConnectorException {
        return parse(new StringReader(text), delimiter, bufferSize);
    }

    private static List<Row> parse(Reader reader, char delimiter, int bufferSize) throws IOException, ConnectorException {
        CsvParser parser = new CsvParser(reader, delimiter, ',', bufferSize);
        List<Row> rows = new ArrayList<>();
        while (parser.next()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < parser.fieldCount(); i++) {
                fields.add(parser.field(i));
            }
            rows.add(new Row(parser.line(), fields));
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8, 64, CsvParser.DEFAULT_BUFFER_SIZE})
    void plainFieldsAndAllLineEndings(int buffer) throws Exception {
        assertEquals(List.of(Row.of(1, "a", "b", "c"), Row.of(2, "1", "2", "3"), Row.of(3, "4", "5", "6"), Row.of(4, "7", "", "")),
                parse("a,b,c\r\n1,2,3\n4,5,6\r7,,", ',', buffer));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8, 64})
    void quotedFields(int buffer) throws Exception {
        String text = "\"a,b\",\"say \"\"hi\"\"\",\"\"\n"
                + "\"multi\r\nline\rwith\nbreaks\",x\n"
                + "\"\"\"\",\"trailing\"  ,  \"lead\"\n";
        assertEquals(List.of(Row.of(1, "a,b", "say \"hi\"", ""), Row.of(2, "multi\nline\nwith\nbreaks", "x"),
                Row.of(6, "\"", "trailing", "lead")), parse(text, ',', buffer));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7, 64})
    void unquotedSpacesAreTrimmedQuotedOnesKept(int buffer) throws Exception {
        assertEquals(List.of(Row.of(1, "a b", "", " \" x \" ", "c", "d\"e")),
                parse("  a b  ,   ,\" \"\" x \"\" \", c ,d\"e", ',', buffer));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 64})
    void textAfterAClosingQuoteIsKept(int buffer) throws Exception {
        assertEquals(List.of(Row.of(1, "ab cd", "x")), parse("\"ab\" cd ,x", ',', buffer));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 64})
    void emptyLinesAreSkippedButCounted(int buffer) throws Exception {
        assertEquals(List.of(Row.of(1, "h"), Row.of(4, "x")), parse("h\r\r\rx", ',', buffer), "lone CRs");
        assertEquals(List.of(Row.of(3, "h"), Row.of(6, "r1"), Row.of(8, "r2")),
                parse("\n\r\nh\r\n\r\n\nr1\n\r\nr2\n\n", ',', buffer));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 64})
    void byteOrderMarkIsDropped(int buffer) throws Exception {
        assertEquals(List.of(Row.of(1, "id", "x")), parse("\uFEFFid;x", (char) 0, buffer));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 64})
    void delimiterIsDetectedOutsideQuotesOnTheFirstNonEmptyLine(int buffer) throws Exception {
        assertEquals(';', detect("\"a,b,c\";d;e\n1,2,3,4,5,6,7\n", buffer));
        assertEquals('\t', detect("\n\na\tb,c\td\n", buffer));
        assertEquals(',', detect("a;b,c\td\n", buffer), "ties go to comma, then semicolon");
        assertEquals(';', detect("\"multi\nline,\",x;y;z\n", buffer), "a quoted line break does not end the header");
        assertEquals(',', detect("single\n", buffer), "none found: the fallback");
    }

    private static char detect(String text, int buffer) throws Exception {
        CsvParser parser = new CsvParser(new StringReader(text), (char) 0, ',', buffer);
        parser.next();
        return parser.delimiter();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 64})
    void explicitDelimiterWins(int buffer) throws Exception {
        assertEquals(List.of(Row.of(1, "a,b", "c;d"), Row.of(2, "1", "2")), parse("a,b|c;d\n1|2\n", '|', buffer));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 64})
    void endOfFileInsideQuotesIsCorruptAtTheFieldsFirstLine(int buffer) {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> parse("a,b\n1,2\n3,\"open\r\nstill\n\"\"open\n", ',', buffer));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        assertEquals(Position.line(3), e.position());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 64})
    void closingQuoteAtEndOfFileIsFine(int buffer) throws Exception {
        assertEquals(List.of(Row.of(1, "a", "b\nc")), parse("a,\"b\nc\"", ',', buffer));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 64})
    void malformedUtf8IsCorruptAtItsLine(int buffer) throws Exception {
        byte[] head = "id,name\n1,\"two\nlines\"\n2,ok\n3,b".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lead byte followed by no continuation byte
        bytes[head.length + 1] = 'x';
        bytes[head.length + 2] = '\n';
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> parse(DecodingReader.open(new ByteArrayInputStream(bytes), null), ',', buffer));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        assertEquals(new Position(5, -1, head.length, null), e.position());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 64})
    void truncatedUtf8AtTheEndIsCorrupt(int buffer) {
        byte[] bytes = {'a', '\n', 'b', (byte) 0xE2, (byte) 0x82};
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> parse(DecodingReader.open(new ByteArrayInputStream(bytes), null), ',', buffer));
        assertEquals(new Position(2, -1, 3, null), e.position());
    }
}
