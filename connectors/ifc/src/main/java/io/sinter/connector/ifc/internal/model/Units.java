package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.ifc.internal.step.StepEnum;
import io.sinter.connector.ifc.internal.step.StepInstance;
import io.sinter.connector.ifc.internal.step.StepTypedValue;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The project's global units (IfcProject.UnitsInContext) for the measures the connector converts:
 * lengths to metres, areas to square metres, volumes to cubic metres, plane angles to radians. Units the
 * project does not assign are taken as the SI unit.
 */
final class Units {

    /** The unit types the connector converts, by their IfcUnitEnum literal. */
    enum Kind {
        LENGTH("LENGTHUNIT", 1),
        AREA("AREAUNIT", 2),
        VOLUME("VOLUMEUNIT", 3),
        PLANE_ANGLE("PLANEANGLEUNIT", 0);

        final String literal;
        /** how often the SI prefix applies: mm² = (10^-3)² m² */
        final int prefixPower;

        Kind(String literal, int prefixPower) {
            this.literal = literal;
            this.prefixPower = prefixPower;
        }

        static Kind of(String unitType) {
            for (Kind kind : values()) {
                if (kind.literal.equals(unitType)) {
                    return kind;
                }
            }
            return null;
        }

        /** @return the kind of a defined measure type such as {@code IFCLENGTHMEASURE}, or null */
        static Kind ofMeasure(String typeKeyword) {
            return switch (typeKeyword) {
                case "IFCLENGTHMEASURE", "IFCPOSITIVELENGTHMEASURE", "IFCNONNEGATIVELENGTHMEASURE" -> LENGTH;
                case "IFCAREAMEASURE" -> AREA;
                case "IFCVOLUMEMEASURE" -> VOLUME;
                case "IFCPLANEANGLEMEASURE", "IFCPOSITIVEPLANEANGLEMEASURE" -> PLANE_ANGLE;
                default -> null;
            };
        }
    }

    private static final Map<String, Integer> PREFIXES = Map.ofEntries(
            Map.entry("EXA", 18), Map.entry("PETA", 15), Map.entry("TERA", 12), Map.entry("GIGA", 9),
            Map.entry("MEGA", 6), Map.entry("KILO", 3), Map.entry("HECTO", 2), Map.entry("DECA", 1),
            Map.entry("DECI", -1), Map.entry("CENTI", -2), Map.entry("MILLI", -3), Map.entry("MICRO", -6),
            Map.entry("NANO", -9), Map.entry("PICO", -12), Map.entry("FEMTO", -15), Map.entry("ATTO", -18));

    private final IfcModel model;
    private final Map<Kind, UnitScale> scales = new EnumMap<>(Kind.class);
    private String lengthUnitName = "METRE";

    private Units(IfcModel model) {
        this.model = model;
    }

    /** @return the units of {@code project} (may be null: SI units) */
    static Units of(IfcModel model, StepInstance project) {
        Units units = new Units(model);
        StepInstance assignment = project == null ? null : model.ref(project, "UnitsInContext");
        if (assignment != null) {
            for (StepInstance unit : model.refs(assignment, "Units")) {
                Kind kind = Kind.of(literal(model.value(unit, "UnitType")));
                if (kind != null && !units.scales.containsKey(kind)) {
                    UnitScale scale = units.scaleOf(unit, kind, 0);
                    if (scale != null) {
                        units.scales.put(kind, scale);
                        if (kind == Kind.LENGTH) {
                            units.lengthUnitName = units.nameOf(unit);
                        }
                    }
                }
            }
        }
        return units;
    }

    /** @return the length unit as the file names it, e.g. {@code MILLI METRE} or {@code FOOT} */
    String lengthUnitName() {
        return lengthUnitName;
    }

    /** @return metres per project length unit */
    double metresPerUnit() {
        return scale(Kind.LENGTH).asDouble();
    }

    UnitScale scale(Kind kind) {
        return scales.getOrDefault(kind, UnitScale.ONE);
    }

    /** @return {@code value} of the project length unit in metres */
    double length(double value) {
        return scale(Kind.LENGTH).apply(value);
    }

    /** @return {@code value} of the project plane angle unit in radians */
    double angle(double value) {
        return scale(Kind.PLANE_ANGLE).apply(value);
    }

    /** @return {@code value} converted to SI when {@code kind} is not null, with {@code unit} or else the project unit */
    double convert(Kind kind, double value, StepInstance unit) {
        if (kind == null) {
            return value;
        }
        if (unit != null) {
            UnitScale own = scaleOf(unit, kind, 0);
            if (own != null) {
                return own.apply(value);
            }
        }
        return scale(kind).apply(value);
    }

    /**
     * @return the scale of an IfcSIUnit or IfcConversionBasedUnit of {@code kind}, or null when it is
     *     something else (or another kind: the explicit unit of a property may be of any type)
     */
    private UnitScale scaleOf(StepInstance unit, Kind kind, int depth) {
        if (unit == null || depth > 8 || kind != Kind.of(literal(model.value(unit, "UnitType")))) {
            return null;
        }
        if (model.isA(unit, "IfcSIUnit")) {
            String name = literal(model.value(unit, "Name"));
            boolean si = switch (kind) {
                case LENGTH -> "METRE".equals(name);
                case AREA -> "SQUARE_METRE".equals(name);
                case VOLUME -> "CUBIC_METRE".equals(name);
                case PLANE_ANGLE -> "RADIAN".equals(name);
            };
            if (!si) {
                return null;
            }
            String prefixLiteral = literal(model.value(unit, "Prefix"));
            Integer prefix = prefixLiteral == null ? null : PREFIXES.get(prefixLiteral);
            return new UnitScale(prefix == null ? 0 : prefix * kind.prefixPower, 1);
        }
        if (model.isA(unit, "IfcConversionBasedUnit")) {
            StepInstance measure = model.ref(unit, "ConversionFactor");
            Double value = measure == null ? null : IfcModel.number(model.value(measure, "ValueComponent"));
            StepInstance base = measure == null ? null : model.ref(measure, "UnitComponent");
            UnitScale baseScale = scaleOf(base, kind, depth + 1);
            if (value == null || !(value > 0) || baseScale == null) {
                return fallbackConversion(kind, model.string(unit, "Name"));
            }
            return new UnitScale(baseScale.power10(), value * baseScale.factor());
        }
        return null;
    }

    /** Well-known conversion-based units, for files whose conversion factor is missing or broken. */
    private static UnitScale fallbackConversion(Kind kind, String name) {
        String n = name == null ? "" : name.toUpperCase(Locale.ROOT);
        return switch (kind) {
            case PLANE_ANGLE -> n.startsWith("DEGREE") ? new UnitScale(0, Math.PI / 180) : null;
            case LENGTH -> switch (n) {
                case "FOOT" -> new UnitScale(0, 0.3048);
                case "INCH" -> new UnitScale(0, 0.0254);
                case "YARD" -> new UnitScale(0, 0.9144);
                case "MILE" -> new UnitScale(0, 1609.344);
                default -> null;
            };
            default -> null;
        };
    }

    private String nameOf(StepInstance unit) {
        if (model.isA(unit, "IfcSIUnit")) {
            String prefix = literal(model.value(unit, "Prefix"));
            String name = literal(model.value(unit, "Name"));
            return prefix == null ? name : prefix + " " + name;
        }
        String name = model.string(unit, "Name");
        return name == null ? "conversion-based unit" : name;
    }

    private static String literal(Object value) {
        Object v = value instanceof StepTypedValue typed ? typed.value() : value;
        return v instanceof StepEnum e ? e.literal() : null;
    }
}
