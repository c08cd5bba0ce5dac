package io.sinter.connector.dxf.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The length units of {@code $INSUNITS} (and of BLOCK_RECORD group 70), with their size in metres.
 *
 * @param code    the DXF unit code
 * @param name    the unit's name in the plural, e.g. {@code millimetres}
 * @param metres  its length in metres (0 for code 0, unitless)
 * @param aliases other names and abbreviations accepted in the {@code unitlessUnit} setting
 */
record DrawingUnit(int code, String name, double metres, List<String> aliases) {
    /** Code 0: the drawing does not say. */
    static final int UNITLESS = 0;
    /** Metres, the default for unitless drawings. */
    static final DrawingUnit METRES = new DrawingUnit(6, "metres", 1, List.of("m", "metre", "meter", "meters"));

    private static final List<DrawingUnit> UNITS = List.of(
            new DrawingUnit(UNITLESS, "unitless", 0, List.of()),
            new DrawingUnit(1, "inches", 0.0254, List.of("in", "inch", "\"")),
            new DrawingUnit(2, "feet", 0.3048, List.of("ft", "foot", "'")),
            new DrawingUnit(3, "miles", 1609.344, List.of("mi", "mile")),
            new DrawingUnit(4, "millimetres", 0.001, List.of("mm", "millimetre", "millimeter", "millimeters")),
            new DrawingUnit(5, "centimetres", 0.01, List.of("cm", "centimetre", "centimeter", "centimeters")),
            METRES,
            new DrawingUnit(7, "kilometres", 1000, List.of("km", "kilometre", "kilometer", "kilometers")),
            new DrawingUnit(8, "microinches", 2.54e-8, List.of("microinch")),
            new DrawingUnit(9, "mils", 2.54e-5, List.of("mil", "thou")),
            new DrawingUnit(10, "yards", 0.9144, List.of("yd", "yard")),
            new DrawingUnit(11, "angstroms", 1e-10, List.of("angstrom")),
            new DrawingUnit(12, "nanometres", 1e-9, List.of("nm", "nanometre", "nanometer", "nanometers")),
            new DrawingUnit(13, "microns", 1e-6, List.of("um", "µm", "micron", "micrometre", "micrometer",
                    "micrometres", "micrometers")),
            new DrawingUnit(14, "decimetres", 0.1, List.of("dm", "decimetre", "decimeter", "decimeters")),
            new DrawingUnit(15, "decametres", 10, List.of("dam", "decametre", "decameter", "decameters")),
            new DrawingUnit(16, "hectometres", 100, List.of("hm", "hectometre", "hectometer", "hectometers")),
            new DrawingUnit(17, "gigametres", 1e9, List.of("gm", "gigametre", "gigameter", "gigameters")),
            new DrawingUnit(18, "astronomical units", 1.495978707e11, List.of("au", "astronomical unit")),
            new DrawingUnit(19, "light years", 9.4607304725808e15, List.of("ly", "light year")),
            new DrawingUnit(20, "parsecs", 3.0856775814913673e16, List.of("pc", "parsec")),
            new DrawingUnit(21, "US survey feet", 1200.0 / 3937.0, List.of("us survey foot", "usft", "survey feet",
                    "survey foot")));

    /** @return the unit of a DXF unit code, empty for codes outside the table */
    static Optional<DrawingUnit> ofCode(int code) {
        return UNITS.stream().filter(unit -> unit.code == code).findFirst();
    }

    /**
     * Reads the {@code unitlessUnit} setting: a unit name or abbreviation ({@code mm}, {@code millimetres},
     * {@code inch}, ...) or a DXF unit code from 1 to 21; case and surrounding blanks are ignored.
     *
     * @return the unit, empty when the text names none (or names "unitless")
     */
    static Optional<DrawingUnit> parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        if (key.matches("\\d{1,2}")) {
            return ofCode(Integer.parseInt(key)).filter(unit -> unit.code != UNITLESS);
        }
        return UNITS.stream().filter(unit -> unit.code != UNITLESS)
                .filter(unit -> unit.name.equalsIgnoreCase(key) || unit.aliases.contains(key)).findFirst();
    }

    /** @return whether the code means "no unit" */
    boolean unitless() {
        return code == UNITLESS;
    }
}
