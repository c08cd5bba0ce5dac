package io.sinter.connector.csv.internal;

import io.sinter.connector.api.Box;
import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import io.sinter.connector.api.Position;
import io.sinter.connector.api.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One run of the CSV connector over one file: reads the header, then maps each row to an element and
 * streams it to the context. Holds the state of that run only (declared classes, issue counts).
 */
final class CsvExtraction {
    /** Kind of the elements' identifiers (api.md section 6.2). */
    static final String KIND = "Row";
    /** Schema of the element classes. */
    static final String SCHEMA = "CSV";
    /** Class of rows without a class value. */
    static final String DEFAULT_CLASS = "Row";
    /** Category of rows when no {@code categoryColumn} is set or its cell is empty. */
    static final String DEFAULT_CATEGORY = "CSV";
    /** Property group holding one entry per column. */
    static final String GROUP = "Columns";
    /** Per-row issues beyond this number per category are only counted. */
    static final int MAX_ISSUES_PER_CATEGORY = 100;

    private static final int CANCEL_CHECK_ROWS = 1_000;
    private static final int PROGRESS_ROWS = 10_000;

    private final SourceFile file;
    private final CsvSettings settings;
    private final ConnectorContext context;
    private final Map<String, String> classByValue = new HashMap<>();
    private final Set<String> declared = new HashSet<>();
    private final Map<String, IssueCount> issueCounts = new LinkedHashMap<>();
    private CsvHeader header;
    private CsvParser parser;
    /** Digests rows for {@link ConnectorContext#unchanged}, from a seed that stands for the header and the settings. */
    private RecordDigest digest;
    /** A placement that could not be read (the row gets an issue and no placement). */
    private static final Placement INVALID = Placement.at(new Point3(0, 0, 0), null);

    CsvExtraction(SourceFile file, CsvSettings settings, ConnectorContext context) {
        this.file = file;
        this.settings = settings;
        this.context = context;
    }

    /**
     * Reads the whole file.
     *
     * @throws ConnectorException CORRUPT or UNSUPPORTED for an unreadable file, CANCELLED when the run stops
     * @throws IOException when the local copy cannot be read
     */
    void run() throws ConnectorException, IOException {
        long total = file.size() > 0 ? file.size() : -1;
        try (InputStream in = Files.newInputStream(file.path());
                DecodingReader reader = DecodingReader.open(in, settings.charset())) {
            parser = new CsvParser(reader, settings.delimiter(), fallbackDelimiter());
            if (!parser.next()) {
                throw new ConnectorException(ConnectorException.Kind.CORRUPT,
                        "The file has no header row: it is empty", Position.line(1));
            }
            String[] names = new String[parser.fieldCount()];
            for (int i = 0; i < names.length; i++) {
                names[i] = parser.field(i);
            }
            header = CsvHeader.of(names, parser.line(), settings, context::issue);
            // rows are offered to the context only when it keeps their digests
            digest = context.keepsRecords() ? new RecordDigest(seed()) : null;
            context.units(settings.unitName(), settings.metresPerUnit());
            long rows = 0;
            long blankRows = 0;
            while (parser.next()) {
                rows++;
                if (rows % CANCEL_CHECK_ROWS == 0) {
                    context.checkCancelled();
                    if (rows % PROGRESS_ROWS == 0) {
                        context.progress(reader.bytesRead(), total);
                    }
                }
                if (!row()) {
                    blankRows++;
                }
            }
            reportSuppressedIssues();
            if (blankRows > 0) {
                context.issue(Issue.info("BlankRows", blankRows + " row(s) without any value were skipped"));
            }
            context.progress(reader.bytesRead(), total);
        }
    }

    /** Maps the parser's current record; returns false when all its fields are empty. */
    private boolean row() throws ConnectorException {
        int count = parser.fieldCount();
        int columns = header.size();
        boolean blank = true;
        for (int i = 0; i < count && blank; i++) {
            blank = parser.field(i).isEmpty();
        }
        if (blank) {
            return false;
        }
        long line = parser.line();
        if (count > columns) {
            for (int i = columns; i < count; i++) {
                if (!parser.field(i).isEmpty()) {
                    throw new ConnectorException(ConnectorException.Kind.CORRUPT, "The row on line " + line + " has " + count
                            + " fields but the header on line " + header.line() + " has " + columns, Position.line(line));
                }
            }
            rowIssue(Issue.warning("ExtraFields", "The row on line " + line + " has " + (count - columns)
                    + " empty field(s) more than the header; they are ignored", null));
        }
        String key = cell(header.key());
        if (key == null || key.isBlank()) {
            rowIssue(Issue.error("MissingKey", "The row on line " + line + " has no value in key column '"
                    + header.name(header.key()) + "'; it is skipped", null));
            return true;
        }
        if (count < columns) {
            rowIssue(Issue.warning("MissingFields", "The row on line " + line + " has " + count + " of " + columns
                    + " fields; the missing values are left empty", key));
        }
        // the class is declared whether or not the element is built
        String classFullName = classFullName();
        Placement placement = coordinates();
        if (digest != null && count == columns && placement != INVALID) {
            // a row that has nothing to report: the engine may keep its element from the last sync without it being built
            digest.reset();
            for (int i = 0; i < count; i++) {
                digest.field(parser.field(i));
            }
            digest.end();
            if (context.unchanged(KIND, key, digest.high(), digest.low(), placement)) {
                return true;
            }
        }
        if (placement == INVALID) {
            rowIssue(Issue.warning("InvalidCoordinates", "The row on line " + line + " has coordinates that are not numbers ("
                    + coordinates(cell(header.x()), cell(header.y()), cell(header.z())) + "); it gets no placement", key));
            placement = null;
        }
        Element.Builder element = Element.builder(KIND, key, classFullName)
                .category(orDefault(cell(header.categoryColumn()), DEFAULT_CATEGORY))
                .codeValue(key)
                .userLabel(cell(header.nameColumn()))
                .placement(placement);
        char decimalSeparator = settings.decimalSeparator();
        int filled = Math.min(count, columns);
        for (int i = 0; i < filled; i++) {
            String value = parser.field(i);
            if (!value.isEmpty()) {
                element.property(GROUP, header.name(i), CellValues.typed(value, decimalSeparator));
            }
        }
        context.element(element.build());
        return true;
    }

