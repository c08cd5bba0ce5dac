package io.sinter.connector.ifc.internal.step;

/** Parameter values that carry no data of their own. */
public enum StepMarker {
    /** {@code $}: the attribute has no value. */
    UNSET,
    /** {@code *}: the attribute is derived (redeclared as DERIVE in a subtype) and not written. */
    DERIVED,
    /** {@code .U.}: the LOGICAL value unknown. */
    UNKNOWN
}
