package io.sinter.core.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sinter.core.internal.change.CanonicalJson;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsWhatCanonicalJsonWrites() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", List.of(1L, -2.5, true, false));
        value.put("b", null);
        value.put("s", "q\"\\\n\u0001é😀");
        value.put("n", Map.of("big", new BigInteger("123456789012345678901234567890"), "e", 1e-7));
        String text = CanonicalJson.write(value);
        assertEquals(text, CanonicalJson.write(Json.parse(text)));
        assertEquals(Arrays.asList(1L, 2.0, null), Json.parse(" [1, 2.0, null] "));
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "tru", "1 2", "\"x")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }
}
