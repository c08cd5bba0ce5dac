package io.sinter.connector.ifc.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IfcGuidTest {

    @Test
    void expandsTheExtremes() {
        assertEquals(Optional.of("00000000-0000-0000-0000-000000000000"), IfcGuid.toUuid("0000000000000000000000"));
        assertEquals(Optional.of("ffffffff-ffff-ffff-ffff-ffffffffffff"), IfcGuid.toUuid("3$$$$$$$$$$$$$$$$$$$$$"));
        // the last character carries the lowest 6 bits, the first the highest 2
        assertEquals(Optional.of("00000000-0000-0000-0000-00000000003f"), IfcGuid.toUuid("000000000000000000000$"));
        assertEquals(Optional.of("80000000-0000-0000-0000-000000000000"), IfcGuid.toUuid("2000000000000000000000"));
    }

    @Test
    void expandsAKnownGlobalId() {
        // expected values computed independently with the chunked decoding of IfcOpenShell's guid.expand
        // (2 characters to 1 byte, then 5 groups of 4 characters to 3 bytes); the first is OneWall.ifc's wall
        assertEquals(Optional.of("0335b705-a019-4cb7-ae86-c53613840945"), IfcGuid.toUuid("03DRS5e1bCjww6nJOJX0b5"));
        assertEquals(Optional.of("8c5cd26a-c150-1870-2e99-d0ff48c023ec"), IfcGuid.toUuid("2CND9gmL0OS2wPqFz8m2Fi"));
        assertEquals("03DRS5e1bCjww6nJOJX0b5", IfcGuid.fromUuid(UUID.fromString("0335b705-a019-4cb7-ae86-c53613840945")));
    }

    @Test
    void roundTripsRandomGuids() {
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            String globalId = IfcGuid.fromUuid(uuid);
            assertEquals(22, globalId.length());
            assertEquals(Optional.of(uuid.toString()), IfcGuid.toUuid(globalId));
        }
    }

    @Test
    void rejectsWhatIsNoIfcGuid() {
        assertTrue(IfcGuid.toUuid(null).isEmpty());
        assertTrue(IfcGuid.toUuid("2CND9gmL0OS2wPqFz8m2Fi.1").isEmpty(), "24 characters");
        assertTrue(IfcGuid.toUuid("4000000000000000000000").isEmpty(), "first character above 3: more than 128 bits");
        assertTrue(IfcGuid.toUuid("00000000000000000000-0").isEmpty(), "'-' is not in the alphabet");
    }
}
