package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads the real IFC files of {@code ../shared/data/ifc} (see its MANIFEST.tsv). Skipped when the folder is
 * absent, as in a plain clone.
 */
class SharedIfcFilesTest {

    /** An instance definition at the start of a line: the independent count the reader must match. */
    private static final Pattern DEFINITION = Pattern.compile("(?m)^[ \\t]*#[0-9]+[ \\t]*=");
    private static final String TERMINATOR = "END-ISO-10303-21;";

    private static Path ifcData;

    @BeforeAll
    static void locateSharedData() {
        ifcData = sharedDirectory().resolve("data").resolve("ifc");
        Assumptions.assumeTrue(Files.isDirectory(ifcData), "../shared/data not present: skipping real-file tests");
    }

    /** {@code sinter.shared.dir} as set by surefire, else {@code ../../../shared} from the module directory. */
    static Path sharedDirectory() {
        String property = System.getProperty("sinter.shared.dir");
        if (property != null && Files.isDirectory(Path.of(property, "data"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        return Path.of("../../../shared").toAbsolutePath().normalize();
    }

    @TestFactory
    Stream<DynamicTest> everyModelParsesCompletely() throws IOException {
        List<Path> files = files(path -> !path.startsWith(ifcData.resolve("malformed")));
        assertFalse(files.isEmpty(), "no IFC files under " + ifcData);
        return files.stream().map(path -> dynamicTest(ifcData.relativize(path).toString(), () -> {
            if (path.toString().toLowerCase(Locale.ROOT).endsWith(".ifczip")) {
                checkZipped(path);
            } else if (endsWithTerminator(path)) {
                checkComplete(path);
            } else {
                checkTruncated(path);
            }
        }));
    }

    /** Files under {@code malformed/} break rules at various levels; the reader rejects only syntax errors. */
    @TestFactory
    Stream<DynamicTest> malformedFilesAreHandled() throws IOException {
        return files(path -> path.startsWith(ifcData.resolve("malformed"))).stream()
                .map(path -> dynamicTest(path.getFileName().toString(), () -> {
                    switch (path.getFileName().toString()) {
                        case "EmptyTest.ifc" -> {
                            // well-formed, only without content: an empty DATA section
                            try (StepFile file = StepFile.open(path)) {
                                assertEquals(0, file.instanceCount());
                                assertEquals(IfcSchemaVersion.IFC2X3, file.schemaVersion().orElseThrow());
                            }
                        }
                        case "doubleguids.ifc" -> checkDoubleGuids(path);
                        case "fail-header-attr-too-few.ifc" -> {
                            StepSyntaxException e = assertThrows(StepSyntaxException.class, () -> StepFile.open(path).close());
                            assertEquals(4, e.line());
                            assertTrue(e.reason().startsWith("FILE_NAME has 6 attributes, expected 7"), e.getMessage());
                        }
                        default -> {
                            StepSyntaxException e = assertThrows(StepSyntaxException.class, () -> StepFile.open(path).close());
                            assertTrue(e.line() >= 1, e.getMessage());
                        }
                    }
                }));
    }

    @Test
    void lineEndingsAndWhitespaceDoNotChangeTheModel() throws Exception {
        assertSameModel(ifcData.resolve("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/AC20-FZK-Haus.ifc"),
                ifcData.resolve("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/ISSUE_005_haus.ifc"));
        assertSameModel(ifcData.resolve("pairs/P08_ifc2x3_whitespace_only/WallOnly.ifc"),
                ifcData.resolve("pairs/P08_ifc2x3_whitespace_only/WallOnlyAddedSpace.ifc"));
    }

    @Test
    void decodesEncodedStringsOfRealExporters() throws Exception {
        Set<String> fzk = strings(ifcData.resolve("pairs/P06_ifc4_fzk_haus_crlf_vs_lf/AC20-FZK-Haus.ifc"));
        assertTrue(fzk.contains("H\u00f6he"), "\\X2\\00F6\\X0\\ in ArchiCAD 20 output");
        assertTrue(fzk.contains("H\u00f6he (Z Gr\u00f6\u00dfe)"));
        Set<String> niedri = strings(ifcData.resolve("pairs/P03_ifc2x3_archicad9_hand_edited/Niedri_org.ifc"));
        assertTrue(niedri.contains("Stockt\u00fcr_1_Fl 70"), "\\S\\| in ArchiCAD 9 output");
        assertTrue(niedri.contains("\u0014"), "\\X\\14");
        Set<String> duplex = strings(ifcData.resolve("models/2012-03-23-Duplex-Handover.ifc"));
        assertTrue(duplex.contains("Johns Manville\u00a0"), "\\S\\ followed by a space is a no-break space");
    }

    private static void checkComplete(Path path) throws Exception {
        int definitions = countDefinitions(path);
        try (StepFile file = StepFile.open(path)) {
            assertEquals(definitions, file.instanceCount(), "instances against #n= definitions");
            assertTrue(file.schemaVersion().isPresent(), "schema " + file.schemaIdentifier() + " recognised");
            try (StepReader reader = StepReader.open(path)) {
                assertEquals(file.header(), reader.header());
                Set<Long> referenced = new HashSet<>();
                int streamed = 0;
                for (StepInstance instance; (instance = reader.next()) != null; streamed++) {
                    assertEquals(instance, file.instance(instance.id()), "lazy decoding equals streaming");
                    collectReferences(instance.attributes(), referenced);
                }
                assertEquals(definitions, streamed);
                for (long id : referenced) {
                    assertTrue(file.contains(id), "reference #" + id + " resolves");
                }
            }
        }
    }

    /** A file cut short (no END-ISO-10303-21;) fails at its end, after a readable header. */
    private static void checkTruncated(Path path) throws Exception {
        byte[] bytes = Files.readAllBytes(path);
        int lines = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        StepSyntaxException e = assertThrows(StepSyntaxException.class, () -> StepFile.open(path).close());
        assertEquals(lines, e.line(), e.getMessage());
        assertEquals(bytes.length, e.offset());
        assertTrue(e.reason().contains("end of file"), e.getMessage());
        try (StepReader reader = StepReader.open(path)) {
            assertTrue(reader.header().schemaVersion().isPresent(), "schema of a truncated file still recognised");
        }
    }

    private static void checkZipped(Path path) throws Exception {
        byte[] model;
        try (InputStream in = IfcZip.openIfcEntry(path)) {
            model = in.readAllBytes();
        }
        int definitions = countDefinitions(model);
        try (StepReader reader = new StepReader(IfcZip.openIfcEntry(path))) {
            assertTrue(reader.header().schemaVersion().isPresent());
            int count = 0;
            while (reader.next() != null) {
                count++;
            }
            assertEquals(definitions, count);
        }
    }

    /** IfcSite and IfcBuilding share a GlobalId, one with a ".1" suffix: valid syntax, invalid IFC. */
    private static void checkDoubleGuids(Path path) throws Exception {
        checkComplete(path);
        try (StepFile file = StepFile.open(path)) {
            String site = (String) file.instance(file.idsOfType("IFCSITE").findFirst().orElseThrow()).attributes().get(0);
            String building = (String) file.instance(file.idsOfType("IFCBUILDING").findFirst().orElseThrow()).attributes().get(0);
            assertEquals(22, site.length());
            assertEquals(site + ".1", building, "a higher layer has to reject this GlobalId");
        }
    }

    private static void assertSameModel(Path first, Path second) throws Exception {
        Assumptions.assumeTrue(Files.exists(first) && Files.exists(second), "pair not present");
        assertNotEquals(Files.size(first), Files.size(second));
        try (StepReader a = StepReader.open(first); StepReader b = StepReader.open(second)) {
            assertEquals(a.header(), b.header());
            for (StepInstance instance; (instance = a.next()) != null; ) {
                assertEquals(instance, b.next());
            }
            assertEquals(null, b.next());
        }
    }

    private static Set<String> strings(Path path) throws Exception {
        Assumptions.assumeTrue(Files.exists(path), path + " not present");
        Set<String> strings = new HashSet<>();
        try (StepReader reader = StepReader.open(path)) {
            for (StepInstance instance; (instance = reader.next()) != null; ) {
                collectStrings(instance.attributes(), strings);
            }
        }
        return strings;
    }

    private static void collectStrings(Object value, Set<String> into) {
        if (value instanceof String s) {
            into.add(s);
        } else if (value instanceof List<?> list) {
            list.forEach(element -> collectStrings(element, into));
        } else if (value instanceof StepTypedValue typed) {
            collectStrings(typed.value(), into);
        }
    }

    private static void collectReferences(Object value, Set<Long> into) {
        if (value instanceof StepRef ref) {
            into.add(ref.id());
        } else if (value instanceof List<?> list) {
            list.forEach(element -> collectReferences(element, into));
        } else if (value instanceof StepTypedValue typed) {
            collectReferences(typed.value(), into);
        }
    }

    private static boolean endsWithTerminator(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1).strip().endsWith(TERMINATOR);
    }

    private static int countDefinitions(Path path) throws IOException {
        return countDefinitions(Files.readAllBytes(path));
    }

    private static int countDefinitions(byte[] bytes) {
        Matcher matcher = DEFINITION.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static List<Path> files(java.util.function.Predicate<Path> filter) throws IOException {
        try (Stream<Path> walk = Files.walk(ifcData)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".ifc") || name.endsWith(".ifczip");
                    })
                    .filter(filter)
                    .sorted()
                    .toList());
        }
    }
}
