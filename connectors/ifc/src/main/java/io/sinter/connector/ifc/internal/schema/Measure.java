package io.sinter.connector.ifc.internal.schema;

/** What kind of quantity an attribute holds, when the connector converts it to SI units. */
public enum Measure {
    /** no conversion */
    NONE,
    /** a length measure: converted to metres */
    LENGTH,
    /** an area measure: converted to square metres */
    AREA
}
