package io.sinter.connector.csv.internal;

import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Position;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The header row of a CSV file: unique column names and the columns that play a role (key, class, name,
 * category, coordinates). Column indexes are 0-based; -1 means the file has no such column.
 */
final class CsvHeader {
    /** Headers that name the key column when no {@code keyColumn} setting is given, compared ignoring case. */
    static final List<String> KEY_NAMES = List.of("id", "guid", "key", "ExtIdentifier", "GlobalId", "tag");
    /** Headers that name the class column when no {@code classColumn} setting is given, compared ignoring case. */
    static final List<String> CLASS_NAMES = List.of("class", "type");

    private final String[] names;
    private final long line;
    private final int key;
    private final int classColumn;
    private final int name;
    private final int category;
    private final int x;
    private final int y;
    private final int z;

    private CsvHeader(String[] names, long line, int key, int classColumn, int name, int category, int x, int y, int z) {
        this.names = names;
        this.line = line;
        this.key = key;
        this.classColumn = classColumn;
        this.name = name;
        this.category = category;
        this.x = x;
        this.y = y;
        this.z = z;
    }

    /**
     * Makes the column names usable and finds the role columns.
     *
     * @param raw the header fields as read
     * @param line the header's line
     * @param settings the file's settings (key, class and category columns)
     * @param issues receives a warning per renamed column and an info about the key column
     * @throws ConnectorException CORRUPT when a column named by a setting is missing
     */
    static CsvHeader of(String[] raw, long line, CsvSettings settings, Consumer<Issue> issues) throws ConnectorException {
        String[] names = uniqueNames(raw, line, issues);
        int key;
        if (settings.keyColumn() != null) {
            key = required(names, settings.keyColumn(), CsvSettings.KEY_COLUMN, line);
            issues.accept(Issue.info("KeyColumn", "Key column: '" + names[key] + "' (connector setting keyColumn)"));
        } else {
            key = firstNamed(names, KEY_NAMES);
            if (key >= 0) {
                issues.accept(Issue.info("KeyColumn", "Key column: '" + names[key] + "' (found by its name)"));
            } else {
                key = 0;
                issues.accept(Issue.info("KeyColumn", "Key column: '" + names[0]
                        + "', the first column; no column is named " + String.join(", ", KEY_NAMES)
                        + " and the connector setting keyColumn is not set"));
            }
        }
        int classColumn = settings.classColumn() != null
                ? required(names, settings.classColumn(), CsvSettings.CLASS_COLUMN, line)
                : firstNamed(names, CLASS_NAMES);
        int category = settings.categoryColumn() != null
                ? required(names, settings.categoryColumn(), CsvSettings.CATEGORY_COLUMN, line)
                : -1;
        return new CsvHeader(names, line, key, classColumn, firstNamed(names, List.of("name")), category,
                firstNamed(names, List.of("x", "easting")), firstNamed(names, List.of("y", "northing")),
                firstNamed(names, List.of("z", "elevation")));
    }

    /** Blank names become {@code Column<n>} (1-based); repeated names get {@code ~2}, {@code ~3}, ... */
    private static String[] uniqueNames(String[] raw, long line, Consumer<Issue> issues) {
        String[] names = new String[raw.length];
        Set<String> taken = new HashSet<>();
        for (String value : raw) {
            if (!value.isBlank()) {
                taken.add(value.strip());
            }
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < raw.length; i++) {
            String wanted = raw[i].strip();
            if (wanted.isEmpty()) {
                wanted = "Column" + (i + 1);
                String unique = unique(wanted, used, taken);
                issues.accept(Issue.warning("BlankColumnName",
                        "Column " + (i + 1) + " of the header on line " + line + " has no name; it is called '" + unique + "'", null));
                names[i] = unique;
            } else if (used.contains(wanted)) {
                String unique = unique(wanted, used, taken);
                issues.accept(Issue.warning("DuplicateColumnName",
                        "Column " + (i + 1) + " of the header on line " + line + " repeats the name '" + wanted
                                + "'; it is called '" + unique + "'", null));
                names[i] = unique;
            } else {
                names[i] = wanted;
            }
            used.add(names[i]);
        }
        return names;
    }

    /** @return {@code wanted}, or {@code wanted~n} with the smallest n that neither a column nor a header uses */
    private static String unique(String wanted, Set<String> used, Set<String> taken) {
        if (!used.contains(wanted) && !taken.contains(wanted)) {
            return wanted;
        }
        for (int n = 2;; n++) {
            String candidate = wanted + "~" + n;
            if (!used.contains(candidate) && !taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static int required(String[] names, String wanted, String setting, long line) throws ConnectorException {
        int exact = -1;
        int ignoringCase = -1;
        for (int i = 0; i < names.length; i++) {
            if (exact < 0 && names[i].equals(wanted)) {
                exact = i;
            } else if (ignoringCase < 0 && names[i].equalsIgnoreCase(wanted)) {
                ignoringCase = i;
            }
        }
        int found = exact >= 0 ? exact : ignoringCase;
        if (found < 0) {
            throw new ConnectorException(ConnectorException.Kind.CORRUPT, "The column '" + wanted + "' named by connector setting '"
                    + setting + "' is not in the header (" + String.join(", ", names) + ")", Position.line(line));
        }
        return found;
    }

    private static int firstNamed(String[] names, List<String> wanted) {
        for (int i = 0; i < names.length; i++) {
            for (String candidate : wanted) {
                if (names[i].equalsIgnoreCase(candidate)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** @return the number of columns */
    int size() {
        return names.length;
    }

    /** @return the unique name of column {@code index} */
    String name(int index) {
        return names[index];
    }

    /** @return the header's line */
    long line() {
        return line;
    }

    /** @return the key column */
    int key() {
        return key;
    }

    /** @return the class column, or -1 (the class is then the file's base name) */
    int classColumn() {
        return classColumn;
    }

    /** @return the {@code name} column, or -1 */
    int nameColumn() {
        return name;
    }

    /** @return the column set by {@code categoryColumn}, or -1 */
    int categoryColumn() {
        return category;
    }

    /** @return the {@code x}/{@code easting} column, or -1 */
    int x() {
        return x;
    }

    /** @return the {@code y}/{@code northing} column, or -1 */
    int y() {
        return y;
    }

    /** @return the {@code z}/{@code elevation} column, or -1 */
    int z() {
        return z;
    }

    @Override
    public String toString() {
        return "CsvHeader" + List.of(names);
    }
}
