package io.sinter.connector.dxf.internal.reader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A generic DXF record: an entity, an object or a table entry, i.e. a {@code (0, TYPE)} pair and the pairs up to the
 * next group code 0, in file order (comments left out). Later code interprets the pairs per type (LINE, CIRCLE,
 * LWPOLYLINE, INSERT, ...). Complex entities carry their sub-entities as {@link #children()}: a POLYLINE its VERTEX
 * records, an INSERT its ATTRIB records (the closing SEQEND is not kept).
 *
 * <p>The common properties are taken from the pairs outside application groups ({@code 102 {...} ... 102 }}) and
 * before extended data ({@code 1001}): the handle (group 5, group 105 for DIMSTYLE entries), the owner (330) and the
 * layer (8).
 */
public final class DxfRecord {
    private static final int APP_GROUP = 102;
    private static final int XDATA_START = 1001;

    private final String type;
    private final DxfPosition position;
    private final List<DxfPair> pairs;
    private final List<DxfRecord> children;
    private final String handle;
    private final String owner;
    private final String layer;

    /**
     * @param pairs    the pairs, already unmodifiable
     * @param scanned  the same pairs as a random-access list, scanned for handle, owner and layer
     */
    private DxfRecord(String type, DxfPosition position, List<DxfPair> pairs, List<DxfPair> scanned,
            List<DxfRecord> children) {
        this.type = type;
        this.position = position;
        this.pairs = pairs;
        this.children = children;
        int handleCode = "DIMSTYLE".equals(type) ? 105 : 5;
        String foundHandle = null;
        String foundOwner = null;
        String foundLayer = null;
        int appGroupDepth = 0;
        for (int i = 0, size = scanned.size(); i < size; i++) {
            DxfPair pair = scanned.get(i);
            int code = pair.code();
            if (code == XDATA_START) {
                break;
            }
            if (code == APP_GROUP) {
                String value = pair.stringValue();
                appGroupDepth += value.startsWith("{") ? 1 : value.startsWith("}") && appGroupDepth > 0 ? -1 : 0;
            } else if (appGroupDepth == 0) {
                if (code == handleCode && foundHandle == null) {
                    foundHandle = pair.stringValue().trim();
                } else if (code == 330 && foundOwner == null) {
                    foundOwner = pair.stringValue().trim();
                } else if (code == 8 && foundLayer == null) {
                    foundLayer = pair.stringValue();
                }
                if (foundHandle != null && foundOwner != null && foundLayer != null) {
                    break;
                }
            }
        }
        this.handle = foundHandle;
        this.owner = foundOwner;
        this.layer = foundLayer;
    }

    /**
     * @param type     the value of the record's group 0 pair, e.g. {@code LINE}
     * @param position where the group 0 pair is
     * @param pairs    the pairs after the group 0 pair, in file order
     */
    public static DxfRecord of(String type, DxfPosition position, List<DxfPair> pairs) {
        List<DxfPair> copy = new ArrayList<>(pairs);
        return new DxfRecord(type, position, Collections.unmodifiableList(copy), copy, List.of());
    }

    /** Reader-side factory: takes ownership of a fresh list without copying it. */
    static DxfRecord owning(String type, DxfPosition position, List<DxfPair> pairs) {
        return new DxfRecord(type, position, Collections.unmodifiableList(pairs), pairs, List.of());
    }

    /** @return this record with the given sub-entities */
    DxfRecord withChildren(List<DxfRecord> newChildren) {
        return new DxfRecord(type, position, pairs, pairs, List.copyOf(newChildren));
    }

    /** @return the record type, the value of its group 0 pair (e.g. {@code LINE}, {@code LAYER}, {@code GEODATA}) */
    public String type() {
        return type;
    }

    /** @return where the record starts */
    public DxfPosition position() {
        return position;
    }

    /** @return the pairs after the group 0 pair, in file order, without comments */
    public List<DxfPair> pairs() {
        return pairs;
    }

    /** @return VERTEX records of a POLYLINE, ATTRIB records of an INSERT, otherwise empty */
    public List<DxfRecord> children() {
        return children;
    }

    /** @return the handle (group 5, or 105 for DIMSTYLE), empty in files without handles */
    public Optional<String> handle() {
        return Optional.ofNullable(handle);
    }

    /** @return the owner handle (group 330 outside application groups), if written */
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    /** @return the layer (group 8), {@code "0"} when absent as DXF defines for entities */
    public String layer() {
        return layer != null ? layer : "0";
    }

    /** @return the first pair with this group code */
    public Optional<DxfPair> first(int code) {
        for (DxfPair pair : pairs) {
            if (pair.code() == code) {
                return Optional.of(pair);
            }
        }
        return Optional.empty();
    }

    /** @return all pairs with this group code, in file order */
    public List<DxfPair> all(int code) {
        List<DxfPair> matches = new ArrayList<>();
        for (DxfPair pair : pairs) {
            if (pair.code() == code) {
                matches.add(pair);
            }
        }
        return matches;
    }

    /** @return the first string value of the group, or the default */
    public String string(int code, String defaultValue) {
        return first(code).map(DxfPair::stringValue).orElse(defaultValue);
    }

    /** @return the first numeric value of the group, or the default */
    public double real(int code, double defaultValue) {
        return first(code).map(DxfPair::doubleValue).orElse(defaultValue);
    }

    /** @return the first integer value of the group, or the default */
    public int integer(int code, int defaultValue) {
        return first(code).map(DxfPair::intValue).orElse(defaultValue);
    }

    /**
     * @param xCode the x group of a point, e.g. 10; y is {@code xCode + 10}, z {@code xCode + 20}
     * @return the first point with that x group, z 0 when not written, empty when x or y is missing
     */
    public Optional<DxfPoint> point(int xCode) {
        return point(pairs, xCode);
    }

    /** @return the point formed by the first x, y (and z) pairs of {@code xCode} in {@code pairs} */
    static Optional<DxfPoint> point(List<DxfPair> pairs, int xCode) {
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).code() == xCode) {
                Double y = null;
                double z = 0;
                for (int j = i + 1; j < pairs.size() && j <= i + 2; j++) {
                    DxfPair next = pairs.get(j);
                    if (next.code() == xCode + 10) {
                        y = next.doubleValue();
                    } else if (next.code() == xCode + 20) {
                        z = next.doubleValue();
                    }
                }
                return y == null ? Optional.empty() : Optional.of(new DxfPoint(pairs.get(i).doubleValue(), y, z));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return type + (handle != null ? " " + handle : "") + " at " + position.describe();
    }
}
