package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
