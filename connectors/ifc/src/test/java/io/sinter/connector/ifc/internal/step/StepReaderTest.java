package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepReaderTest {

    @Test
    void readsHeaderWithCommentsBetweenTokens() throws Exception {
        try (StepReader reader = StepReader.open(Fixtures.resource("all-values.ifc"))) {
            StepHeader header = reader.header();
            assertEquals(List.of("ViewDefinition [CoordinationView]", "Option [none]"), header.description());
            assertEquals("2;1", header.implementationLevel());
            assertEquals("all-values.ifc", header.name());
            assertEquals("2024-01-02T03:04:05", header.timeStamp());
            assertEquals(List.of("Author 'A'"), header.author());
            assertEquals(List.of("Org", "Unit"), header.organization());
            assertEquals("hand written", header.preprocessorVersion());
            assertEquals("vi", header.originatingSystem());
            assertEquals("", header.authorization(), "$ reads as an empty string");
            assertEquals(List.of("IFC4"), header.schemaIdentifiers());
            assertEquals(IfcSchemaVersion.IFC4, header.schemaVersion().orElseThrow());
            assertEquals(List.of("FILE_DESCRIPTION", "FILE_NAME", "FILE_SCHEMA"),
                    header.records().stream().map(StepRecord::type).toList());
        }
    }

    @Test
    void readsEveryKindOfValue() throws Exception {
        Map<Long, StepInstance> byId = byId(Fixtures.readAll(Files.readAllBytes(Fixtures.resource("all-values.ifc"))));
        assertEquals(5, byId.size());

        assertEquals(List.of(List.of(0.0, 1.5, -2.0)), byId.get(1L).attributes());

        List<Object> values = byId.get(2L).attributes();
        assertEquals("IFCVALUES", byId.get(2L).type());
        assertEquals(List.of(
                42L, -7L, 3L, Long.MAX_VALUE, Long.MIN_VALUE,
                1.0, 1.0E-5, -500.0, 250.0, 0.1,
                "text", new StepEnum("ELEMENT"), Boolean.TRUE, Boolean.FALSE, StepMarker.UNKNOWN,
                new StepBinary("0FF"), new StepBinary("3F"), new StepRef(1), StepMarker.UNSET, StepMarker.DERIVED),
                values);
        StepBinary eightBits = (StepBinary) values.get(15);
        assertEquals(8, eightBits.bitLength());
        StepBinary oneBit = (StepBinary) values.get(16);
        assertEquals(1, oneBit.bitLength());
        assertTrue(oneBit.bit(0));

        assertEquals(List.of("guid", new StepRef(1), StepMarker.UNSET), byId.get(3L).attributes());

        assertEquals(List.of(
                List.of(1L, List.of(2L, 3L), List.of()),
                new StepTypedValue("IFCLABEL", "x"),
                new StepTypedValue("IFCLENGTHMEASURE", 2.5),
                new StepTypedValue("IFCBOOLEAN", Boolean.TRUE),
                List.of(new StepTypedValue("IFCLABEL", "a"), new StepTypedValue("IFCINTEGER", 5L)),
                new StepTypedValue("IFCCOMPLEXNUMBER", List.of(1.0, 2.0))),
                byId.get(4L).attributes());

        assertEquals(List.of(), byId.get(5L).attributes());
    }

    @Test
    void sharesEnumerationValuesAndTypeNames() throws Exception {
        List<StepInstance> instances = Fixtures.readAll(Fixtures.file(
                "#1=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);\n#2=IFCSIUNIT(*,.AREAUNIT.,$,.SQUARE_METRE.);\n"
                        + "#3=ifcsiunit(*,.lengthunit.,$,.metre.);\n"));
        assertSame(instances.get(0).type(), instances.get(1).type());
        assertEquals("IFCSIUNIT", instances.get(2).type(), "names are upper-cased");
        assertSame(instances.get(0).attributes().get(1), instances.get(2).attributes().get(1));
        assertEquals(new StepEnum("METRE"), instances.get(2).attributes().get(3));
    }

    @Test
    void readsComplexInstancesWithTheirParts() throws Exception {
        Map<Long, StepInstance> byId = byId(Fixtures.readAll(Files.readAllBytes(Fixtures.resource("complex.ifc"))));

        StepInstance unit = byId.get(10L);
        assertTrue(unit.isComplex());
        assertEquals("LENGTH_UNIT+NAMED_UNIT+SI_UNIT", unit.type());
        assertEquals(List.of(
                new StepRecord("LENGTH_UNIT", List.of()),
                new StepRecord("NAMED_UNIT", List.of(StepMarker.DERIVED)),
                new StepRecord("SI_UNIT", List.of(new StepEnum("MILLI"), new StepEnum("METRE")))),
                unit.parts());
        assertEquals(List.of(StepMarker.DERIVED, new StepEnum("MILLI"), new StepEnum("METRE")), unit.attributes());

        StepInstance context = byId.get(11L);
        assertEquals(3, context.parts().size());
        assertEquals(List.of(3L, List.of(new StepRef(10)), "ctx", "3D"), context.attributes());

        StepInstance single = byId.get(12L);
        assertFalse(single.isComplex(), "a complex instance of one record is a simple one");
        assertEquals("IFCWALL", single.type());

        StepInstance simple = byId.get(13L);
        assertFalse(simple.isComplex());
        assertEquals(List.of(new StepRecord("IFCSIUNIT", simple.attributes())), simple.parts());
    }

    @Test
    void readsSeveralDataSections() throws Exception {
        try (StepReader reader = StepReader.open(Fixtures.resource("two-data-sections.ifc"))) {
            assertEquals(IfcSchemaVersion.IFC4X3, reader.header().schemaVersion().orElseThrow());
            assertEquals("IFC4X3_ADD2", reader.header().schemaIdentifier());
            assertEquals(1L, reader.next().id());
            assertEquals(2L, reader.next().id());
            StepInstance third = reader.next();
            assertEquals(List.of(StepMarker.UNSET, new StepRef(2)), third.attributes());
            assertNull(reader.next());
            assertNull(reader.next(), "stays at the end");
            assertEquals(3, reader.count());
        }
    }

    @Test
    void acceptsByteOrderMarkAndCrLf() throws Exception {
        String crlf = new String(Fixtures.file("#1=IFCLABEL_TEST('a');\n#2=IFCLABEL_TEST('b');\n")).replace("\n", "\r\n");
        byte[] text = crlf.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        List<StepInstance> instances = Fixtures.readAll(withBom);
        assertEquals(List.of("a", "b"), instances.stream().map(i -> i.attributes().get(0)).toList());
    }

    /** Every token, string and comment must survive being split over buffer refills at any byte. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void tinyBuffersAndDribblingInputGiveTheSameResult(int size) throws Exception {
        for (String name : List.of("all-values.ifc", "strings.ifc", "complex.ifc", "descending.ifc")) {
            byte[] bytes = Files.readAllBytes(Fixtures.resource(name));
            List<StepInstance> expected = Fixtures.readAll(bytes);
            assertEquals(expected, Fixtures.readAll(bytes, size, size), name + " with buffer " + size);
            assertEquals(expected, Fixtures.readAll(bytes, 1 << 16, size), name + " read " + size + " bytes at a time");
        }
    }

    @Test
    void keepsFailingAfterAnError() throws Exception {
        try (StepReader reader = new StepReader(new ByteArrayInputStream(Fixtures.file("#1=IFCX(1);\n#2=IFCX(?);\n")))) {
            assertEquals(1L, reader.next().id());
            StepSyntaxException first = assertThrows(StepSyntaxException.class, reader::next);
            assertSame(first, assertThrows(StepSyntaxException.class, reader::next));
        }
    }

    private static Map<Long, StepInstance> byId(List<StepInstance> instances) {
        return instances.stream().collect(Collectors.toMap(StepInstance::id, Function.identity()));
    }
}
