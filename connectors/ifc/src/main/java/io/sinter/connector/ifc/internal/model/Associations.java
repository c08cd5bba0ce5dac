package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.ifc.internal.step.StepInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what IfcRelAssociatesMaterial and IfcRelAssociatesClassification attach to an object.
 *
 * <p>{@code Materials}: {@code Names} (the material names, in layer / list order) and, by kind of
 * material definition, {@code LayerSetName} and {@code Layers} ({@code [{Material, Thickness, ...}]},
 * thickness in metres) with the usage's {@code LayerSetDirection}, {@code DirectionSense} and
 * {@code OffsetFromReferenceLine}; {@code ProfileSetName} and {@code Profiles}; {@code ConstituentSetName}
 * and {@code Constituents}.
 *
 * <p>{@code Classifications}: one entry per classification system (its name, {@code Classification}
 * when unnamed), a list of {@code {Identification, Name, Location}} sorted by their content.
 */
final class Associations {
    private static final int MAX_NESTING = 16;

    private final IfcModel model;
    private final Values values;

    Associations(IfcModel model, Values values) {
        this.model = model;
        this.values = values;
    }

    /** @return the {@code Materials} group of the material definitions {@code ids}, empty when none */
    Map<String, Object> materials(List<Long> ids) {
        List<Map<String, Object>> read = new ArrayList<>();
        for (long id : ids) {
            Map<String, Object> material = material(model.get(id));
            if (!material.isEmpty()) {
                read.add(material);
            }
        }
        if (read.size() == 1) {
            return read.get(0);
        }
        // several associations (invalid, but written): merge in an order that does not depend on the file
        read.sort(Comparator.comparing(Object::toString));
        Map<String, Object> merged = new TreeMap<>();
        Set<Object> names = new LinkedHashSet<>();
        for (Map<String, Object> material : read) {
            if (material.get("Names") instanceof List<?> list) {
                names.addAll(list);
            }
            material.forEach(merged::putIfAbsent);
        }
        if (!names.isEmpty()) {
            merged.put("Names", new ArrayList<>(names));
        }
        return merged;
    }

    private Map<String, Object> material(StepInstance m) {
        Map<String, Object> out = new TreeMap<>();
        if (m == null) {
            return out;
        }
        List<Object> names = new ArrayList<>();
        if (model.isA(m, "IfcMaterial")) {
            add(names, model.string(m, "Name"));
            put(out, "Category", model.string(m, "Category"));
        } else if (model.isA(m, "IfcMaterialList")) {
            for (StepInstance material : model.refs(m, "Materials")) {
                add(names, model.string(material, "Name"));
            }
        } else if (model.isA(m, "IfcMaterialLayerSetUsage")) {
            layerSet(model.ref(m, "ForLayerSet"), out, names);
            put(out, "LayerSetDirection", values.convert(model.value(m, "LayerSetDirection"), null, null));
            put(out, "DirectionSense", values.convert(model.value(m, "DirectionSense"), null, null));
            put(out, "OffsetFromReferenceLine", values.convert(model.value(m, "OffsetFromReferenceLine"), Units.Kind.LENGTH, null));
        } else if (model.isA(m, "IfcMaterialLayerSet")) {
            layerSet(m, out, names);
        } else if (model.isA(m, "IfcMaterialLayer")) {
            out.put("Layers", List.of(layer(m, names)));
        } else if (model.isA(m, "IfcMaterialProfileSetUsage")) {
            profileSet(model.ref(m, "ForProfileSet"), out, names);
            put(out, "CardinalPoint", values.convert(model.value(m, "CardinalPoint"), null, null));
        } else if (model.isA(m, "IfcMaterialProfileSet")) {
            profileSet(m, out, names);
        } else if (model.isA(m, "IfcMaterialConstituentSet")) {
            put(out, "ConstituentSetName", model.string(m, "Name"));
            List<Object> constituents = new ArrayList<>();
            for (StepInstance c : model.refs(m, "MaterialConstituents")) {
                Map<String, Object> constituent = new TreeMap<>();
                put(constituent, "Name", model.string(c, "Name"));
                String material = model.string(model.ref(c, "Material"), "Name");
                put(constituent, "Material", material);
                add(names, material);
                put(constituent, "Fraction", values.convert(model.value(c, "Fraction"), null, null));
                put(constituent, "Category", model.string(c, "Category"));
                constituents.add(constituent);
            }
            put(out, "Constituents", constituents.isEmpty() ? null : constituents);
        }
        if (!names.isEmpty()) {
            out.put("Names", names);
        }
        return out;
    }

