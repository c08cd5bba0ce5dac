package io.sinter.connector.ifc.internal.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds thousands of randomly damaged files (bytes flipped, dropped, inserted, duplicated, cut off) to both
 * readers: each must either succeed or throw {@link StepSyntaxException} with a sane position, never a
 * RuntimeException, and both readers must agree.
 */
class MutatedInputTest {

    private static final String[] SEEDS = {"all-values.ifc", "strings.ifc", "complex.ifc", "descending.ifc",
        "two-data-sections.ifc"};
    private static final byte[] INTERESTING = "'\\()#=;,.$*\"/ \nE-+0X2SP".getBytes();

    @TempDir
    Path temp;

    @Test
    void damagedFilesNeverEscapeAsRuntimeExceptions() throws Exception {
        Random random = new Random(10303);
        Path path = temp.resolve("mutated.ifc");
        int failures = 0;
        int rounds = 0;
        for (String seed : SEEDS) {
            byte[] original = Files.readAllBytes(Fixtures.resource(seed));
            for (int round = 0; round < 600; round++, rounds++) {
                byte[] mutated = mutate(original, random);
                Files.write(path, mutated);
                String streamed = outcome(() -> describe(Fixtures.readAll(mutated)), mutated);
                String indexed = outcome(() -> {
                    try (StepFile file = StepFile.open(path)) {
                        List<StepInstance> instances = new ArrayList<>();
                        for (long id : file.ids().toArray()) {
                            instances.add(file.instance(id));
                        }
                        return describe(instances);
                    }
                }, mutated);
                assertEquals(streamed, indexed, "readers disagree on a mutation of " + seed);
                if (streamed.startsWith("error")) {
                    failures++;
                }
            }
        }
        assertTrue(failures > rounds / 2, "most mutations break the file: " + failures + " of " + rounds);
    }

    private interface Read {
        String read() throws Exception;
    }

    private static String outcome(Read read, byte[] input) {
        try {
            return read.read();
        } catch (StepSyntaxException e) {
            assertTrue(e.line() >= 1, e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= input.length, e.getMessage());
            return "error " + e.getMessage();
        } catch (RuntimeException e) {
            throw new AssertionError("RuntimeException on damaged input:\n" + new String(input), e);
        } catch (Exception e) {
            fail(e);
            return null;
        }
    }

    private static String describe(List<StepInstance> instances) {
        return "ok " + instances;
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 1; e++) {
            int at = random.nextInt(bytes.length);
            byte b = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] = b;
                case 1 -> bytes = splice(bytes, at, 1, new byte[0]);
                case 2 -> bytes = splice(bytes, at, 0, new byte[] {b});
                case 3 -> {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(20));
                    byte[] copy = new byte[length];
                    System.arraycopy(bytes, at, copy, 0, length);
                    bytes = splice(bytes, random.nextInt(bytes.length), 0, copy);
                }
                default -> bytes = splice(bytes, at, bytes.length - at, new byte[0]);
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] result = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(insert, 0, result, at, insert.length);
        System.arraycopy(bytes, at + remove, result, at + insert.length, bytes.length - at - remove);
        return result;
    }
}
