package io.sinter.connector.dxf.internal.reader;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The HEADER section: every variable ({@code $NAME}) with its value pairs, in file order, plus typed access to the
 * variables the connector uses. A file without HEADER gets an empty header whose accessors return the DXF defaults.
 */
public final class DxfHeader {
    /** {@code $INSUNITS} when absent: unitless. */
    public static final int DEFAULT_INSUNITS = 0;
    /** {@code $LUNITS} when absent: decimal. */
    public static final int DEFAULT_LUNITS = 2;

    private final boolean present;
    private final Map<String, List<DxfPair>> variables;
    private final String textEncoding;

    DxfHeader(boolean present, Map<String, List<DxfPair>> variables, String textEncoding) {
        this.present = present;
        Map<String, List<DxfPair>> copy = new LinkedHashMap<>();
        variables.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.variables = Collections.unmodifiableMap(copy);
        this.textEncoding = textEncoding;
    }

    /** @return whether the file has a HEADER section */
    public boolean present() {
        return present;
    }

    /** @return all variables by name (with the {@code $}), in file order */
    public Map<String, List<DxfPair>> variables() {
        return variables;
    }

    /** @return the value pairs of a variable such as {@code $EXTMIN} */
    public Optional<List<DxfPair>> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** @return the first string value of a variable */
    public Optional<String> string(String name) {
        return first(name).filter(pair -> pair.type() == DxfValueType.STRING).map(DxfPair::stringValue);
    }

    /** @return the first integer value of a variable */
    public OptionalInt integer(String name) {
        return first(name).filter(pair -> pair.type().isInteger() || pair.type() == DxfValueType.BOOLEAN)
                .map(pair -> OptionalInt.of(pair.intValue())).orElse(OptionalInt.empty());
    }

    /** @return a point variable (10/20/30 pairs) */
    public Optional<DxfPoint> point(String name) {
        return variable(name).flatMap(values -> DxfRecord.point(values, 10));
    }

    private Optional<DxfPair> first(String name) {
        List<DxfPair> values = variables.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return {@code $ACADVER}, e.g. {@code AC1015} for R2000; empty when the file does not say */
    public Optional<String> acadVer() {
        return string("$ACADVER").map(String::trim);
    }

    /** @return {@code $DWGCODEPAGE}, e.g. {@code ANSI_1252} */
    public Optional<String> dwgCodePage() {
        return string("$DWGCODEPAGE").map(String::trim);
    }

    /** @return {@code $INSUNITS} (0 unitless, 1 inches, 4 millimetres, 6 metres, ...), default 0 */
    public int insUnits() {
        return integer("$INSUNITS").orElse(DEFAULT_INSUNITS);
    }

    /** @return {@code $LUNITS} (1 scientific, 2 decimal, 3 engineering, 4 architectural, 5 fractional), default 2 */
    public int lUnits() {
        return integer("$LUNITS").orElse(DEFAULT_LUNITS);
    }

    /** @return {@code $EXTMIN}, the lower corner of the drawing extents */
    public Optional<DxfPoint> extMin() {
        return point("$EXTMIN");
    }

    /** @return {@code $EXTMAX}, the upper corner of the drawing extents */
    public Optional<DxfPoint> extMax() {
        return point("$EXTMAX");
    }

    /** @return how string values were decoded, e.g. {@code UTF-8} or {@code windows-1251} */
    public String textEncoding() {
        return textEncoding;
    }
}
