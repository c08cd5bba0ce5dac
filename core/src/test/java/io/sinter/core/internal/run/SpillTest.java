package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillTest {
    @TempDir
    Path folder;

    private static String[] record(int i, Random random) {
        // sizes from empty to well beyond the 64 KiB read buffer, nulls and non-ASCII included
        int size = i % 97 == 0 ? 100_000 + random.nextInt(100_000) : random.nextInt(300);
        StringBuilder body = new StringBuilder(size);
        for (int k = 0; k < size; k++) {
            body.append(k % 50 == 0 ? 'é' : (char) ('a' + k % 26));
        }
        if (i % 5 == 1) {
            // the empty record of an unchanged element, among the others
            return new String[0];
        }
        return new String[] {"Row", "E-" + i, i % 3 == 0 ? null : "CSV:Wall", "", body.toString(), Integer.toString(i)};
    }

    @Test
    void readsRecordsInOrderOutOfOrderAndAgain() throws Exception {
        int n = 2_000;
        String[][] expected = new String[n][];
        try (Spill spill = new Spill(folder)) {
            Random random = new Random(42);
            for (int i = 0; i < n; i++) {
                expected[i] = record(i, random);
                spill.write(i, expected[i]);
            }
            assertEquals(n, spill.size());
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected[i], spill.read(i), "record " + i);
            }
            Random order = new Random(7);
            for (int k = 0; k < 3 * n; k++) {
                int i = order.nextInt(n);
                assertArrayEquals(expected[i], spill.read(i), "record " + i);
            }
            for (int i = n - 1; i >= 0; i -= 3) {
                assertArrayEquals(expected[i], spill.read(i), "record " + i);
            }
        }
    }

    @Test
    void rejectsOutOfOrderWritesAndDeletesItsFile() throws Exception {
        Spill spill = new Spill(folder);
        spill.write(0, "a");
        assertThrows(IllegalStateException.class, () -> spill.write(2, "b"));
        spill.close();
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }
}
