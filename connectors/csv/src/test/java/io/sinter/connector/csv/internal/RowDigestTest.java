package io.sinter.connector.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Point3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows the connector offers to keep unbuilt ({@code ConnectorContext.unchanged}) and the digests it gives them. */
class RowDigestTest {
    private static final String HEADER = "id,name,x,y,height\n";
    private static final String ROWS = "A,Pump,1,2,1.5\nB,Valve,3,4,0.4\nC,Pipe,5,6,12\n";

    @TempDir
    Path temp;

    private RecordingContext extract(String name, String text, RecordingContext context) throws IOException, ConnectorException {
        Path file = temp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        new CsvConnector().extract(Fixtures.file(file, Map.of()), context);
        return context;
    }

    private RecordingContext extract(String name, String text) throws IOException, ConnectorException {
        return extract(name, text, new RecordingContext());
    }

    @Test
    void everyRowWithNothingToReportIsOfferedBeforeItsElement() throws Exception {
        RecordingContext context = extract("parts.csv", HEADER + ROWS + "D,Tank\nE,Meter,7,8,1,\nF,Filter,x,9,2\n,Nameless,1,1,1\n");
        // D misses fields, E has an extra one, F has coordinates that are not numbers, the last row has no key
        assertEquals(List.of("A", "B", "C"), context.offers.stream().map(RecordingContext.Offer::identifier).toList());
        assertEquals(List.of("A", "B", "C", "D", "E", "F"), context.identifiers(), "offers that were not kept are built as before");
        assertEquals(List.of("MissingFields", "ExtraFields", "InvalidCoordinates", "MissingKey"),
                context.issues.stream().map(i -> i.category()).filter(c -> !c.equals("KeyColumn")).toList());
        RecordingContext.Offer a = context.offersByIdentifier().get("A");
        assertEquals(CsvExtraction.KIND, a.kind());
        assertNotNull(a.placement());
        assertEquals(new Point3(1, 2, 0), a.placement().origin());
        assertEquals(context.element("A").placement().bbox(), a.placement().bbox(), "the placement the element gets");
    }

    @Test
    void aContextThatKeepsNoRecordsIsOfferedNone() throws Exception {
        RecordingContext context = new RecordingContext();
        context.keepsRecords = false;
        extract("parts.csv", HEADER + ROWS, context);
        assertTrue(context.offers.isEmpty());
        assertEquals(List.of("A", "B", "C"), context.identifiers());
    }

    @Test
    void aRowKeepsItsDigestWhileItAndTheHeaderAndSettingsStayTheSame() throws Exception {
        Map<String, RecordingContext.Offer> first = extract("parts.csv", HEADER + ROWS).offersByIdentifier();
        Map<String, RecordingContext.Offer> again = extract("parts.csv", HEADER + ROWS).offersByIdentifier();
        for (String id : List.of("A", "B", "C")) {
            assertTrue(first.get(id).sameDigest(again.get(id)), id);
        }
        assertFalse(first.get("A").sameDigest(first.get("B")));

        Map<String, RecordingContext.Offer> oneChanged = extract("parts.csv", HEADER + "A,Pump,1,2,1.5\nB,Valve,3,4,0.45\nC,Pipe,5,6,12\n")
                .offersByIdentifier();
        assertTrue(first.get("A").sameDigest(oneChanged.get("A")));
        assertFalse(first.get("B").sameDigest(oneChanged.get("B")), "another value");
        assertTrue(first.get("C").sameDigest(oneChanged.get("C")));

        // fields cannot run into each other: "Pump,1" vs "Pum,p1" has the same characters
        Map<String, RecordingContext.Offer> shifted = extract("parts.csv", HEADER + "A,Pum,p1,2,1.5\n").offersByIdentifier();
        assertFalse(first.get("A").sameDigest(shifted.get("A")));

        // whatever else shapes the element changes every digest: a column's name, the class from the file name, a setting
        for (RecordingContext other : List.of(extract("parts.csv", "id,label,x,y,height\n" + ROWS), extract("other.csv", HEADER + ROWS),
                extractWithUnit("parts.csv", HEADER + ROWS, "mm"))) {
            for (String id : List.of("A", "B", "C")) {
                assertFalse(first.get(id).sameDigest(other.offersByIdentifier().get(id)), id);
            }
        }
    }

    private RecordingContext extractWithUnit(String name, String text, String unit) throws IOException, ConnectorException {
        Path folder = Files.createDirectories(temp.resolve("unit-" + unit));
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        RecordingContext context = new RecordingContext();
        new CsvConnector().extract(Fixtures.file(file, Map.of(CsvSettings.UNIT, unit)), context);
        return context;
    }

    @Test
    void aKeptRowIsNotBuiltButItsClassIsStillDeclared() throws Exception {
        Map<String, RecordingContext.Offer> first = extract("parts.csv", "id,type,height\nA,Pump,1\nB,Valve,2\n").offersByIdentifier();
        RecordingContext rerun = new RecordingContext();
        rerun.keep.put("A", first.get("A"));
        rerun.keep.put("B", first.get("B"));
        extract("parts.csv", "id,type,height\nA,Pump,1\nB,Valve,3\n", rerun);
        assertEquals(List.of("B"), rerun.identifiers(), "A kept, B changed");
        assertEquals(List.of("CSV:Pump", "CSV:Valve"), rerun.classes.stream().map(c -> c.fullName()).toList());
        assertNull(rerun.offersByIdentifier().get("A").placement(), "no coordinates, no placement");
    }
}
