package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.core.internal.change.Diff;
import io.sinter.core.internal.change.Fingerprint;
import io.sinter.core.internal.change.Hashes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredStateTest {
    private static final String DOC = "0d5c6a4e-3b8f-4c1e-9a2d-7e6f5a4b3c2d";

    private static String sum(String text) {
        return Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String GUID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    /**
     * Three elements: one with a fingerprint and a UUID, one without fingerprint or category and with a GUID that is no
     * UUID, one with a second kind, a non-ASCII identifier and no known GUID.
     */
    private static void write(Path folder, String stamp) {
        StoredState.Writer writer = StoredState.Writer.open(folder, DOC, stamp);
        writer.add(0x21, 1001, "Row", "E-1", "CSV:Wall", "CSV", GUID, sum("A"), sum("cA"), new Fingerprint(-5, 7));
        writer.nextRecord(-7, 8);
        writer.add(0x22, 1002, "Row", "E-2", "CSV:Wall", null, "2O$uYcS0T2vuMk9uu1q5yZ", sum("B"), sum("cB"), null);
        writer.add(0x23, 1007, "IfcRoot", "Fenêtre-3", "IFC:IfcWindow", "Fenêtres", null, sum("C"), sum("cC"), new Fingerprint(1, 2));
        writer.commit();
    }

    @Test
    void aCommittedStateReadsBackAsTheDiffWasFed(@TempDir Path folder) {
        write(folder, "stamp-1");
        assertFalse(Files.exists(folder.resolve(DOC + ".state.tmp")), "the file was moved into place");
        StoredState.Loaded loaded = StoredState.load(folder, DOC, "stamp-1");
        assertNotNull(loaded);
        assertEquals(3, loaded.openRows().size());
        assertEquals(1007, loaded.openRows().rowOf(0x23));
        assertEquals(List.of(GUID, "2O$uYcS0T2vuMk9uu1q5yZ"), List.of(loaded.openRows().guid(0), loaded.openRows().guid(1)));
        assertNull(loaded.openRows().guid(2), "not known");
        assertEquals("CSV", loaded.openRows().category(0));
        assertNull(loaded.openRows().category(1));
        assertEquals("Fenêtres", loaded.openRows().category(2));
        Diff diff = loaded.diff();
        assertEquals(3, diff.storedCount());
        assertEquals("Fenêtre-3", diff.storedIdentifier(2));
        assertEquals("IFC:IfcWindow", diff.storedClass(2));
        assertEquals("IfcRoot", diff.storedKind(2));
        // the loaded diff classifies as one fed from the database
        assertEquals(0, diff.observedUnchanged("Row", "E-1", "CSV:Wall", new Fingerprint(-5, 7)), "by fingerprint");
        assertEquals(-1, diff.observedUnchanged("Row", "E-2", "CSV:Wall", new Fingerprint(-5, 7)), "stored without a fingerprint");
        assertEquals(1, diff.observedUnchanged("Row", "E-2", "CSV:Wall", java.util.HexFormat.of().parseHex(sum("B"))), "by checksum");
        assertEquals(2, diff.observed("IfcRoot", "Fenêtre-3", "IFC:IfcWindow", sum("C2"), sum("cC2")));
        Diff.Result result = diff.finish(true);
        assertEquals(List.of(new Diff.Update(0x23, 2, "IfcRoot", "Fenêtre-3", false)), result.updates());
        assertEquals(2, result.counts().unchanged());
    }

    @Test
    void recordDigestsComeBackWithTheirElementsOnly(@TempDir Path folder) {
        write(folder, "stamp-1");
        Diff diff = StoredState.load(folder, DOC, "stamp-1").diff();
        assertEquals(-1, diff.observedRecord("Row", "E-1", -7, 8), "E-1 was stored without one");
        assertEquals(0, diff.observedUnchanged("Row", "E-1", "CSV:Wall", new Fingerprint(-5, 7)));
        assertEquals(1, diff.observedRecord("Row", "E-2", -7, 8));
        assertEquals(-1, diff.observedRecord("IfcRoot", "Fenêtre-3", -7, 8), "the digest went with the next entry only");
    }

    @Test
    void anotherStampNoFileOrADamagedFileMeanTheDatabaseIsRead(@TempDir Path folder) throws Exception {
        assertNull(StoredState.load(folder, DOC, "stamp-1"), "no file");
        write(folder, "stamp-1");
        assertNull(StoredState.load(folder, DOC, "stamp-2"), "another stamp");
        assertNull(StoredState.load(folder, DOC, null), "the document has no stamp");
        Path file = StoredState.file(folder, DOC);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        assertNull(StoredState.load(folder, DOC, "stamp-1"), "cut short");
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertNull(StoredState.load(folder, DOC, "stamp-1"), "another count at the end");
    }

    @Test
    void aDiscardedOrUnwritableStateLeavesNoFile(@TempDir Path folder) {
        StoredState.Writer discarded = StoredState.Writer.open(folder, DOC, "stamp-1");
        discarded.add(0x21, 1001, "Row", "E-1", "CSV:Wall", "CSV", GUID, sum("A"), sum("cA"), null);
        discarded.discard();
        assertFalse(Files.exists(StoredState.file(folder, DOC)));
        assertFalse(Files.exists(folder.resolve(DOC + ".state.tmp")));

        StoredState.Writer tooLong = StoredState.Writer.open(folder, DOC, "stamp-1");
        tooLong.add(0x21, 1001, "Row", "x".repeat(2000), "CSV:Wall", "CSV", GUID, sum("A"), sum("cA"), null);
        tooLong.commit();
        assertFalse(Files.exists(StoredState.file(folder, DOC)), "an identifier longer than the database takes: no file");
    }

    @Test
    void cleaningKeepsOnlyTheFilesOfStampedDocuments(@TempDir Path folder) throws Exception {
        write(folder, "stamp-1");
        Files.writeString(folder.resolve("gone.state"), "x");
        Files.writeString(folder.resolve(DOC + ".state.tmp"), "x");
        StoredState.clean(folder, Set.of(DOC));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(DOC + ".state"), files.map(f -> f.getFileName().toString()).toList());
        }
        StoredState.clean(folder, Set.of());
        assertTrue(Files.notExists(StoredState.file(folder, DOC)));
    }
}
