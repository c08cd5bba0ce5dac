package io.sinter.connector.dxf.internal.reader;

import java.util.List;

/**
 * A block definition from the BLOCKS section: the BLOCK record, its entities (complex ones with their children)
 * and the ENDBLK that closes it.
 *
 * @param name      the block name (group 2)
 * @param basePoint the insertion base point (groups 10/20/30)
 * @param flags     the block flags (group 70): 1 anonymous, 2 has attribute definitions, 4 external reference,
 *                  8 xref overlay, 16 externally dependent, 32 resolved xref, 64 referenced xref
 * @param xrefPath  the external reference path (group 1), empty for ordinary blocks
 * @param record    the BLOCK record
 * @param entities  the entities of the definition, in file order
 */
public record DxfBlock(String name, DxfPoint basePoint, int flags, String xrefPath, DxfRecord record,
        List<DxfRecord> entities) {

    static DxfBlock of(DxfRecord record, List<DxfRecord> entities) {
        return new DxfBlock(record.string(2, "").trim(), record.point(10).orElse(new DxfPoint(0, 0, 0)),
                record.integer(70, 0), record.string(1, ""), record, List.copyOf(entities));
    }

    /** @return whether the block is anonymous (flag 1, e.g. {@code *D12} for dimensions, {@code *U3} for arrays) */
    public boolean anonymous() {
        return (flags & 1) != 0;
    }

    /** @return whether the block is an external reference (flag 4) */
    public boolean xref() {
        return (flags & 4) != 0;
    }
}