    /** @return the cell of column {@code index} in the current record, or null when it is empty or missing */
    private String cell(int index) {
        if (index < 0 || index >= parser.fieldCount()) {
            return null;
        }
        String value = parser.field(index);
        return value.isEmpty() ? null : value;
    }

    private String classFullName() {
        int column = header.classColumn();
        String value = column >= 0 ? orDefault(cell(column), "") : file.baseName();
        String fullName = classByValue.get(value);
        if (fullName == null) {
            fullName = SCHEMA + ":" + sanitise(value);
            classByValue.put(value, fullName);
            if (declared.add(fullName)) {
                String description = value.isEmpty() ? "CSV rows without a class"
                        : column >= 0 ? "CSV rows whose column '" + header.name(column) + "' is '" + value + "'"
                        : "CSV rows of file '" + file.fileName() + "'";
                context.declareClass(new ClassDefinition(fullName, null, description));
            }
        }
        return fullName;
    }

    /** @return {@code value} with every character but ASCII letters, digits and {@code _} replaced by {@code _}; {@code Row} when empty */
    static String sanitise(String value) {
        if (value.isEmpty()) {
            return DEFAULT_CLASS;
        }
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!keep) {
                chars[i] = '_';
            }
        }
        return new String(chars);
    }

    /**
     * The text a row's digest starts from: everything besides the row that shapes its element (the header with the
     * columns it gives roles, the settings, and the file name that names the class when no column does).
     */
    private String seed() {
        StringBuilder seed = new StringBuilder("sinter-csv-row 1\n").append(settings).append('\n').append(file.baseName()).append('\n');
        for (int column : new int[] {header.key(), header.classColumn(), header.categoryColumn(), header.nameColumn(), header.x(), header.y(),
            header.z()}) {
            seed.append(column).append(',');
        }
        for (int i = 0; i < header.size(); i++) {
            seed.append('\n').append(header.name(i).length()).append(':').append(header.name(i));
        }
        return seed.toString();
    }

    /** @return the current row's placement, null when it has none, {@link #INVALID} when its coordinates are not numbers */
    private Placement coordinates() {
        if (header.x() < 0 || header.y() < 0) {
            return null;
        }
        String xs = cell(header.x());
        String ys = cell(header.y());
        String zs = cell(header.z());
        if (xs == null && ys == null && zs == null) {
            return null;
        }
        char separator = settings.decimalSeparator();
        double x = xs == null ? Double.NaN : CellValues.coordinate(xs, separator);
        double y = ys == null ? Double.NaN : CellValues.coordinate(ys, separator);
        double z = zs == null ? 0 : CellValues.coordinate(zs, separator);
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(z)) {
            return INVALID;
        }
        double scale = settings.metresPerUnit();
        Point3 point = new Point3(x * scale, y * scale, z * scale);
        return Placement.at(point, new Box(point, point));
    }

    private String coordinates(String xs, String ys, String zs) {
        StringBuilder text = new StringBuilder();
        text.append(header.name(header.x())).append("='").append(xs == null ? "" : xs).append("', ")
                .append(header.name(header.y())).append("='").append(ys == null ? "" : ys).append('\'');
        if (header.z() >= 0) {
            text.append(", ").append(header.name(header.z())).append("='").append(zs == null ? "" : zs).append('\'');
        }
        return text.toString();
    }

    private char fallbackDelimiter() {
        return file.fileName().toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null ? defaultValue : value;
    }

    /** Reports a per-row issue; beyond {@link #MAX_ISSUES_PER_CATEGORY} per category they are only counted. */
    private void rowIssue(Issue issue) {
        IssueCount count = issueCounts.computeIfAbsent(issue.category(), c -> new IssueCount(issue.level()));
        if (++count.total <= MAX_ISSUES_PER_CATEGORY) {
            context.issue(issue);
        }
    }

    private void reportSuppressedIssues() {
        issueCounts.forEach((category, count) -> {
            if (count.total > MAX_ISSUES_PER_CATEGORY) {
                context.issue(new Issue(count.level, category, (count.total - MAX_ISSUES_PER_CATEGORY)
                        + " more issue(s) of this category are not listed (" + count.total + " in all)", null));
            }
        });
    }

    private static final class IssueCount {
        private final Issue.Level level;
        private long total;

        IssueCount(Issue.Level level) {
            this.level = level;
        }
    }
}
