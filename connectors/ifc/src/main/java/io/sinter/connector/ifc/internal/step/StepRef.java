package io.sinter.connector.ifc.internal.step;

/**
 * A reference to an entity instance, written {@code #12} in the file.
 *
 * @param id the referenced instance id; the instance may be defined before or after the reference
 */
public record StepRef(long id) {

    @Override
    public String toString() {
        return "#" + id;
    }
}
