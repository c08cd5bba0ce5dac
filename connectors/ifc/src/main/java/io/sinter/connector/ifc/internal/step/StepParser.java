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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ISO 10303-21 grammar on top of a {@link StepLexer}: the file structure ({@code ISO-10303-21;},
 * HEADER, one or more DATA sections, {@code END-ISO-10303-21;}) and entity instances, simple and complex.
 *
 * <p>An instance body is either built into a {@link StepInstance} or only checked ("skipped"); both go
 * through the same code, so a file that is skipped without error also builds without error. Nested lists
 * are handled with an explicit stack, bounded by {@link #MAX_DEPTH}. Not thread-safe.
 */
final class StepParser {

    /** Deepest nesting of lists and typed parameters accepted in one instance. */
    static final int MAX_DEPTH = 256;

    private static final byte LIST_FRAME = 0;
    private static final byte TYPED_FRAME = 1;

    private static final int BEFORE_HEADER = 0;
    private static final int BETWEEN_SECTIONS = 1;
    private static final int IN_DATA = 2;
    private static final int FINISHED = 3;

    private final StepLexer lexer;
    private final NameTable types;
    private final InstanceIndex index;
    private final NameTable enumerations = new NameTable();
    private final int trueCode;
    private final int falseCode;
    private final int unknownCode;
    private StepEnum[] enumValues = new StepEnum[16];

    private final byte[] frameKinds = new byte[MAX_DEPTH];
    private final String[] frameTypes = new String[MAX_DEPTH];
    private final List<ArrayList<Object>> frameValues = new ArrayList<>();

    private int state = BEFORE_HEADER;
    private long id = -1;
    private long offset;
    private int slot = -1;
    private int lastType = -1;

    /**
     * @param types where entity and type names are interned
     * @param index where instances are recorded and duplicates detected, or {@code null} for neither
     */
    StepParser(StepLexer lexer, NameTable types, InstanceIndex index) {
        this.lexer = lexer;
        this.types = types;
        this.index = index;
        this.trueCode = enumerations.code("T");
        this.falseCode = enumerations.code("F");
        this.unknownCode = enumerations.code("U");
    }

    /** Reads from the start of the file up to and including the HEADER section's {@code ENDSEC;}. */
    StepHeader readHeader() throws IOException, StepSyntaxException {
        if (state != BEFORE_HEADER) {
            throw new IllegalStateException("header already read");
        }
        lexer.skipByteOrderMark();
        try {
            lexer.next();
        } catch (StepSyntaxException e) {
            throw new StepSyntaxException("not an ISO 10303-21 file: " + e.reason(), e.line(), e.offset(), -1);
        }
        if (!lexer.keywordIs("ISO-10303-21")) {
            throw lexer.errorAtToken("not an ISO 10303-21 file: expected 'ISO-10303-21;' but found "
                    + lexer.describeToken());
        }
        expect(SEMICOLON);
        lexer.next();
        if (!lexer.keywordIs("HEADER")) {
            throw lexer.errorAtToken("expected 'HEADER;' but found " + lexer.describeToken());
        }
        expect(SEMICOLON);
        HeaderBuilder header = new HeaderBuilder();
        for (;;) {
            int token = lexer.next();
            if (lexer.keywordIs("ENDSEC")) {
                int line = lexer.tokenLine();
                long at = lexer.tokenOffset();
                expect(SEMICOLON);
                state = BETWEEN_SECTIONS;
                return header.build(line, at);
            }
            if (token != KEYWORD) {
                throw lexer.errorAtToken("expected a header entity or 'ENDSEC;' but found " + lexer.describeToken());
            }
            int line = lexer.tokenLine();
            long at = lexer.tokenOffset();
            String type = types.name(lexer.keywordCode(types));
            expect(LPAREN);
            List<Object> attributes = parameters(true);
            expect(SEMICOLON);
            header.add(new StepRecord(type, attributes), line, at);
        }
    }

    /**
     * Moves to the next entity instance of the DATA sections, reading section boundaries on the way.
     * On {@code true} the lexer stands after {@code #id=}; call {@link #skipBody()} or
     * {@link #readBody()} next.
     *
     * @return {@code false} once {@code END-ISO-10303-21;} has been read
     */
    boolean nextInstance() throws IOException, StepSyntaxException {
        for (;;) {
            switch (state) {
                case FINISHED:
                    return false;
                case BEFORE_HEADER:
                    throw new IllegalStateException("read the header first");
                case IN_DATA:
                    if (instanceOrEndOfSection()) {
                        return true;
                    }
                    break;
                default:
                    sectionOrEndOfFile();
                    break;
            }
        }
    }

    /** @return whether an instance starts; otherwise ENDSEC has been read */
    private boolean instanceOrEndOfSection() throws IOException, StepSyntaxException {
        int token = lexer.next();
        if (token == INSTANCE_NAME) {
            startInstance();
            return true;
        }
        if (lexer.keywordIs("ENDSEC")) {
            expect(SEMICOLON);
            state = BETWEEN_SECTIONS;
            return false;
        }
        if (token == EOF) {
            throw lexer.errorAtToken("unexpected end of file: DATA section not closed by 'ENDSEC;'");
        }
        throw lexer.errorAtToken("expected an entity instance '#n=' or 'ENDSEC;' but found " + lexer.describeToken());
    }

    private void sectionOrEndOfFile() throws IOException, StepSyntaxException {
        int token = lexer.next();
        if (lexer.keywordIs("DATA")) {
            // edition 3 names a data section and its schema: DATA('name', ('SCHEMA'));
            token = lexer.next();
            if (token == LPAREN) {
                parameters(false);
                token = lexer.next();
            }
            if (token != SEMICOLON) {
                throw lexer.errorAtToken("expected ';' after DATA but found " + lexer.describeToken());
            }
            state = IN_DATA;
        } else if (lexer.keywordIs("END-ISO-10303-21")) {
            expect(SEMICOLON);
            state = FINISHED;
        } else if (token == EOF) {
            throw lexer.errorAtToken("unexpected end of file: expected 'DATA;' or 'END-ISO-10303-21;'");
        } else if (token == KEYWORD && !lexer.keywordHasDash()) {
            throw lexer.errorAtToken("section " + lexer.describeToken() + " is not supported: expected 'DATA;' or 'END-ISO-10303-21;'");
        } else {
            throw lexer.errorAtToken("expected 'DATA;' or 'END-ISO-10303-21;' but found " + lexer.describeToken());
        }
    }

    private void startInstance() throws IOException, StepSyntaxException {
        id = lexer.instanceId();
        offset = lexer.tokenOffset();
        lexer.setContextId(id);
        if (index != null) {
            slot = index.add(id, offset, lexer.tokenLine());
            if (slot < 0) {
                throw lexer.errorAtToken("duplicate instance #" + id + " (first defined on line "
                        + index.line(-slot - 1) + ")");
            }
        }
        expect(EQUALS);
    }

    /** Checks the rest of the current instance, through its {@code ;}, without building values. */
    void skipBody() throws IOException, StepSyntaxException {
        body(false);
    }

    /** Builds the rest of the current instance, through its {@code ;}. */
    StepInstance readBody() throws IOException, StepSyntaxException {
        return body(true);
    }

    /** Reads one whole {@code #id=...;} definition: for a lexer reset to exactly that piece of a file. */
    StepInstance readInstance() throws IOException, StepSyntaxException {
        if (lexer.next() != INSTANCE_NAME) {
            throw lexer.errorAtToken("expected an entity instance '#n=' but found " + lexer.describeToken());
        }
        startInstance();
        return body(true);
    }

    private StepInstance body(boolean build) throws IOException, StepSyntaxException {
        int token = lexer.next();
        StepInstance instance = null;
        if (token == KEYWORD) {
            int type = entityType();
            expect(LPAREN);
            List<Object> attributes = parameters(build);
            lastType = type;
            if (build) {
                String name = types.name(type);
                instance = new StepInstance(id, name, attributes, List.of(new StepRecord(name, attributes)));
            }
        } else if (token == LPAREN) {
            instance = complexBody(build);
        } else {
            throw lexer.errorAtToken("expected an entity type or '(' but found " + lexer.describeToken());
        }
        expect(SEMICOLON);
        long length = lexer.endOffset() - offset;
        if (length > Integer.MAX_VALUE) {
            throw lexer.errorAtToken("instance is longer than 2 GiB");
        }
        if (index != null) {
            index.complete(slot, (int) length, lastType);
        }
        lexer.setContextId(-1);
        return instance;
    }

    /** After the '(' of {@code (A(..)B(..))}: reads the records and the closing ')'. */
    private StepInstance complexBody(boolean build) throws IOException, StepSyntaxException {
        List<StepRecord> parts = build ? new ArrayList<>() : null;
        List<Object> attributes = build ? new ArrayList<>() : null;
        StringBuilder joined = new StringBuilder();
        int token = lexer.next();
        if (token != KEYWORD) {
            throw lexer.errorAtToken("expected the first entity type of a complex instance but found "
                    + lexer.describeToken());
        }
        while (token == KEYWORD) {
            String name = types.name(entityType());
            joined.append(joined.length() == 0 ? "" : "+").append(name);
            expect(LPAREN);
            List<Object> values = parameters(build);
            if (build) {
                parts.add(new StepRecord(name, values));
                attributes.addAll(values);
            }
            token = lexer.next();
        }
        if (token != RPAREN) {
            throw lexer.errorAtToken("expected an entity type or ')' in a complex instance but found "
                    + lexer.describeToken());
        }
        lastType = types.code(joined.toString());
        return build ? new StepInstance(id, types.name(lastType), List.copyOf(attributes), List.copyOf(parts)) : null;
    }

    private int entityType() throws StepSyntaxException {
        if (lexer.keywordHasDash()) {
            throw lexer.errorAtToken("invalid entity name " + lexer.describeToken());
        }
        return lexer.keywordCode(types);
    }

    /**
     * Reads a parameter list after its '(' through the matching ')'.
     *
     * @return the values, or {@code null} when not building
     */
    private List<Object> parameters(boolean build) throws IOException, StepSyntaxException {
        int depth = 0;
        frameKinds[0] = LIST_FRAME;
        if (build) {
            frame(0).clear();
        }
        boolean afterValue = false;
        boolean closeAllowed = true;
        for (;;) {
            int token = lexer.next();
            if (afterValue) {
                if (token == COMMA && frameKinds[depth] == LIST_FRAME) {
                    afterValue = false;
                    closeAllowed = false;
                    continue;
                }
                if (token != RPAREN) {
                    throw lexer.errorAtToken((frameKinds[depth] == TYPED_FRAME
                            ? "expected ')' closing " + frameTypes[depth] + "(...)"
                            : "expected ',' or ')'") + " but found " + lexer.describeToken());
                }
            } else if (token == RPAREN) {
                if (!closeAllowed) {
                    throw lexer.errorAtToken(frameKinds[depth] == TYPED_FRAME
                            ? "typed parameter " + frameTypes[depth] + "() needs a value"
                            : "expected a parameter but found ')'");
                }
            } else {
                Object value;
                switch (token) {
                    case LPAREN:
                        depth = push(depth, LIST_FRAME, null, build);
                        closeAllowed = true;
                        continue;
                    case KEYWORD:
                        String type = types.name(entityType());
                        expect(LPAREN);
                        depth = push(depth, TYPED_FRAME, type, build);
                        closeAllowed = false;
                        continue;
                    case INTEGER:
                        value = build ? (Object) lexer.longValue() : null;
                        break;
                    case REAL:
                        value = build ? (Object) lexer.doubleValue() : null;
                        break;
                    case STRING:
                        if (build) {
                            value = lexer.stringValue();
                        } else {
                            lexer.validateString();
                            value = null;
                        }
                        break;
                    case INSTANCE_NAME:
                        value = build ? new StepRef(lexer.instanceId()) : null;
                        break;
                    case ENUMERATION:
                        value = enumeration(build);
                        break;
                    case BINARY:
                        value = build ? lexer.binaryValue() : null;
                        break;
                    case DOLLAR:
                        value = StepMarker.UNSET;
                        break;
                    case STAR:
                        value = StepMarker.DERIVED;
                        break;
                    default:
                        throw lexer.errorAtToken("expected a parameter but found " + lexer.describeToken());
                }
                if (build) {
                    frameValues.get(depth).add(value);
                }
                afterValue = true;
                continue;
            }
            // token is the ')' that closes the frame at depth
            Object closed = close(depth, build);
            if (depth == 0) {
                return castList(closed);
            }
            depth--;
            if (build) {
                frameValues.get(depth).add(closed);
            }
            afterValue = true;
        }
    }

    private int push(int depth, byte kind, String type, boolean build) throws StepSyntaxException {
        int next = depth + 1;
        if (next >= MAX_DEPTH) {
            throw lexer.errorAtToken("parameters nested deeper than " + MAX_DEPTH + " levels");
        }
        frameKinds[next] = kind;
        frameTypes[next] = type;
        if (build) {
            frame(next).clear();
        }
        return next;
    }

    private Object close(int depth, boolean build) {
        if (!build) {
            return null;
        }
        ArrayList<Object> values = frameValues.get(depth);
        Object closed = frameKinds[depth] == TYPED_FRAME
                ? new StepTypedValue(frameTypes[depth], values.get(0))
                : List.copyOf(values);
        values.clear();
        return closed;
    }

    private ArrayList<Object> frame(int depth) {
        while (frameValues.size() <= depth) {
            frameValues.add(new ArrayList<>());
        }
        return frameValues.get(depth);
    }

    private Object enumeration(boolean build) {
        if (!build) {
            return null;
        }
        int code = lexer.enumerationCode(enumerations);
        if (code == trueCode) {
            return Boolean.TRUE;
        }
        if (code == falseCode) {
            return Boolean.FALSE;
        }
        if (code == unknownCode) {
            return StepMarker.UNKNOWN;
        }
        if (code >= enumValues.length) {
            enumValues = Arrays.copyOf(enumValues, Math.max(code + 1, enumValues.length * 2));
        }
        StepEnum value = enumValues[code];
        if (value == null) {
            value = new StepEnum(enumerations.name(code));
            enumValues[code] = value;
        }
        return value;
    }

    private void expect(int kind) throws IOException, StepSyntaxException {
        if (lexer.next() != kind) {
            throw lexer.errorAtToken("expected " + StepLexer.describeKind(kind) + " but found " + lexer.describeToken());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object list) {
        return (List<Object>) list;
    }
}
