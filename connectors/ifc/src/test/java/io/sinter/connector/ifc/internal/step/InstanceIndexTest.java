package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstanceIndexTest {

    @Test
    void findsEveryIdAndDetectsDuplicates() {
        InstanceIndex index = new InstanceIndex(true);
        Random random = new Random(7);
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < 300_000; i++) {
            long id = i % 3 == 0 ? i : (random.nextLong() & Long.MAX_VALUE) >>> random.nextInt(40);
            int slot = index.add(id, 10L * i, i + 1);
            Integer previous = expected.putIfAbsent(id, slot);
            if (previous != null) {
                assertEquals(-(previous + 1), slot, "duplicate " + id);
            } else {
                index.complete(slot, i % 500, i % 7);
            }
        }
        assertEquals(expected.size(), index.size());
        for (Map.Entry<Long, Integer> entry : expected.entrySet()) {
            int slot = index.slotOf(entry.getKey());
            assertEquals(entry.getValue(), slot);
            assertEquals(entry.getKey(), index.id(slot));
        }
        assertEquals(-1, index.slotOf(-5));
        int slot = index.slotOf(3);
        assertEquals(30, index.offset(slot));
        assertEquals(4, index.line(slot));
        assertEquals(3, index.length(slot));
        assertEquals(3, index.type(slot));
    }

    @Test
    void switchesFromDirectToHashedLookupWhenIdsTurnSparse() {
        InstanceIndex index = new InstanceIndex(false);
        int dense = 50_000;
        for (int id = dense; id >= 1; id--) {
            assertEquals(dense - id, index.add(id, 0, 1));
        }
        assertEquals(-1, index.slotOf(0));
        assertEquals(-1, index.slotOf(dense + 1));
        assertEquals(-(dense - 7 + 1), index.add(7, 0, 1), "duplicate found in direct mode");

        long sparse = 10L * IdTable.DIRECT_ALLOWANCE + 12345;
        assertEquals(dense, index.add(sparse, 0, 1));
        assertEquals(dense + 1, index.add(Long.MAX_VALUE, 0, 1));
        assertEquals(dense + 2, index.add(0, 0, 1));
        for (int id = 1; id <= dense; id++) {
            assertEquals(dense - id, index.slotOf(id));
        }
        assertEquals(dense, index.slotOf(sparse));
        assertEquals(dense + 1, index.slotOf(Long.MAX_VALUE));
        assertEquals(-(dense - 7 + 1), index.add(7, 0, 1), "duplicate found in hash mode");
        assertEquals(-(dense + 1), index.add(sparse, 0, 1));
        assertEquals(dense + 3, index.size());
    }

    @Test
    void internsNamesWithoutRegardToCase() {
        NameTable names = new NameTable();
        for (int i = 0; i < 5000; i++) {
            assertEquals(i, names.code("IFCTYPE" + i));
        }
        byte[] lower = "xx ifctype4321 yy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(4321, names.code(lower, 3, 14));
        assertEquals("IFCTYPE4321", names.name(4321));
        assertEquals(4321, names.code("IfcType4321"));
        assertEquals(5000, names.size(), "known names are not added again");
        assertEquals(5000, names.code("IFCTYPE5000"));
    }
}
