package io.sinter.connector.api;

/**
 * A place in a source file. Unknown parts are -1 (numbers) or null (entity).
 *
 * @param line 1-based line (text formats; for DXF the group-code pair's line)
 * @param column 1-based column, or -1
 * @param byteOffset 0-based byte offset, or -1
 * @param entity the format's own id of the item at fault (STEP {@code #12}, a DXF handle), or null
 */
public record Position(long line, long column, long byteOffset, String entity) {
    /** No position. */
    public static final Position UNKNOWN = new Position(-1, -1, -1, null);

    /** @return a position at {@code line} */
    public static Position line(long line) {
        return new Position(line, -1, -1, null);
    }

    /** @return a position at {@code line} and {@code column} */
    public static Position at(long line, long column) {
        return new Position(line, column, -1, null);
    }

    /** @return a position at byte {@code offset} */
    public static Position offset(long offset) {
        return new Position(-1, -1, offset, null);
    }

    /** @return the position of the item with the format's id {@code entity} */
    public static Position entity(String entity) {
        return new Position(-1, -1, -1, entity);
    }

    /** @return e.g. {@code line 12, column 3, offset 300, #45}; empty for {@link #UNKNOWN} */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>(4);
        if (line >= 0) {
            parts.add("line " + line);
        }
        if (column >= 0) {
            parts.add("column " + column);
        }
        if (byteOffset >= 0) {
            parts.add("offset " + byteOffset);
        }
        if (entity != null) {
            parts.add(entity);
        }
        return String.join(", ", parts);
    }
}
