package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomGuidsTest {
    @Test
    void theyAreDistinctVersion4UuidsAcrossBatches() {
        RandomGuids guids = new RandomGuids();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String text = guids.next();
            UUID uuid = UUID.fromString(text);
            assertEquals(text, uuid.toString());
            assertEquals(4, uuid.version(), text);
            assertEquals(2, uuid.variant(), text);
            seen.add(text);
        }
        assertEquals(5000, seen.size(), "no repeat, also past the first batch of 1,024");
    }
}
