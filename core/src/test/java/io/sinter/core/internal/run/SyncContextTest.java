package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import io.sinter.core.internal.change.Diff;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncContextTest {
    @Test
    void propertiesHaveTheSameShapeOnlyWithTheSameKeysAndObjectsAtEveryLevel() {
        Map<String, Object> a = Map.of("Columns", Map.of("name", "x", "count", 3L));
        assertTrue(SyncContext.sameShape(a, Map.of("Columns", Map.of("name", "y", "count", 4.5))));
        assertFalse(SyncContext.sameShape(a, Map.of("Columns", Map.of("name", "y"))), "a key less");
        assertFalse(SyncContext.sameShape(a, Map.of("Columns", Map.of("name", "y", "width", 3L))), "another key");
        assertFalse(SyncContext.sameShape(a, Map.of("Columns", Map.of("name", Map.of("first", "y"), "count", 3L))), "an object instead of a value");
        assertFalse(SyncContext.sameShape(a, Map.of("Columns", "flat")), "a value instead of an object");
        assertTrue(SyncContext.sameShape(Map.of(), Map.of()));
    }

    private static final Geolocation ELSEWHERE = new Geolocation(Geolocation.Kind.PROJECTED, "EPSG:25832", null, new Point3(100, 50, 0), 0, 1);

    private static Element placed(String id) {
        return Element.builder("Row", id, "CSV:Row").placement(Placement.at(new Point3(1, 0, 0), new io.sinter.connector.api.Box(new Point3(1, 0, 0), new Point3(2, 1, 0)))).build();
    }

    @Test
    void aGeolocationReportedBeforeTheElementsMovesThemAtOnce(@TempDir Path folder) throws Exception {
        FrameTransform shift = new FrameTransform(0, 100, 50, 0);
        try (Spill spill = new Spill(folder)) {
            SyncContext context = new SyncContext(new Diff(), spill, null, null, g -> g == ELSEWHERE ? shift : null, () -> false);
            context.geolocation(ELSEWHERE);
            context.element(placed("A"));
            assertSame(shift, context.transform());
            assertEquals(101.0, Double.parseDouble(context.extents().stored().split(",")[0]), 1e-9, context.extents().stored());
        }
    }

    @Test
    void aGeolocationReportedAfterTheFirstElementLeavesTheElementsForASecondPass(@TempDir Path folder) throws Exception {
        try (Spill spill = new Spill(folder)) {
            SyncContext context = new SyncContext(new Diff(), spill, null, null, g -> new FrameTransform(0, 100, 50, 0), () -> false);
            context.element(placed("A"));
            context.geolocation(ELSEWHERE);
            assertNull(context.transform(), "the first element was not moved, so none is");
            assertEquals(ELSEWHERE, context.geolocation());
        }
    }

    @Test
    void aReRunKeepsTheNextStoredElementOfAnUnchangedRecordWithoutItBeingBuilt(@TempDir Path folder) throws Exception {
        String sum = io.sinter.core.internal.change.Hashes.sha256Hex(new byte[0]);
        Placement at = Placement.at(new Point3(5, 6, 7), new io.sinter.connector.api.Box(new Point3(5, 6, 7), new Point3(5, 6, 7)));
        for (boolean comparable : new boolean[] {true, false}) {
            Diff diff = new Diff();
            diff.stored(0x20, "Row", "A", "CSV:Row", sum, sum);
            diff.stored(0x21, "Row", "B", "CSV:Row", sum, sum);
            diff.storedRecord(0, 11, 12);
            diff.storedRecord(1, 21, 22);
            try (Spill spill = new Spill(folder)) {
                SyncContext context = new SyncContext(diff, spill, null, null, null, () -> false, comparable);
                assertEquals(comparable, context.unchanged("Row", "A", 11, 12, at), "kept only from the same connector type and version");
                if (!comparable) {
                    context.element(Element.builder("Row", "A", "CSV:Row").placement(at).build());
                }
                // B changed: offered with another digest, then built; the new digest goes with it
                assertFalse(context.unchanged("Row", "B", 23, 24, null));
                context.element(Element.builder("Row", "B", "CSV:Row").property("P", "v", 2L).build());
                // offered but then not handed over (the connector dropped the record): the next element gets no digest
                assertFalse(context.unchanged("Row", "C", 31, 32, null));
                context.element(Element.builder("Row", "D", "CSV:Row").build());
                assertEquals(comparable ? 1 : 0, context.kept());
                assertEquals(3, context.observed());
                assertEquals(1, context.placed());
                assertEquals("5.0,6.0,7.0,5.0,6.0,7.0", context.extents().stored(), "a kept element's placement counts for the extents");
                assertTrue(context.digests().has(0));
                assertEquals(List.of(11L, 12L), List.of(context.digests().high(0), context.digests().low(0)));
                assertEquals(List.of(23L, 24L), List.of(context.digests().high(1), context.digests().low(1)));
                assertFalse(context.digests().has(2), "D came without its own offer");
                Diff.Result result = diff.finish(false);
                // the stored checksums are not those of the built elements: built, A would count as updated
                assertEquals(comparable ? 1 : 2, result.updates().size());
                assertEquals(1, result.inserts().size());
                assertEquals(comparable ? 1 : 0, result.counts().unchanged());
            }
        }
    }

    /** @return the DuplicateIdentifier messages a context gives for these identifiers, in order */
    private static java.util.List<String> duplicates(Diff diff, Path folder, String... identifiers) throws Exception {
        try (Spill spill = new Spill(folder)) {
            SyncContext context = new SyncContext(diff, spill, null, null, null, () -> false);
            for (String id : identifiers) {
                context.element(Element.builder("Row", id, "CSV:Row").property("P", "n", (long) id.length()).build());
            }
            return context.issues().stream().filter(i -> i.category().equals("DuplicateIdentifier")).map(i -> i.message()).toList();
        }
    }

    @Test
    void aReRunMakesKeysUniqueThroughItsDiffAsAFirstSyncDoes(@TempDir Path folder) throws Exception {
        String[] ids = {"A", "B", "A", "A~2", "A", "C", "B", "D", "D"};
        java.util.List<String> first = duplicates(new Diff(), folder, ids);
        assertEquals(java.util.List.of("Row 'A' occurs again; this one is 'A~2'.", "Row 'A~2' occurs again; this one is 'A~2~2'.",
                "Row 'A' occurs again; this one is 'A~3'.", "Row 'B' occurs again; this one is 'B~2'.", "Row 'D' occurs again; this one is 'D~2'."),
                first);
        Diff stored = new Diff();
        String sum = io.sinter.core.internal.change.Hashes.sha256Hex(new byte[0]);
        // stored in another order than the file, and C stored but A~2 not: the keys are looked up, not only the next one
        stored.stored(0x20, "Row", "B", "CSV:Row", sum, sum);
        stored.stored(0x21, "Row", "A", "CSV:Row", sum, sum);
        stored.stored(0x22, "Row", "C", "CSV:Row", sum, sum);
        stored.stored(0x23, "Row", "A~3", "CSV:Row", sum, sum);
        assertEquals(first, duplicates(stored, folder, ids));
    }
}
