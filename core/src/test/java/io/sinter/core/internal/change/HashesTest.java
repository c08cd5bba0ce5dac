package io.sinter.core.internal.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashesTest {
    @Test
    void wordsGiveTheHexOfTheirBytesBack() {
        for (String text : new String[] {"", "a", "Fenêtre", "\u0000\u00ff"}) {
            byte[] sum = Hashes.sha256Digest(text.getBytes(StandardCharsets.UTF_8));
            long[] words = new long[6];
            Hashes.words(sum, words, 2);
            assertEquals(Hashes.hex(sum), Hashes.hex(words, 2, 4));
            assertEquals(Hashes.hex(sum).substring(16, 48), Hashes.hex(words, 3, 2));
        }
    }
}
