package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepStringDecoderTest {

    @Test
    void decodesEveryEscapeOfTheFixture() throws Exception {
        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(1L, "It's");
        expected.put(2L, "back\\slash");
        expected.put(3L, "Stockt\u00fcr_1_Fl 70");
        expected.put(4L, "\u0441\u0442");                   // \PE\ = ISO 8859-5, Cyrillic
        expected.put(5L, "\u00a1\u0104");                   // 0xA1 in ISO 8859-1, then in ISO 8859-2
        expected.put(6L, "Build 63006\r\n");
        expected.put(7L, "H\u00f6he (Z Gr\u00f6\u00dfe)");
        expected.put(8L, "\uD83D\uDE00 and \uD83D\uDE00");  // surrogate pair in \X2\, code point in \X4\
        expected.put(9L, "AB");
        expected.put(10L, "\u00a7");                        // \S\ followed by a (doubled) apostrophe
        expected.put(11L, "C:\\Users\\me");                 // not a directive: backslashes kept
        expected.put(12L, "line oneline two");              // line breaks are not part of a string
        expected.put(13L, "raw UTF-8: Gr\u00fc\u00dfe");
        expected.put(14L, "");
        expected.put(15L, "mixed \u00e4\u00e4\u00e4'");
        expected.put(16L, "empty");
        expected.put(17L, "#1=IFCFAKE('not an instance');");

        List<StepInstance> instances = Fixtures.readAll(Files.readAllBytes(Fixtures.resource("strings.ifc")));
        Map<Long, Object> actual = new LinkedHashMap<>();
        instances.forEach(i -> actual.put(i.id(), i.attributes().get(0)));
        assertEquals(expected, actual);
    }

    @Test
    void readsRawBytesThatAreNotUtf8AsLatin1() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Fixtures.HEADER.getBytes(StandardCharsets.US_ASCII));
        out.write("#1=IFCLABEL_TEST('T".getBytes(StandardCharsets.US_ASCII));
        out.write(0xFC);                                    // ISO 8859-1 u-umlaut, an invalid UTF-8 lead here
        out.write("r');\n".getBytes(StandardCharsets.US_ASCII));
        out.write(Fixtures.FOOTER.getBytes(StandardCharsets.US_ASCII));
        assertEquals("T\u00fcr", Fixtures.readAll(out.toByteArray()).get(0).attributes().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'\\X2\\00G6\\X0\\'       | \\X2\\ expects groups of four hex digits",
        "'\\X2\\00E4'             | \\X2\\ sequence not closed by \\X0\\",
        "'\\X2\\00E4\\X\\41'      | \\X2\\ sequence not closed by \\X0\\",
        "'\\X2\\D83D\\X0\\'       | high surrogate not followed by a low surrogate",
        "'\\X2\\DE00\\X0\\'       | low surrogate without a high surrogate",
        "'\\X4\\00110000\\X0\\'   | is not a Unicode code point",
        "'\\X4\\0041\\X0\\'       | \\X4\\ expects groups of eight hex digits",
        "'\\X\\4'                 | \\X\\ must be followed by two hex digits",
        "'\\X0\\'                 | \\X0\\ without an opening",
        "'\\PZ\\'                 | unknown code page \\PZ\\",
        "'abc\\S\\'               | \\S\\ at the end of the string",
    })
    void rejectsMalformedDirectives(String literal, String reason) {
        byte[] file = Fixtures.file("#1=IFCLABEL_TEST(1,\n" + literal.strip() + ");\n");
        StepSyntaxException e = assertThrows(StepSyntaxException.class, () -> Fixtures.readAll(file));
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertEquals(9, e.line());
        assertEquals(1L, e.instanceId().orElseThrow());
    }

    @Test
    void reportsTheLineInsideAMultiLineString() {
        byte[] file = Fixtures.file("#1=IFCLABEL_TEST('first\nsecond\n\\X2\\ZZZZ\\X0\\');\n");
        StepSyntaxException e = assertThrows(StepSyntaxException.class, () -> Fixtures.readAll(file));
        assertEquals(10, e.line());
        String text = new String(file, StandardCharsets.US_ASCII);
        assertEquals(text.indexOf("ZZZZ"), e.offset());
    }

    @Test
    void rejectsControlCharactersInStrings() {
        byte[] file = Fixtures.file("#1=IFCLABEL_TEST('bell\u0007');\n");
        StepSyntaxException e = assertThrows(StepSyntaxException.class, () -> Fixtures.readAll(file));
        assertTrue(e.reason().contains("control character 0x07"), e.getMessage());
    }
}
