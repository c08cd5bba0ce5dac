package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.ifc.internal.schema.Measure;
import io.sinter.connector.ifc.internal.step.StepBinary;
import io.sinter.connector.ifc.internal.step.StepEnum;
import io.sinter.connector.ifc.internal.step.StepInstance;
import io.sinter.connector.ifc.internal.step.StepMarker;
import io.sinter.connector.ifc.internal.step.StepRef;
import io.sinter.connector.ifc.internal.step.StepTypedValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns STEP attribute values into element property values: typed values unwrapped ({@code IFCLABEL('x')}
 * is {@code "x"}), measures converted to SI ({@code IFCLENGTHMEASURE(2400.)} in a millimetre project is
 * {@code 2.4}), enumerations as their literal, {@code .U.} as {@code "UNKNOWN"}, binaries as their hex
 * digits. References to other instances are file-internal and read as absent.
 */
final class Values {
    private final Units units;

    Values(Units units) {
        this.units = units;
    }

    /** @return the property value of an attribute of {@code measure} (project units), or null */
    Object attribute(Object raw, Measure measure) {
        Units.Kind kind = switch (measure) {
            case LENGTH -> Units.Kind.LENGTH;
            case AREA -> Units.Kind.AREA;
            case NONE -> null;
        };
        return convert(raw, kind, null);
    }

    /**
     * @param raw a STEP value
     * @param kind the measure of an untyped number, or null
     * @param unit an explicit unit that overrides the project unit (IfcProperty.Unit), or null
     * @return the property value, or null when there is none
     */
    Object convert(Object raw, Units.Kind kind, StepInstance unit) {
        if (raw == null || raw == StepMarker.UNSET || raw == StepMarker.DERIVED || raw instanceof StepRef) {
            return null;
        }
        if (raw == StepMarker.UNKNOWN) {
            return "UNKNOWN";
        }
        if (raw instanceof StepTypedValue typed) {
            Units.Kind typedKind = Units.Kind.ofMeasure(typed.type());
            return convert(typed.value(), typedKind, typedKind == null ? null : unit);
        }
        if (raw instanceof StepEnum e) {
            return e.literal();
        }
        if (raw instanceof StepBinary binary) {
            return binary.encoded();
        }
        if (raw instanceof Long l) {
            // no conditional expression here: it would promote the Long to double
            if (kind == null) {
                return l;
            }
            return units.convert(kind, l.doubleValue(), unit);
        }
        if (raw instanceof Double d) {
            return kind == null ? d : Double.valueOf(units.convert(kind, d, unit));
        }
        if (raw instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            for (Object item : list) {
                Object value = convert(item, kind, unit);
                if (value != null) {
                    converted.add(value);
                }
            }
            return converted.isEmpty() && !list.isEmpty() ? null : converted;
        }
        return raw; // String, Boolean
    }
}
