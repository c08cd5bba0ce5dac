package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken files give a {@link StepSyntaxException} with line, offset and instance id, never a RuntimeException. */
class StepSyntaxErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // file                     | line | id | reason
        "truncated.ifc              | 10   | 3  | expected a parameter but found end of file",
        "unterminated-string.ifc    | 9    | 2  | string not closed by an apostrophe before the end of the file",
        "bad-token.ifc              | 9    | 2  | unexpected character '?'",
        "duplicate-id.ifc           | 10   | 1  | duplicate instance #1 (first defined on line 8)",
        "missing-endsec.ifc         | 9    |    | expected an entity instance '#n=' or 'ENDSEC;' but found 'END-ISO-10303-21'",
        "missing-end-iso.ifc        | 10   |    | unexpected end of file: expected 'DATA;' or 'END-ISO-10303-21;'",
        "missing-paren.ifc          | 10   | 17 | expected ')' closing IFCLABEL(...) but found ';'",
        "missing-semicolon.ifc      | 9    | 1  | expected ';' but found '#2'",
        "bad-escape.ifc             | 9    | 2  | \\X2\\ expects groups of four hex digits",
        "unterminated-comment.ifc   | 9    |    | comment not closed by '*/' before the end of the file",
        "bad-enumeration.ifc        | 9    | 2  | malformed enumeration .ELEMENT (expected .NAME.)",
        "trailing-comma.ifc         | 8    | 1  | expected a parameter but found ')'",
        "header-without-schema.ifc  | 5    |    | header has no FILE_SCHEMA",
        "not-step.ifc               | 1    |    | not an ISO 10303-21 file: unexpected character '<'",
    })
    void brokenFixturesFailWithTheirPosition(String name, int line, Long id, String reason) throws Exception {
        Path path = Fixtures.resource("broken/" + name);
        StepSyntaxException indexed = assertThrows(StepSyntaxException.class, () -> StepFile.open(path).close());
        assertEquals(reason, indexed.reason());
        assertEquals(line, indexed.line());
        assertEquals(id == null ? OptionalLong.empty() : OptionalLong.of(id), indexed.instanceId());
        assertEquals(expectedOffset(path, line, indexed.offset()), indexed.offset());
        assertEquals("line " + line + " (offset " + indexed.offset() + ")" + (id == null ? "" : ", #" + id)
                + ": " + reason, indexed.getMessage());

        StepSyntaxException streamed = assertThrows(StepSyntaxException.class,
                () -> Fixtures.readAll(Files.readAllBytes(path)));
        assertEquals(indexed.getMessage(), streamed.getMessage(), "streaming and indexing agree");
    }

    /** The offset must point into the reported line (or at the end of the file). */
    private static long expectedOffset(Path path, int line, long offset) throws Exception {
        byte[] bytes = Files.readAllBytes(path);
        int lineStart = 0;
        for (int l = 1; l < line; l++) {
            lineStart = indexOf(bytes, (byte) '\n', lineStart) + 1;
        }
        int lineEnd = indexOf(bytes, (byte) '\n', lineStart);
        assertTrue(offset >= lineStart && offset <= (lineEnd < 0 ? bytes.length : lineEnd),
                "offset " + offset + " lies on line " + line);
        return offset;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "#1=IFCX(99999999999999999999);                  | integer 99999999999999999999 does not fit in 64 bits | 8",
        "#1=IFCX(1.E);                                   | malformed real 1.E: exponent without digits | 8",
        "#1=IFCX(-);                                     | expected a digit after the sign | 8",
        "#1=IFCX(#);                                     | expected digits after '#' | 8",
        "#1=IFCX(#99999999999999999999);                 | instance name #999999999999999999... is too large | 8",
        "#1=IFCX(\"4F\");                                | malformed binary \"4F\" (expected \"n...\": hex digits after n = 0..3 unused bits) | 8",
        "#1=IFCX(\"1\");                                 | malformed binary \"1\" (expected \"n...\": hex digits after n = 0..3 unused bits) | 8",
        "#1=IFCX(..);                                    | malformed enumeration .. (expected .NAME.) | 8",
        "#1=IFCX(IFCLABEL());                            | typed parameter IFCLABEL() needs a value | 8",
        "#1=IFCX(IFCLABEL('a','b'));                     | expected ')' closing IFCLABEL(...) but found ',' | 8",
        "#1=IFCX(IFCLABEL 'a');                          | expected '(' but found string 'a' | 8",
        "#1=IFCX(1 2);                                   | expected ',' or ')' but found '2' | 8",
        "#1=IFCX((1,,2));                                | expected a parameter but found ',' | 8",
        "#1=IFCX(1);;                                    | expected an entity instance '#n=' or 'ENDSEC;' but found ';' | 8",
        "#1=IFCX(1)                                      | expected ';' but found 'ENDSEC' | 9",
        "#1 IFCX(1);                                     | expected '=' but found 'IFCX' | 8",
        "#1=;                                            | expected an entity type or '(' but found ';' | 8",
        "#1=();                                          | expected the first entity type of a complex instance but found ')' | 8",
        "#1=(A()B(),C());                                | expected an entity type or ')' in a complex instance but found ',' | 8",
        "#1=IFC-X(1);                                    | invalid entity name 'IFC-X' | 8",
        "#1=IFCX(1)/2;                                   | unexpected character '/' | 8",
        "#1=IFCX(1) % 2;                                 | unexpected character '%' | 8",
        "IFCX(1);                                        | expected an entity instance '#n=' or 'ENDSEC;' but found 'IFCX' | 8",
    })
    void malformedInstancesFailOnTheirLine(String instance, String reason, int line) throws Exception {
        Path path = Files.createTempFile("broken", ".ifc");
        try {
            Files.write(path, Fixtures.file(instance.strip() + "\n"));
            StepSyntaxException e = assertThrows(StepSyntaxException.class, () -> StepFile.open(path).close());
            assertEquals(reason, e.reason());
            assertEquals(line, e.line(), e.getMessage());
            assertEquals(reason.startsWith("expected an entity instance") ? OptionalLong.empty() : OptionalLong.of(1),
                    e.instanceId());
        } finally {
            Files.delete(path);
        }
    }

    @Test
    void rejectsNestingBeyondTheLimit() {
        int depth = StepParser.MAX_DEPTH + 10;
        String nested = "(".repeat(depth) + "1" + ")".repeat(depth);
        StepSyntaxException e = assertThrows(StepSyntaxException.class,
                () -> Fixtures.readAll(Fixtures.file("#1=IFCX(" + nested + ");\n")));
        assertEquals("parameters nested deeper than " + StepParser.MAX_DEPTH + " levels", e.reason());

        String deepButAllowed = "(".repeat(StepParser.MAX_DEPTH - 1) + "1" + ")".repeat(StepParser.MAX_DEPTH - 1);
        try {
            Fixtures.readAll(Fixtures.file("#1=IFCX(" + deepButAllowed + ");\n"));
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    @Test
    void rejectsHeaderEntitiesWithTheWrongShape() {
        String file = Fixtures.HEADER.replace("FILE_SCHEMA(('IFC4'));", "FILE_SCHEMA(());") + Fixtures.FOOTER;
        StepSyntaxException e = assertThrows(StepSyntaxException.class,
                () -> Fixtures.readAll(file.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("FILE_SCHEMA names no schema", e.reason());
        assertEquals(5, e.line());

        String twice = Fixtures.HEADER.replace("FILE_SCHEMA(('IFC4'));", "FILE_SCHEMA(('IFC4'));\nFILE_SCHEMA(('IFC2X3'));")
                + Fixtures.FOOTER;
        e = assertThrows(StepSyntaxException.class, () -> Fixtures.readAll(twice.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("second FILE_SCHEMA in the header (first on line 5)", e.reason());
        assertEquals(6, e.line());

        String number = Fixtures.HEADER.replace("'2;1'", "21") + Fixtures.FOOTER;
        e = assertThrows(StepSyntaxException.class, () -> Fixtures.readAll(number.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("FILE_DESCRIPTION.implementation_level must be a string, found 21", e.reason());
    }

    @Test
    void rejectsUnsupportedSections() {
        String file = Fixtures.HEADER.replace("DATA;\n", "ANCHOR;\n") + Fixtures.FOOTER;
        StepSyntaxException e = assertThrows(StepSyntaxException.class,
                () -> Fixtures.readAll(file.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("section 'ANCHOR' is not supported: expected 'DATA;' or 'END-ISO-10303-21;'", e.reason());
        assertEquals(7, e.line());
    }

    @Test
    void rejectsAnEmptyFile() {
        StepSyntaxException e = assertThrows(StepSyntaxException.class, () -> Fixtures.readAll(new byte[0]));
        assertEquals("not an ISO 10303-21 file: expected 'ISO-10303-21;' but found end of file", e.reason());
        assertEquals(1, e.line());
        assertEquals(0, e.offset());
    }
}
