package io.sinter.connector.dxf.internal.geometry;

import io.sinter.connector.dxf.internal.reader.DxfPair;
import io.sinter.connector.dxf.internal.reader.DxfRecord;
import io.sinter.connector.dxf.internal.reader.DxfValueType;
import java.util.List;

/**
 * Sequential access to the pairs of one record, for entities whose meaning depends on pair order (LWPOLYLINE,
 * HATCH, MESH, MULTILEADER, SPLINE).
 */
final class Pairs {
    private final List<DxfPair> pairs;
    private int index;

    Pairs(DxfRecord record) {
        this.pairs = record.pairs();
    }

    boolean hasNext() {
        return index < pairs.size();
    }

    /** @return the group code of the next pair, or -1 at the end */
    int peekCode() {
        return index < pairs.size() ? pairs.get(index).code() : -1;
    }

    /** @return the group code of the pair after the next one, or -1 */
    int peekCode(int ahead) {
        return index + ahead < pairs.size() ? pairs.get(index + ahead).code() : -1;
    }

    DxfPair next() {
        return pairs.get(index++);
    }

    /** Moves to just after the first pair with {@code code}; false (at the end) when there is none. */
    boolean skipPast(int code) {
        while (index < pairs.size()) {
            if (pairs.get(index++).code() == code) {
                return true;
            }
        }
        return false;
    }

    /** @return the next pair's number if it has {@code code}, consuming it; otherwise NaN, consuming nothing */
    double optional(int code) {
        if (peekCode() == code && isNumber(pairs.get(index))) {
            return pairs.get(index++).doubleValue();
        }
        return Double.NaN;
    }

    /**
     * @return the next pair's number, which must have {@code code}
     * @throws Malformed when it does not
     */
    double require(int code) throws Malformed {
        if (peekCode() != code || !isNumber(pairs.get(index))) {
            throw new Malformed("expected group " + code + (hasNext() ? " but found " + pairs.get(index) : " at the end"));
        }
        return pairs.get(index++).doubleValue();
    }

    /** @return the next pair's integer, which must have {@code code} */
    int requireInt(int code) throws Malformed {
        double value = require(code);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new Malformed("group " + code + " is not an integer: " + value);
        }
        return (int) value;
    }

    private static boolean isNumber(DxfPair pair) {
        return pair.type() == DxfValueType.DOUBLE || pair.type().isInteger();
    }

    /** The pairs do not have the structure the entity type requires. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
