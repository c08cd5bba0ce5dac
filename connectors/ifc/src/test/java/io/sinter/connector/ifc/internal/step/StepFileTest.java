package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepFileTest {

    @TempDir
    Path temp;

    @Test
    void indexesFilesWrittenInDescendingOrder() throws Exception {
        try (StepFile file = StepFile.open(Fixtures.resource("descending.ifc"))) {
            assertEquals(9, file.instanceCount());
            assertArrayEquals(new long[] {40, 30, 20, 10, 5, 4, 3, 2, 1}, file.ids().toArray());
            assertArrayEquals(new long[] {20, 10}, file.idsOfType("IfcBuildingStorey").toArray());
            assertEquals(Optional.of("IFCBUILDING"), file.typeOf(30));
            assertEquals(Optional.empty(), file.typeOf(31));
            assertEquals(10, file.lineOf(20).orElseThrow());
            assertEquals(Map.of(
                    "IFCRELAGGREGATES", 1, "IFCBUILDING", 1, "IFCBUILDINGSTOREY", 2, "IFCOWNERHISTORY", 1,
                    "IFCPERSONANDORGANIZATION", 1, "IFCAPPLICATION", 1, "IFCPERSON", 1, "IFCORGANIZATION", 1),
                    file.countsByType());

            // forward references: #40 refers to instances that come later in the file
            StepInstance aggregates = file.instance(40);
            assertEquals(List.of(new StepRef(20), new StepRef(10)), aggregates.attributes().get(5));
            assertEquals("IFCBUILDING", file.instance(((StepRef) aggregates.attributes().get(4)).id()).type());
            List<?> parts = (List<?>) aggregates.attributes().get(5);
            StepInstance storey = file.instance(((StepRef) parts.get(0)).id());
            assertEquals("Level 2", storey.attributes().get(2));
            StepInstance history = file.instance(((StepRef) storey.attributes().get(1)).id());
            assertEquals("IFCOWNERHISTORY", history.type());
            assertEquals(1332519240L, history.attributes().get(7));
        }
    }

    @Test
    void decodesOnDemandInAnyOrderLikeTheStreamingReader() throws Exception {
        Path path = Fixtures.resource("all-values.ifc");
        List<StepInstance> streamed = Fixtures.readAll(Files.readAllBytes(path));
        try (StepFile file = StepFile.open(path)) {
            assertEquals(IfcSchemaVersion.IFC4, file.schemaVersion().orElseThrow());
            assertEquals("IFC4", file.schemaIdentifier());
            assertEquals("all-values.ifc", file.header().name());
            for (int i = streamed.size() - 1; i >= 0; i--) {
                StepInstance expected = streamed.get(i);
                assertEquals(expected, file.instance(expected.id()));
            }
            assertEquals(streamed.get(2), file.instance(3), "decoding twice gives the same");
        }
    }

    @Test
    void reportsMissingIdsWithoutRuntimeErrorsThroughFind() throws Exception {
        try (StepFile file = StepFile.open(Fixtures.resource("complex.ifc"))) {
            assertFalse(file.contains(99));
            assertEquals(Optional.empty(), file.find(99));
            assertThrows(NoSuchElementException.class, () -> file.instance(99));
            assertTrue(file.contains(10));
            assertEquals("LENGTH_UNIT+NAMED_UNIT+SI_UNIT", file.typeOf(10).orElseThrow());
            assertArrayEquals(new long[] {10}, file.idsOfType("length_unit+named_unit+si_unit").toArray());
            assertArrayEquals(new long[] {12}, file.idsOfType("IFCWALL").toArray());
            assertEquals(0, file.idsOfType("IFCDOOR").count());
            assertTrue(file.find(10).orElseThrow().isComplex());
        }
    }

    @Test
    void errorsWhileDecodingCarryTheInstancePosition() throws Exception {
        // a file that is indexed, then changed on disk: decoding must fail cleanly, not with a RuntimeException
        Path path = temp.resolve("changing.ifc");
        Files.write(path, Fixtures.file("#1=IFCLABEL_TEST('aaaa');\n#2=IFCLABEL_TEST('bbbb');\n"));
        try (StepFile file = StepFile.open(path)) {
            Files.write(path, Fixtures.file("#1=IFCLABEL_TEST('aaaa');\n#3=IFCLABEL_TEST('bbbb');\n"));
            assertEquals("aaaa", file.instance(1).attributes().get(0));
            IOException e = assertThrows(IOException.class, () -> file.instance(2));
            assertTrue(e.getMessage().contains("changed since it was indexed"), e.getMessage());
        }
        Files.write(path, Fixtures.file("#1=IFCLABEL_TEST('aaaa');\n#2=IFCLABEL_TEST('bbbb');\n"));
        try (StepFile file = StepFile.open(path)) {
            Files.write(path, Fixtures.file("#1=IFCLABEL_TEST(?aaa');\n#2=IFCLABEL_TEST('bbbb');\n"));
            StepSyntaxException syntax = assertThrows(StepSyntaxException.class, () -> file.instance(1));
            assertEquals(8, syntax.line());
            assertEquals(1L, syntax.instanceId().orElseThrow());
        }
    }

    /** A million instances in descending order, each referring to the next one in the file. */
    @Test
    void indexesAMillionInstances() throws Exception {
        int count = 1_000_000;
        Path path = temp.resolve("million.ifc");
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.US_ASCII)) {
            out.write(Fixtures.HEADER);
            for (int id = count; id >= 1; id--) {
                out.write("#" + id + "=IFCPOLYLOOP((#" + (id - 1) + ",'p" + id + "'));\n");
            }
            out.write(Fixtures.FOOTER);
        }
        try (StepFile file = StepFile.open(path)) {
            assertEquals(count, file.instanceCount());
            assertEquals(count, file.idsOfType("IFCPOLYLOOP").count());
            assertEquals(count, file.ids().distinct().count());
            List<Long> probes = new ArrayList<>(List.of(1L, 2L, 500_000L, 999_999L, (long) count));
            for (long id : probes) {
                StepInstance instance = file.instance(id);
                assertEquals(List.of(List.of(new StepRef(id - 1), "p" + id)), instance.attributes());
                assertEquals(8 + count - id, file.lineOf(id).orElseThrow());
            }
            assertFalse(file.contains(0));
        }
    }
}
