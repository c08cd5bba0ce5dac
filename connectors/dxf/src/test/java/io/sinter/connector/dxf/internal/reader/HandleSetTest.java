package io.sinter.connector.dxf.internal.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandleSetTest {

    @Test
    void findsDuplicatesAmongManyHandles() {
        HandleSet set = new HandleSet();
        for (long handle = 0; handle < 100_000; handle++) {
            assertTrue(set.add(handle * 7));
        }
        for (long handle = 0; handle < 100_000; handle++) {
            assertFalse(set.add(handle * 7));
        }
        assertTrue(set.add(1));
    }

    @Test
    void parsesHexadecimalHandles() {
        assertEquals(0x1F, HandleSet.parse("1F"));
        assertEquals(0x1F, HandleSet.parse("1f"));
        assertEquals(0, HandleSet.parse("0"));
        assertEquals(0x7FFF_FFFF_FFFF_FFFFL, HandleSet.parse("7FFFFFFFFFFFFFFF"));
        assertEquals(-1, HandleSet.parse(""));
        assertEquals(-1, HandleSet.parse("XYZ"));
        assertEquals(-1, HandleSet.parse("12345678901234567"));
    }
}
