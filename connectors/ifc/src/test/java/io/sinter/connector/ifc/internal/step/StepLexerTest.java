package io.sinter.connector.ifc.internal.step;

import static io.sinter.connector.ifc.internal.step.StepLexer.BINARY;
import static io.sinter.connector.ifc.internal.step.StepLexer.COMMA;
import static io.sinter.connector.ifc.internal.step.StepLexer.DOLLAR;
import static io.sinter.connector.ifc.internal.step.StepLexer.ENUMERATION;
import static io.sinter.connector.ifc.internal.step.StepLexer.EOF;
import static io.sinter.connector.ifc.internal.step.StepLexer.EQUALS;
import static io.sinter.connector.ifc.internal.step.StepLexer.INSTANCE_NAME;
import static io.sinter.connector.ifc.internal.step.StepLexer.INTEGER;
import static io.sinter.connector.ifc.internal.step.StepLexer.KEYWORD;
import static io.sinter.connector.ifc.internal.step.StepLexer.LPAREN;
import static io.sinter.connector.ifc.internal.step.StepLexer.REAL;
import static io.sinter.connector.ifc.internal.step.StepLexer.RPAREN;
import static io.sinter.connector.ifc.internal.step.StepLexer.SEMICOLON;
import static io.sinter.connector.ifc.internal.step.StepLexer.STAR;
import static io.sinter.connector.ifc.internal.step.StepLexer.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLexerTest {

    @Test
    void tokenisesWithLinesAndOffsetsAcrossComments() throws Exception {
        String text = "#12 = IFCX(/* one\ntwo */ 'a''b', -3, 1.E-5,\r\n .T., \"0F\", $, *, #7);";
        StepLexer lexer = lexer(text, 4);
        List<String> tokens = new ArrayList<>();
        for (int kind; (kind = lexer.next()) != EOF; ) {
            tokens.add(kind + "@" + lexer.tokenLine() + ":" + lexer.tokenOffset());
        }
        assertEquals(List.of(
                INSTANCE_NAME + "@1:0", EQUALS + "@1:4", KEYWORD + "@1:6", LPAREN + "@1:10",
                STRING + "@2:25", COMMA + "@2:31", INTEGER + "@2:33", COMMA + "@2:35", REAL + "@2:37",
                COMMA + "@2:42", ENUMERATION + "@3:46", COMMA + "@3:49", BINARY + "@3:51", COMMA + "@3:55",
                DOLLAR + "@3:57", COMMA + "@3:58", STAR + "@3:60", COMMA + "@3:61", INSTANCE_NAME + "@3:63",
                RPAREN + "@3:65", SEMICOLON + "@3:66"),
                tokens);
        assertEquals(text.indexOf("#7"), 63);
        assertEquals(text.indexOf("'a''b'"), 25);
    }

    @Test
    void convertsTokenValues() throws Exception {
        StepLexer lexer = lexer("#123456789012 'it''s' -42 -0.5E+3 .NOTDEFINED. ifcWall \"3F\"", 5);
        assertEquals(INSTANCE_NAME, lexer.next());
        assertEquals(123456789012L, lexer.instanceId());
        assertEquals(STRING, lexer.next());
        assertEquals("it's", lexer.stringValue());
        assertEquals(INTEGER, lexer.next());
        assertEquals(-42L, lexer.longValue());
        assertEquals(REAL, lexer.next());
        assertEquals(-500.0, lexer.doubleValue());
        assertEquals(ENUMERATION, lexer.next());
        NameTable names = new NameTable();
        assertEquals("NOTDEFINED", names.name(lexer.enumerationCode(names)));
        assertEquals(KEYWORD, lexer.next());
        assertTrue(lexer.keywordIs("IFCWALL"));
        assertFalse(lexer.keywordIs("IFCWALLS"));
        assertEquals("IFCWALL", names.name(lexer.keywordCode(names)));
        assertEquals(BINARY, lexer.next());
        assertEquals(new StepBinary("3F"), lexer.binaryValue());
        assertEquals(EOF, lexer.next());
        assertEquals(EOF, lexer.next());
    }

    @Test
    void keepsFileKeywordsWithDashesInOneToken() throws Exception {
        StepLexer lexer = lexer("END-ISO-10303-21;", 3);
        assertEquals(KEYWORD, lexer.next());
        assertTrue(lexer.keywordIs("END-ISO-10303-21"));
        assertTrue(lexer.keywordHasDash());
        assertEquals(SEMICOLON, lexer.next());
    }

    @Test
    void growsTheBufferForTokensLongerThanIt() throws Exception {
        String longString = "x".repeat(100_000);
        StepLexer lexer = lexer("  '" + longString + "' 7", 16);
        assertEquals(STRING, lexer.next());
        assertEquals(longString, lexer.stringValue());
        assertEquals(INTEGER, lexer.next());
        assertEquals(100_005, lexer.tokenOffset());
    }

    @Test
    void reportsErrorsWithTheContextInstance() throws Exception {
        StepLexer lexer = lexer("\n\n  ^", 8);
        lexer.setContextId(42);
        StepSyntaxException e = assertThrows(StepSyntaxException.class, lexer::next);
        assertEquals("line 3 (offset 4), #42: unexpected character '^'", e.getMessage());
    }

    @Test
    void lexesAPieceOfAFileAtItsPosition() throws Exception {
        byte[] bytes = "xxxx#5=IFCX(1);yyyy".getBytes(StandardCharsets.US_ASCII);
        StepLexer lexer = new StepLexer();
        lexer.reset(bytes, 4, 15, 1000, 77);
        assertEquals(INSTANCE_NAME, lexer.next());
        assertEquals(1000, lexer.tokenOffset());
        assertEquals(77, lexer.tokenLine());
        int last = EOF;
        for (int kind; (kind = lexer.next()) != EOF; ) {
            last = kind;
        }
        assertEquals(SEMICOLON, last);
        assertEquals(1011, lexer.endOffset());
    }

    private static StepLexer lexer(String text, int bufferSize) {
        return new StepLexer(ByteSource.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1))), bufferSize);
    }
}
