package io.sinter.connector.ifc.internal.step;

import java.util.List;

/**
 * One {@code KEYWORD(parameters)} record: a header entity, a simple entity instance body, or one part
 * of a complex entity instance.
 *
 * @param type the keyword, upper case
 * @param attributes the parameter values in file order (immutable)
 */
public record StepRecord(String type, List<Object> attributes) {
}
