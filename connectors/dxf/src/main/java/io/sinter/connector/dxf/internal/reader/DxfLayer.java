package io.sinter.connector.dxf.internal.reader;

import java.util.OptionalInt;

/**
 * A LAYER table entry.
 *
 * @param name      the layer name (group 2)
 * @param color     the ACI colour number (group 62, sign removed; 7 when absent)
 * @param off       whether the layer is off (written as a negative colour)
 * @param trueColor the 24-bit RGB colour {@code 0xRRGGBB} (group 420), if written
 * @param lineType  the line type name (group 6), {@code CONTINUOUS} when absent
 * @param flags     the standard flags (group 70): 1 frozen, 2 frozen in new viewports, 4 locked
 * @param record    the full table entry
 */
public record DxfLayer(String name, int color, boolean off, OptionalInt trueColor, String lineType, int flags,
        DxfRecord record) {

    private static final int DEFAULT_COLOR = 7;

    static DxfLayer of(DxfRecord record) {
        int color = record.integer(62, DEFAULT_COLOR);
        OptionalInt trueColor = record.first(420).map(pair -> OptionalInt.of(pair.intValue() & 0xFF_FFFF))
                .orElse(OptionalInt.empty());
        return new DxfLayer(record.string(2, "").trim(), Math.abs(color), color < 0, trueColor,
                record.string(6, "CONTINUOUS").trim(), record.integer(70, 0), record);
    }

    /** @return whether the layer is frozen (flag 1) */
    public boolean frozen() {
        return (flags & 1) != 0;
    }

    /** @return whether the layer is locked (flag 4) */
    public boolean locked() {
        return (flags & 4) != 0;
    }
}
