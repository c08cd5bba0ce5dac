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
}
