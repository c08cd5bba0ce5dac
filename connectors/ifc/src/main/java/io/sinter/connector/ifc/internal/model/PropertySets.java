package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.ifc.internal.schema.Attribute;
import io.sinter.connector.ifc.internal.schema.Entity;
import io.sinter.connector.ifc.internal.step.StepInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads property set definitions into property groups:
 * <ul>
 *   <li>IfcPropertySet: a group named by the set, one entry per property: IfcPropertySingleValue as its
 *       value, IfcPropertyEnumeratedValue and IfcPropertyListValue as a list, IfcPropertyBoundedValue as
 *       {@code {upper, lower, setPoint}}, IfcPropertyTableValue as {@code {defining:[..], defined:[..]}},
 *       IfcComplexProperty as a nested map, IfcPropertyReferenceValue as the referenced object's name;</li>
 *   <li>IfcElementQuantity: a group named by the set, lengths, areas and volumes in SI units, counts,
 *       weights and times as written, IfcPhysicalComplexQuantity as a nested map;</li>
 *   <li>other property set definitions of the schema (IfcDoorLiningProperties, ...): a group named by
 *       the entity, with its attributes.</li>
 * </ul>
 * Groups and their entries are sorted by name, so that the output does not depend on the order of
 * the file.
 */
final class PropertySets {
    private static final int MAX_NESTING = 16;
    private static final int CACHE_SIZE = 4096;

    private final IfcModel model;
    private final Values values;
    private final Map<Long, Group> cache = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Group> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** One property set read: its name and entries; {@code globalId} orders sets of the same name. */
    record Group(String name, String globalId, Map<String, Object> entries) {
    }

    PropertySets(IfcModel model, Values values) {
        this.model = model;
        this.values = values;
    }

    /**
     * Merges the property set definitions {@code ids} into {@code groups}: sets of the same name are
     * merged property by property, in GlobalId order; entries already in {@code groups} are overridden.
     */
    void mergeInto(List<Long> ids, Map<String, Map<String, Object>> groups) {
        List<Group> read = new ArrayList<>(ids.size());
        for (long id : ids) {
            Group group = group(id);
            if (group != null) {
                read.add(group);
            }
        }
        read.sort((a, b) -> {
            int byName = a.name().compareTo(b.name());
            return byName != 0 ? byName : a.globalId().compareTo(b.globalId());
        });
        for (Group group : read) {
            groups.computeIfAbsent(group.name(), n -> new TreeMap<>()).putAll(group.entries());
        }
    }

    /** @return the property set definition {@code #id} as a group, or null when it is none */
    Group group(long id) {
        Group cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        StepInstance set = model.get(id);
        Entity entity = model.entity(set);
        if (entity == null || !entity.isA("IfcPropertySetDefinition")) {
            return null;
        }
        String name = model.string(set, "Name");
        if (name == null || name.isBlank()) {
            name = entity.name();
        }
        String globalId = model.string(set, "GlobalId");
        Map<String, Object> entries = new TreeMap<>();
        if (entity.isA("IfcPropertySet")) {
            properties(model.refs(set, "HasProperties"), entries, 0);
        } else if (entity.isA("IfcElementQuantity")) {
            quantities(model.refs(set, "Quantities"), entries, 0);
        } else {
            name = entity.name();
            List<Attribute> attributes = entity.attributes();
            for (int i = 0; i < attributes.size(); i++) {
                String attribute = attributes.get(i).name();
                if (!attribute.equals("GlobalId") && !attribute.equals("OwnerHistory")) {
                    put(entries, attribute, values.attribute(IfcModel.value(set, i), attributes.get(i).measure()));
                }
            }
        }
        Group group = new Group(name, globalId == null ? "" : globalId, entries);
        cache.put(id, group);
        return group;
    }

    private void properties(List<StepInstance> properties, Map<String, Object> into, int depth) {
        for (StepInstance property : properties) {
            String name = model.string(property, "Name");
            if (name != null && !name.isBlank()) {
                put(into, name, property(property, depth));
            }
        }
    }

    private Object property(StepInstance p, int depth) {
        Entity entity = model.entity(p);
        if (entity == null) {
            return null;
        }
        StepInstance unit = model.ref(p, "Unit");
        if (entity.isA("IfcPropertySingleValue")) {
            return values.convert(model.value(p, "NominalValue"), null, unit);
        }
        if (entity.isA("IfcPropertyEnumeratedValue")) {
            return values.convert(model.value(p, "EnumerationValues"), null, null);
        }
        if (entity.isA("IfcPropertyListValue")) {
            return values.convert(model.value(p, "ListValues"), null, unit);
        }
        if (entity.isA("IfcPropertyBoundedValue")) {
            Map<String, Object> bounds = new TreeMap<>();
            put(bounds, "upper", values.convert(model.value(p, "UpperBoundValue"), null, unit));
            put(bounds, "lower", values.convert(model.value(p, "LowerBoundValue"), null, unit));
            put(bounds, "setPoint", values.convert(model.value(p, "SetPointValue"), null, unit));
            return bounds.isEmpty() ? null : bounds;
        }
        if (entity.isA("IfcPropertyTableValue")) {
            Map<String, Object> table = new TreeMap<>();
            put(table, "defining", values.convert(model.value(p, "DefiningValues"), null, model.ref(p, "DefiningUnit")));
            put(table, "defined", values.convert(model.value(p, "DefinedValues"), null, model.ref(p, "DefinedUnit")));
            return table.isEmpty() ? null : table;
        }
        if (entity.isA("IfcPropertyReferenceValue")) {
            StepInstance target = model.ref(p, "PropertyReference");
            return target == null ? null : model.string(target, "Name");
        }
        if (entity.isA("IfcComplexProperty") && depth < MAX_NESTING) {
            Map<String, Object> nested = new TreeMap<>();
            properties(model.refs(p, "HasProperties"), nested, depth + 1);
            return nested.isEmpty() ? null : nested;
        }
        return null;
    }

    private void quantities(List<StepInstance> quantities, Map<String, Object> into, int depth) {
        for (StepInstance quantity : quantities) {
            String name = model.string(quantity, "Name");
            if (name != null && !name.isBlank()) {
                put(into, name, quantity(quantity, depth));
            }
        }
    }

    private Object quantity(StepInstance q, int depth) {
        Entity entity = model.entity(q);
        if (entity == null) {
            return null;
        }
        StepInstance unit = model.ref(q, "Unit");
        if (entity.isA("IfcQuantityLength")) {
            return values.convert(model.value(q, "LengthValue"), Units.Kind.LENGTH, unit);
        }
        if (entity.isA("IfcQuantityArea")) {
            return values.convert(model.value(q, "AreaValue"), Units.Kind.AREA, unit);
        }
        if (entity.isA("IfcQuantityVolume")) {
            return values.convert(model.value(q, "VolumeValue"), Units.Kind.VOLUME, unit);
        }
        if (entity.isA("IfcQuantityCount")) {
            return values.convert(model.value(q, "CountValue"), null, null);
        }
        if (entity.isA("IfcQuantityWeight")) {
            return values.convert(model.value(q, "WeightValue"), null, null);
        }
        if (entity.isA("IfcQuantityTime")) {
            return values.convert(model.value(q, "TimeValue"), null, null);
        }
        if (entity.isA("IfcPhysicalComplexQuantity") && depth < MAX_NESTING) {
            Map<String, Object> nested = new TreeMap<>();
            quantities(model.refs(q, "HasQuantities"), nested, depth + 1);
            return nested.isEmpty() ? null : nested;
        }
        return null;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
