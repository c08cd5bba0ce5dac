package io.sinter.connector.csv.internal;

import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Position;
import io.sinter.connector.api.SourceFile;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * The connector settings of one source file, checked.
 *
 * @param delimiter {@code ,} {@code ;} tab or {@code |}; 0 to detect it from the header line
 * @param charset the character set, or null for UTF-8 (UTF-16 when the file starts with its byte order mark)
 * @param keyColumn the header naming the key column, or null to pick one by name
 * @param classColumn the header naming the class column, or null to look for {@code class}/{@code type}
 * @param categoryColumn the header naming the category column, or null for the category {@code CSV}
 * @param unitName the length unit of coordinate columns as configured, e.g. {@code mm}
 * @param metresPerUnit its length in metres
 * @param decimalSeparator {@code .} or {@code ,}
 */
record CsvSettings(char delimiter, Charset charset, String keyColumn, String classColumn, String categoryColumn,
        String unitName, double metresPerUnit, char decimalSeparator) {

    /** Setting names, as users write them in a connection's source-file settings. */
    static final String DELIMITER = "delimiter";
    static final String ENCODING = "encoding";
    static final String KEY_COLUMN = "keyColumn";
    static final String CLASS_COLUMN = "classColumn";
    static final String CATEGORY_COLUMN = "categoryColumn";
    static final String UNIT = "unit";
    static final String DECIMAL_SEPARATOR = "decimalSeparator";

    /**
     * Reads the settings of {@code file}.
     *
     * @throws ConnectorException UNSUPPORTED for an unknown encoding, delimiter, unit or decimal separator
     */
    static CsvSettings of(SourceFile file) throws ConnectorException {
        String unit = file.setting(UNIT, "m").trim().toLowerCase(Locale.ROOT);
        return new CsvSettings(delimiter(file.setting(DELIMITER, null)), charset(file.setting(ENCODING, null)),
                trimmed(file.setting(KEY_COLUMN, null)), trimmed(file.setting(CLASS_COLUMN, null)),
                trimmed(file.setting(CATEGORY_COLUMN, null)), unit, metresPerUnit(unit),
                decimalSeparator(file.setting(DECIMAL_SEPARATOR, ".")));
    }

    private static char delimiter(String value) throws ConnectorException {
        if (value == null) {
            return 0;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> {
                return ',';
            }
            case ";", "semicolon" -> {
                return ';';
            }
            case "tab", "\\t" -> {
                return '\t';
            }
            case "|", "pipe" -> {
                return '|';
            }
            default -> throw unsupported(DELIMITER, value, "',', ';', 'tab' or '|'");
        }
    }

    private static Charset charset(String value) throws ConnectorException {
        if (value == null) {
            return null;
        }
        try {
            return Charset.forName(value.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ConnectorException(ConnectorException.Kind.UNSUPPORTED,
                    "Unknown character set '" + value + "' in connector setting '" + ENCODING + "'", Position.UNKNOWN, e);
        }
    }

    private static double metresPerUnit(String value) throws ConnectorException {
        return switch (value) {
            case "m" -> 1.0;
            case "cm" -> 0.01;
            case "mm" -> 0.001;
            case "ft" -> 0.3048;
            case "in" -> 0.0254;
            default -> throw unsupported(UNIT, value, "'m', 'cm', 'mm', 'ft' or 'in'");
        };
    }

    private static char decimalSeparator(String value) throws ConnectorException {
        return switch (value.trim()) {
            case "." -> '.';
            case "," -> ',';
            default -> throw unsupported(DECIMAL_SEPARATOR, value, "'.' or ','");
        };
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static ConnectorException unsupported(String setting, String value, String allowed) {
        return new ConnectorException(ConnectorException.Kind.UNSUPPORTED,
                "Connector setting '" + setting + "' is '" + value + "'; use " + allowed, Position.UNKNOWN);
    }
}