    private void layerSet(StepInstance set, Map<String, Object> out, List<Object> names) {
        if (set == null) {
            return;
        }
        put(out, "LayerSetName", model.string(set, "LayerSetName"));
        List<Object> layers = new ArrayList<>();
        for (StepInstance layer : model.refs(set, "MaterialLayers")) {
            layers.add(layer(layer, names));
        }
        put(out, "Layers", layers.isEmpty() ? null : layers);
    }

    private Map<String, Object> layer(StepInstance layer, List<Object> names) {
        Map<String, Object> out = new TreeMap<>();
        String material = model.string(model.ref(layer, "Material"), "Name");
        put(out, "Material", material);
        add(names, material);
        put(out, "Thickness", values.convert(model.value(layer, "LayerThickness"), Units.Kind.LENGTH, null));
        put(out, "IsVentilated", values.convert(model.value(layer, "IsVentilated"), null, null));
        put(out, "Name", model.string(layer, "Name"));
        put(out, "Category", model.string(layer, "Category"));
        put(out, "Priority", values.convert(model.value(layer, "Priority"), null, null));
        return out;
    }

    private void profileSet(StepInstance set, Map<String, Object> out, List<Object> names) {
        if (set == null) {
            return;
        }
        put(out, "ProfileSetName", model.string(set, "Name"));
        List<Object> profiles = new ArrayList<>();
        for (StepInstance profile : model.refs(set, "MaterialProfiles")) {
            Map<String, Object> entry = new TreeMap<>();
            put(entry, "Name", model.string(profile, "Name"));
            String material = model.string(model.ref(profile, "Material"), "Name");
            put(entry, "Material", material);
            add(names, material);
            put(entry, "Category", model.string(profile, "Category"));
            profiles.add(entry);
        }
        put(out, "Profiles", profiles.isEmpty() ? null : profiles);
    }

    /** @return the {@code Classifications} group of the classification references {@code ids}, empty when none */
    Map<String, Object> classifications(List<Long> ids) {
        Map<String, List<Map<String, Object>>> bySystem = new TreeMap<>();
        for (long id : ids) {
            StepInstance reference = model.get(id);
            if (reference == null) {
                continue;
            }
            Map<String, Object> entry = new TreeMap<>();
            String system;
            if (model.isA(reference, "IfcClassificationReference")) {
                put(entry, "Identification", first(model.string(reference, "Identification"), model.string(reference, "ItemReference")));
                put(entry, "Name", model.string(reference, "Name"));
                put(entry, "Location", model.string(reference, "Location"));
                system = systemName(model.ref(reference, "ReferencedSource"), 0);
            } else if (model.isA(reference, "IfcClassificationNotation")) {
                List<String> facets = new ArrayList<>();
                for (StepInstance facet : model.refs(reference, "NotationFacets")) {
                    String value = model.string(facet, "NotationValue");
                    if (value != null) {
                        facets.add(value);
                    }
                }
                put(entry, "Identification", facets.isEmpty() ? null : String.join(" ", facets));
                system = null;
            } else if (model.isA(reference, "IfcClassification")) {
                system = model.string(reference, "Name");
                put(entry, "Edition", model.string(reference, "Edition"));
            } else {
                continue;
            }
            if (!entry.isEmpty() || system != null) {
                bySystem.computeIfAbsent(system == null || system.isBlank() ? "Classification" : system, s -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, Object> out = new TreeMap<>();
        bySystem.forEach((system, entries) -> {
            entries.sort(Comparator.comparing(Object::toString));
            out.put(system, entries);
        });
        return out;
    }

    /** @return the name of the IfcClassification a reference belongs to (IFC4 references may nest) */
    private String systemName(StepInstance source, int depth) {
        if (source == null || depth > MAX_NESTING) {
            return null;
        }
        if (model.isA(source, "IfcClassification")) {
            return model.string(source, "Name");
        }
        if (model.isA(source, "IfcClassificationReference")) {
            return systemName(model.ref(source, "ReferencedSource"), depth + 1);
        }
        return null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static void add(List<Object> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
