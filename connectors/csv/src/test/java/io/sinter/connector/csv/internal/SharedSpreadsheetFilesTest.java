package io.sinter.connector.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Position;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector on the real spreadsheets of {@code ../shared/data/other/spreadsheet} (see
 * {@code ../shared/data/MANIFEST.tsv}). Skipped when the shared folder is not there.
 */
class SharedSpreadsheetFilesTest {
    private static final String DUPLEX = "2012-03-23-Duplex-Design.Component.DERIVED.csv";
    private static Path data;

    @BeforeAll
    static void locateSharedData() {
        data = sharedData();
        Assumptions.assumeTrue(data != null, "../shared/data not present: skipping real-file tests");
    }

    /** @return {@code <shared>/data} from system property {@code sinter.shared.dir}, else {@code ../../../shared}; null when absent */
    static Path sharedData() {
        String configured = System.getProperty("sinter.shared.dir");
        for (Path shared : configured == null || configured.isBlank() ? List.of(Paths.get("../../../shared"))
                : List.of(Paths.get(configured), Paths.get("../../../shared"))) {
            Path candidate = shared.resolve("data").toAbsolutePath().normalize();
            if (Files.isDirectory(candidate.resolve("other/spreadsheet"))) {
                return candidate;
            }
        }
        return null;
    }

    private static RecordingContext extract(String name, Map<String, String> settings) throws ConnectorException {
        return Fixtures.extract(Fixtures.file(data.resolve("other/spreadsheet").resolve(name), settings));
    }

    @Test
    void duplexComponentsAreKeyedByTheirIfcGlobalIds() throws Exception {
        RecordingContext context = extract(DUPLEX, Map.of());

        assertEquals("Key column: 'ExtIdentifier' (found by its name)", context.issues("KeyColumn").get(0).message());
        assertEquals(232, context.elements.size(), "MANIFEST.tsv: 232 equipment rows");
        assertEquals(232, new HashSet<>(context.identifiers()).size());
        for (Element element : context.elements) {
            assertTrue(isGlobalId(element.identifier()), element.identifier());
            assertEquals(element.identifier(), element.codeValue());
            assertEquals("CSV:2012_03_23_Duplex_Design_Component_DERIVED", element.classFullName());
            assertEquals("CSV", element.category());
            assertNull(element.placement());
        }
        Element first = context.elements.get(0);
        assertEquals("2h405XijT83A$BX7w5ki4b", first.identifier());
        assertEquals("Bath/Shower-1", first.userLabel());
        @SuppressWarnings("unchecked")
        Map<String, Object> columns = (Map<String, Object>) first.properties().get("Columns");
        assertEquals(15, columns.size());
        assertEquals("2011-09-27T16:15:27", columns.get("CreatedOn"));
        assertEquals("IfcFlowTerminal", columns.get("ExtObject"));
        assertEquals(List.of(), context.issues.stream().filter(i -> i.level() != Issue.Level.INFO).toList());
    }

    @Test
    void duplexGlobalIdsOccurInTheHandoverIfc() throws Exception {
        Path ifc = data.resolve("ifc/models/2012-03-23-Duplex-Handover.ifc");
        Assumptions.assumeTrue(Files.isRegularFile(ifc), "Duplex handover IFC not present");
        String text = Files.readString(ifc, StandardCharsets.ISO_8859_1);
        Set<String> missing = new HashSet<>();
        for (String id : extract(DUPLEX, Map.of()).identifiers()) {
            if (!text.contains("'" + id + "'")) {
                missing.add(id);
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void resourceSpreadsheetUsesTheFirstColumnAndTheTypeColumn() throws Exception {
        RecordingContext context = extract("resource_spreadsheet.csv", Map.of());

        assertTrue(context.issues("KeyColumn").get(0).message().startsWith("Key column: 'HIERARCHY', the first column"));
        assertEquals(1, context.issues("BlankColumnName").size(), "the header ends with an empty column");
        assertEquals("8 row(s) without any value were skipped", context.issues("BlankRows").get(0).message());
        assertEquals(54, context.elements.size());
        assertEquals(Set.of("CSV:CREW", "CSV:LABOR", "CSV:EQUIPMENT"), new HashSet<>(context.classNames()));
        Element beams = context.elements.get(2);
        assertEquals("3", beams.identifier());
        assertEquals("CSV:LABOR", beams.classFullName());
        @SuppressWarnings("unchecked")
        Map<String, Object> columns = (Map<String, Object>) beams.properties().get("Columns");
        assertEquals("Beams, 745 kg/m ", columns.get("ACTIVITY/RESOURCE NAME"), "quoted text is kept as written");
        assertEquals("Cubic Meters", columns.get("UNIT"), "unquoted trailing spaces are trimmed");
        assertEquals(27.3, columns.get("LABOR OUTPUT"));
        assertEquals(3L, columns.get("HIERARCHY"));
    }

    @Test
    void frenchCostScheduleIsWindows1252() throws Exception {
        ConnectorException e = assertThrows(ConnectorException.class,
                () -> extract("sample_cost_schedule_house_FR.csv", Map.of()));
        assertEquals(ConnectorException.Kind.CORRUPT, e.kind());
        assertEquals(new Position(13, -1, 638, null), e.position(), "byte 0x92 (a windows-1252 apostrophe)");

        RecordingContext context = extract("sample_cost_schedule_house_FR.csv", Map.of("encoding", "windows-1252"));
        assertEquals(124, context.elements.size());
        assertEquals("20 row(s) without any value were skipped", context.issues("BlankRows").get(0).message());
        Element sealing = context.elements.stream().filter(el -> "DB.2.1.2.3".equals(columns(el).get("Identification")))
                .findFirst().orElseThrow();
        assertEquals("Systeme d\u2019etancheite bicouche", sealing.userLabel());
        assertEquals("5", sealing.identifier());
        assertEquals(23L, columns(sealing).get("Rate"));
        assertEquals("IfcCovering, type=Etancheite_H", columns(sealing).get("Query"));
        Element plaster = context.elements.stream().filter(el -> "DB.2.1.5.1.2".equals(columns(el).get("Identification")))
                .findFirst().orElseThrow();
        assertEquals("Enduit projete exterieur au mortier de ciment y compris baguettes \nD'angles", plaster.userLabel());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> columns(Element element) {
        return (Map<String, Object>) element.properties().get("Columns");
    }

    private static boolean isGlobalId(String value) {
        if (value.length() != 22 || value.charAt(0) > '3') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean base64 = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
            if (!base64) {
                return false;
            }
        }
        return true;
    }
}
