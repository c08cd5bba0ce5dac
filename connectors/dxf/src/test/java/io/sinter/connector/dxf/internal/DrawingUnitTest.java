package io.sinter.connector.dxf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrawingUnitTest {
    @Test
    void coversTheInsunitsCodes() {
        for (int code = 0; code <= 21; code++) {
            assertTrue(DrawingUnit.ofCode(code).isPresent(), "code " + code);
        }
        assertTrue(DrawingUnit.ofCode(22).isEmpty());
        assertEquals(0.001, DrawingUnit.ofCode(4).orElseThrow().metres());
        assertEquals(0.3048, DrawingUnit.ofCode(2).orElseThrow().metres());
        assertEquals(1200.0 / 3937.0, DrawingUnit.ofCode(21).orElseThrow().metres());
        assertTrue(DrawingUnit.ofCode(0).orElseThrow().unitless());
    }

    @Test
    void parsesTheUnitlessUnitSetting() {
        assertEquals(4, DrawingUnit.parse(" MM ").orElseThrow().code());
        assertEquals(4, DrawingUnit.parse("millimeters").orElseThrow().code());
        assertEquals(1, DrawingUnit.parse("inch").orElseThrow().code());
        assertEquals(2, DrawingUnit.parse("2").orElseThrow().code());
        assertEquals(6, DrawingUnit.parse("metres").orElseThrow().code());
        assertTrue(DrawingUnit.parse("0").isEmpty(), "unitless cannot be the unit of unitless drawings");
        assertTrue(DrawingUnit.parse("furlong").isEmpty());
    }
}
