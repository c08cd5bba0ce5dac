package io.sinter.connector.ifc.internal.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An entity of an IFC schema with all its explicit attributes, inherited first, in EXPRESS order: the
 * attribute at index {@code i} is the {@code i}-th parameter of an instance in the file.
 */
public final class Entity {
    private final String name;
    private final Entity supertype;
    private final List<Attribute> attributes;

    Entity(String name, Entity supertype, List<Attribute> ownAttributes) {
        this.name = Objects.requireNonNull(name, "name");
        this.supertype = supertype;
        if (supertype == null) {
            this.attributes = List.copyOf(ownAttributes);
        } else {
            java.util.ArrayList<Attribute> all = new java.util.ArrayList<>(supertype.attributes);
            all.addAll(ownAttributes);
            this.attributes = List.copyOf(all);
        }
    }

    /** @return the name in the schema's case, e.g. {@code IfcWallStandardCase} */
    public String name() {
        return name;
    }

    /** @return the name as STEP files write it, e.g. {@code IFCWALLSTANDARDCASE} */
    public String keyword() {
        return name.toUpperCase(Locale.ROOT);
    }

    /** @return the supertype, or null for a root entity */
    public Entity supertype() {
        return supertype;
    }

    /** @return all explicit attributes, inherited first */
    public List<Attribute> attributes() {
        return attributes;
    }

    /** @return the index of the attribute {@code attributeName}, or -1 when the entity has none of that name */
    public int indexOf(String attributeName) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(attributeName)) {
                return i;
            }
        }
        return -1;
    }

    /** @return whether this entity is {@code entityName} (schema case) or one of its subtypes */
    public boolean isA(String entityName) {
        for (Entity e = this; e != null; e = e.supertype) {
            if (e.name.equals(entityName)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
