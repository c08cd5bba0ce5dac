package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.ifc.internal.schema.Entity;
import io.sinter.connector.ifc.internal.schema.IfcSchema;
import io.sinter.connector.ifc.internal.step.StepFile;
import io.sinter.connector.ifc.internal.step.StepInstance;
import io.sinter.connector.ifc.internal.step.StepMarker;
import io.sinter.connector.ifc.internal.step.StepRef;
import io.sinter.connector.ifc.internal.step.StepSyntaxException;
import io.sinter.connector.ifc.internal.step.StepTypedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An indexed IFC file read through its schema's fact table: attributes by name, references followed,
 * lenient about wrong types (a value of an unexpected type reads as absent).
 *
 * <p>Decoded instances are kept in a small direct-mapped cache (by a hash of the id, the newest wins), so
 * that what many elements share (placements of storeys, units, type objects) and what one element reads
 * several times is decoded once. Not thread-safe.
 */
final class IfcModel {
    private static final int CACHE_BITS = 13;

    private final StepFile file;
    private final IfcSchema schema;
    private final Map<String, Entity> aliases = new java.util.HashMap<>();
    private final StepInstance[] cache = new StepInstance[1 << CACHE_BITS];

    IfcModel(StepFile file, IfcSchema schema) {
        this.file = file;
        this.schema = schema;
    }

    StepFile file() {
        return file;
    }

    IfcSchema schema() {
        return schema;
    }

    /** @return the instance {@code #id}, or null when the file has none */
    StepInstance get(long id) {
        int slot = (int) ((id * 0x9E3779B97F4A7C15L) >>> (64 - CACHE_BITS));
        StepInstance cached = cache[slot];
        if (cached != null && cached.id() == id) {
            return cached;
        }
        try {
            Optional<StepInstance> found = file.find(id);
            if (found.isEmpty()) {
                return null;
            }
            cache[slot] = found.get();
            return found.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read #" + id + " of " + file.path(), e);
        } catch (StepSyntaxException e) {
            throw new StepReadException(e);
        }
    }

    /**
     * Reads instances of {@code keyword}, a type missing from the fact table, as instances of
     * {@code entity} (the attributes of the entity must be a prefix of the type's).
     */
    void readAs(String keyword, Entity entity) {
        aliases.put(keyword, entity);
    }

    /** @return the entity of the instance's type, or null when the fact table has none */
    Entity entity(StepInstance instance) {
        if (instance == null) {
            return null;
        }
        Entity entity = schema.entity(instance.type()).orElse(null);
        return entity != null ? entity : aliases.get(instance.type());
    }

    /** @return whether the instance's type is known and is {@code entityName} or a subtype */
    boolean isA(StepInstance instance, String entityName) {
        Entity entity = entity(instance);
        return entity != null && entity.isA(entityName);
    }

    /** @return the raw value of attribute {@code name}, or null when absent ({@code $}, {@code *}) or unknown */
    Object value(StepInstance instance, String name) {
        Entity entity = entity(instance);
        if (entity == null) {
            return null;
        }
        int index = entity.indexOf(name);
        return value(instance, index);
    }

    /** @return the raw value at {@code index}, or null when absent or out of range */
    static Object value(StepInstance instance, int index) {
        if (instance == null || index < 0 || index >= instance.attributes().size()) {
            return null;
        }
        Object value = instance.attributes().get(index);
        return value == StepMarker.UNSET || value == StepMarker.DERIVED ? null : value;
    }

    /** @return the string attribute {@code name} (a typed string is unwrapped), or null */
    String string(StepInstance instance, String name) {
        Object value = unwrap(value(instance, name));
        return value instanceof String s ? s : null;
    }

    /** @return the numeric attribute {@code name} (a typed number is unwrapped), or null */
    Double number(StepInstance instance, String name) {
        return number(value(instance, name));
    }

    /** @return the referenced instance of attribute {@code name}, or null */
    StepInstance ref(StepInstance instance, String name) {
        Object value = value(instance, name);
        return value instanceof StepRef ref ? get(ref.id()) : null;
    }

    /** @return the id referenced by attribute {@code name}, or -1 */
    long refId(StepInstance instance, String name) {
        Object value = value(instance, name);
        return value instanceof StepRef ref ? ref.id() : -1;
    }

    /** @return the ids referenced by attribute {@code name}: a list of references, or a single one */
    List<Long> refIds(StepInstance instance, String name) {
        return refIds(value(instance, name));
    }

    static List<Long> refIds(Object value) {
        if (value instanceof StepRef ref) {
            return List.of(ref.id());
        }
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item instanceof StepRef ref) {
                ids.add(ref.id());
            }
        }
        return ids;
    }

    /** @return the referenced instances of attribute {@code name} that exist, in order */
    List<StepInstance> refs(StepInstance instance, String name) {
        List<StepInstance> found = new ArrayList<>();
        for (long id : refIds(instance, name)) {
            StepInstance target = get(id);
            if (target != null) {
                found.add(target);
            }
        }
        return found;
    }

    /** @return the numbers of a list attribute (typed numbers unwrapped), or null when it is no list of numbers */
    double[] numbers(StepInstance instance, String name) {
        Object value = value(instance, name);
        if (!(value instanceof List<?> list)) {
            return null;
        }
        double[] numbers = new double[list.size()];
        for (int i = 0; i < numbers.length; i++) {
            Double n = number(list.get(i));
            if (n == null) {
                return null;
            }
            numbers[i] = n;
        }
        return numbers;
    }

    static Object unwrap(Object value) {
        Object v = value;
        while (v instanceof StepTypedValue typed) {
            v = typed.value();
        }
        return v;
    }

    static Double number(Object value) {
        Object v = unwrap(value);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        return null;
    }
}
