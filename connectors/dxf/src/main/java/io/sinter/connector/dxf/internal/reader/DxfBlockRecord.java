package io.sinter.connector.dxf.internal.reader;

import java.util.Optional;

/**
 * A BLOCK_RECORD table entry (R13 and later): the owner of a block's entities, referenced by their group 330.
 *
 * @param name        the block name (group 2)
 * @param insertUnits the block's insertion units (group 70, same codes as {@code $INSUNITS}; 0 when absent)
 * @param record      the full table entry
 */
public record DxfBlockRecord(String name, int insertUnits, DxfRecord record) {

    static DxfBlockRecord of(DxfRecord record) {
        return new DxfBlockRecord(record.string(2, "").trim(), record.integer(70, 0), record);
    }

    /** @return the handle of the block's LAYOUT object (group 340), for model and paper space blocks */
    public Optional<String> layoutHandle() {
        return record.first(340).map(DxfPair::stringValue).map(String::trim).filter(handle -> !handle.equals("0"));
    }
}
