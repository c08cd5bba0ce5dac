package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenRowsTest {
    @Test
    void findsRowsInElementIdOrderAndInAnyOther() {
        for (boolean sorted : new boolean[] {true, false}) {
            Bridge.OpenRows rows = new Bridge.OpenRows(4);
            int n = 5_000;
            for (int i = 0; i < n; i++) {
                // unsorted: the order of row ids, where updated elements come last
                long elementId = sorted ? 0x20 + i : 0x20 + (i * 7919L) % n;
                rows.add(elementId, 1_000_000 + i, null, "CSV");
            }
            for (int i = 0; i < n; i++) {
                long elementId = sorted ? 0x20 + i : 0x20 + (i * 7919L) % n;
                assertEquals(i, rows.indexOf(elementId), "element " + elementId);
                assertEquals(1_000_000 + i, rows.rowOf(elementId));
            }
            assertEquals(-1, rows.indexOf(0x1f));
            assertEquals(-1, rows.rowOf(0x20 + n));
        }
    }

    @Test
    void keepsGuidsOfEveryFormAndCategories() {
        Bridge.OpenRows rows = new Bridge.OpenRows(0);
        String uuid = UUID.randomUUID().toString();
        rows.add(0x20, 1, uuid, "CSV");
        rows.add(0x21, 2, "2O$uYcS0T2vuMk9uu1q5yZ", null);
        rows.add(0x22, 3, null, new String("CSV"));
        rows.add(0x23, 4, UUID.fromString(uuid).getMostSignificantBits(), UUID.fromString(uuid).getLeastSignificantBits(), "Walls");
        assertEquals(uuid, rows.guid(0));
        assertEquals("2O$uYcS0T2vuMk9uu1q5yZ", rows.guid(1));
        assertNull(rows.guid(2), "not known");
        assertEquals(uuid, rows.guid(3));
        assertEquals("CSV", rows.category(0));
        assertNull(rows.category(1));
        assertEquals("CSV", rows.category(2));
        assertEquals("Walls", rows.category(3));
    }
}
