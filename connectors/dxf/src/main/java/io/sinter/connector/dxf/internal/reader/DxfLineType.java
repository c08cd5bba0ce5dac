package io.sinter.connector.dxf.internal.reader;

import java.util.List;

/**
 * An LTYPE table entry.
 *
 * @param name          the line type name (group 2)
 * @param description   the descriptive text (group 3)
 * @param patternLength the total pattern length (group 40)
 * @param elements      the dash lengths (groups 49): positive dash, negative gap, 0 dot
 * @param record        the full table entry, including shape and text elements
 */
public record DxfLineType(String name, String description, double patternLength, List<Double> elements,
        DxfRecord record) {

    static DxfLineType of(DxfRecord record) {
        List<Double> elements = record.all(49).stream().map(DxfPair::doubleValue).toList();
        return new DxfLineType(record.string(2, "").trim(), record.string(3, ""), record.real(40, 0), elements,
                record);
    }
}
