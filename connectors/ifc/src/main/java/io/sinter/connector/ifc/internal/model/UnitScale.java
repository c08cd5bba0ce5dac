package io.sinter.connector.ifc.internal.model;

/**
 * How to turn a value of a unit into its SI base unit: multiply by {@code factor} and by
 * {@code 10^power10}. Powers of ten are applied by division when negative, so that millimetres convert
 * to the nearest double of the decimal value ({@code 2400 mm -> 2.4}, not {@code 2.4000000000000004}).
 *
 * @param power10 the decimal exponent of an SI prefix (times 2 for areas, 3 for volumes)
 * @param factor any other factor (a conversion-based unit), 1 for SI units
 */
record UnitScale(int power10, double factor) {
    /** The SI unit itself. */
    static final UnitScale ONE = new UnitScale(0, 1);

    /** @return {@code value} in the SI base unit */
    double apply(double value) {
        double scaled = value * factor;
        if (power10 < 0) {
            return scaled / Math.pow(10, -power10);
        }
        return power10 == 0 ? scaled : scaled * Math.pow(10, power10);
    }

    /** @return the scale as one number */
    double asDouble() {
        return apply(1.0);
    }
}
