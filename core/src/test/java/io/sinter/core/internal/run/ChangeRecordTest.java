package io.sinter.core.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.sinter.core.internal.change.CanonicalJson;
import org.junit.jupiter.api.Test;

class ChangeRecordTest {
    @Test
    void theDirectlyWrittenRecordIsTheCanonicalJsonOfTheRecordMap() {
        String[][] cases = {
            {"CSV:Row", "E-1", "0f".repeat(32)},
            {"IFC:IfcWall", "2O2Fr$t4X7Zf8NOew3FLOH", "ab".repeat(32)},
            {"CSV:Rö\"w\\", "id\twith\ncontrols\u0001 and \uD83D\uDE00 and a lone \uD800", "00".repeat(32)},
        };
        for (String[] c : cases) {
            for (long id : new long[] {0x21, 0x7fffffffffffffffL, 1}) {
                for (String operation : new String[] {"inserted", "updated", "deleted"}) {
                    assertArrayEquals(CanonicalJson.utf8(Bridge.change(id, operation, c[0], c[1], c[2])),
                            Bridge.changeRecord(id, operation, c[0], c[1], c[2]), String.join(" ", c));
                }
            }
        }
    }
}
