package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {
    @Test
    void canonicalTextRoundTrips() {
        long[] bits = new long[2];
        for (int i = 0; i < 1000; i++) {
            UUID uuid = UUID.randomUUID();
            assertTrue(Uuids.parse(uuid.toString(), bits));
            assertEquals(uuid.getMostSignificantBits(), bits[0]);
            assertEquals(uuid.getLeastSignificantBits(), bits[1]);
            assertEquals(uuid.toString(), Uuids.text(bits[0], bits[1]));
        }
        assertTrue(Uuids.parse("ffffffff-ffff-ffff-ffff-ffffffffffff", bits));
        assertEquals(-1L, bits[0]);
        assertEquals(-1L, bits[1]);
    }

    @Test
    void anyOtherTextIsNotTaken() {
        long[] bits = new long[2];
        for (String text : new String[] {null, "", "3F2504E0-4F89-11D3-9A0C-0305E82C3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330",
            "3f2504e04f8911d39a0c0305e82c3301", "3f2504e0-4f89-11d3-9a0c_0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c330g",
            "2O$uYcS0T2vuMk9uu1q5yZ" /* an IFC GlobalId */}) {
            assertFalse(Uuids.parse(text, bits), String.valueOf(text));
        }
    }
}
