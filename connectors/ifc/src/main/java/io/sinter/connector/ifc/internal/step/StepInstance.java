package io.sinter.connector.ifc.internal.step;

import java.util.List;

/**
 * A decoded entity instance of the DATA section.
 *
 * <p>Attribute values are {@link Long} (INTEGER), {@link Double} (REAL), {@link String} (decoded to
 * Unicode), {@link Boolean} ({@code .T.}/{@code .F.}), {@link StepEnum}, {@link StepBinary},
 * {@link StepRef}, {@link StepTypedValue}, {@link StepMarker} ({@code $}, {@code *}, {@code .U.}) or an
 * immutable {@link List} of those. No value is {@code null}.
 *
 * <p>A complex instance {@code #5=(A(..)B(..));} keeps its parts in {@link #parts()}; its {@link #type()}
 * is the part names joined by {@code '+'} ({@code "A+B"}) and its {@link #attributes()} are the parts'
 * attributes one after the other, in file order.
 *
 * @param id the instance id ({@code #id})
 * @param type the entity type name, upper case
 * @param attributes the attribute values (immutable)
 * @param parts the records of the instance: one for a simple instance, one per part for a complex one
 */
public record StepInstance(long id, String type, List<Object> attributes, List<StepRecord> parts) {

    /** @return whether this is a complex instance of more than one record */
    public boolean isComplex() {
        return parts.size() > 1;
    }
}
