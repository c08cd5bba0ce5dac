package io.sinter.core.internal.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void repeatsGetNumberedSuffixesInCallOrder() {
        Identifiers ids = new Identifiers();
        String first = "1F";
        assertSame(first, ids.unique("Entity", first));
        assertEquals("20", ids.unique("Entity", "20"));
        String second = ids.unique("Entity", new String("1F"));
        assertEquals("1F~2", second);
        assertEquals("1F~3", ids.unique("Entity", "1F"));
        assertEquals("20~2", ids.unique("Entity", "20"));
        assertEquals(3, ids.repeats());
    }

    @Test
    void aRepeatReturnsANewStringAndAFirstOccurrenceTheSameOne() {
        Identifiers ids = new Identifiers();
        String key = "A";
        assertSame(key, ids.unique("Row", key));
        assertNotSame(key, ids.unique("Row", key));
    }

    @Test
    void kindsAreSeparateNamespaces() {
        Identifiers ids = new Identifiers();
        assertEquals("7", ids.unique("Row", "7"));
        assertEquals("7", ids.unique("Entity", "7"));
        assertEquals(0, ids.repeats());
    }

    @Test
    void generatedNamesNeverCollideWithLiteralOnes() {
        Identifiers ids = new Identifiers();
        assertEquals("A", ids.unique("Row", "A"));
        assertEquals("A~2", ids.unique("Row", "A~2"));
        assertEquals("A~3", ids.unique("Row", "A"), "A~2 is taken by a literal identifier");
        assertEquals("A~4", ids.unique("Row", "A"));
        assertEquals("A~3~2", ids.unique("Row", "A~3"), "a literal equal to a generated name is a repeat");
        assertEquals(3, ids.repeats());
    }

    @Test
    void staysExactOverManyIdentifiers() {
        Identifiers ids = new Identifiers();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String id = Integer.toHexString(i % 150_000).toUpperCase();
            String unique = ids.unique("Entity", id);
            assertEquals(i < 150_000, unique == id);
            seen.add(unique);
        }
        assertEquals(200_000, seen.size());
        assertEquals(50_000, ids.repeats());
        assertEquals(200_000, ids.size());
    }
}
