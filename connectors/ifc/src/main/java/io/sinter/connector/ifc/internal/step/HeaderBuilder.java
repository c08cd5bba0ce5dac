package io.sinter.connector.ifc.internal.step;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the header entities of a file and checks the three that ISO 10303-21 requires:
 * FILE_DESCRIPTION (2 attributes), FILE_NAME (7) and FILE_SCHEMA (1), each exactly once.
 */
final class HeaderBuilder {

    private static final String FILE_DESCRIPTION = "FILE_DESCRIPTION";
    private static final String FILE_NAME = "FILE_NAME";
    private static final String FILE_SCHEMA = "FILE_SCHEMA";

    private final List<StepRecord> records = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();

    /** Adds a header entity that starts on {@code line} at {@code offset}. */
    void add(StepRecord record, int line, long offset) {
        records.add(record);
        lines.add(line);
        offsets.add(offset);
    }

    /**
     * @param endLine line of the header's ENDSEC, where a missing entity is reported
     * @param endOffset offset of that ENDSEC
     */
    StepHeader build(int endLine, long endOffset) throws StepSyntaxException {
        int description = required(FILE_DESCRIPTION, 2, "description, implementation_level", endLine, endOffset);
        int name = required(FILE_NAME, 7, "name, time_stamp, author, organization, preprocessor_version, "
                + "originating_system, authorization", endLine, endOffset);
        int schema = required(FILE_SCHEMA, 1, "schema_identifiers", endLine, endOffset);
        List<String> schemas = texts(schema, 0, "schema_identifiers");
        if (schemas.isEmpty()) {
            throw error(schema, "FILE_SCHEMA names no schema");
        }
        return new StepHeader(
                texts(description, 0, "description"),
                text(description, 1, "implementation_level"),
                text(name, 0, "name"),
                text(name, 1, "time_stamp"),
                texts(name, 2, "author"),
                texts(name, 3, "organization"),
                text(name, 4, "preprocessor_version"),
                text(name, 5, "originating_system"),
                text(name, 6, "authorization"),
                schemas,
                List.copyOf(records));
    }

    /** @return index of the only record named {@code type}, checked to have {@code count} attributes */
    private int required(String type, int count, String attributeNames, int endLine, long endOffset)
            throws StepSyntaxException {
        int found = -1;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).type().equals(type)) {
                if (found >= 0) {
                    throw error(i, "second " + type + " in the header (first on line " + lines.get(found) + ")");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new StepSyntaxException("header has no " + type, endLine, endOffset, -1);
        }
        int actual = records.get(found).attributes().size();
        if (actual != count) {
            throw error(found, type + " has " + actual + " attribute" + (actual == 1 ? "" : "s")
                    + ", expected " + count + " (" + attributeNames + ")");
        }
        return found;
    }

    private String text(int record, int attribute, String attributeName) throws StepSyntaxException {
        Object value = records.get(record).attributes().get(attribute);
        if (value instanceof String s) {
            return s;
        }
        if (value == StepMarker.UNSET) {
            return "";
        }
        throw error(record, records.get(record).type() + "." + attributeName + " must be a string, found " + value);
    }

    /** Reads a LIST OF STRING; a single string is taken as a list of one, {@code $} as an empty list. */
    private List<String> texts(int record, int attribute, String attributeName) throws StepSyntaxException {
        Object value = records.get(record).attributes().get(attribute);
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value == StepMarker.UNSET) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>(list.size());
            for (Object element : list) {
                if (!(element instanceof String s)) {
                    throw error(record, records.get(record).type() + "." + attributeName
                            + " must be a list of strings, found " + element);
                }
                texts.add(s);
            }
            return List.copyOf(texts);
        }
        throw error(record, records.get(record).type() + "." + attributeName + " must be a list of strings, found " + value);
    }

    private StepSyntaxException error(int record, String reason) {
        return new StepSyntaxException(reason, lines.get(record), offsets.get(record), -1);
    }
}
