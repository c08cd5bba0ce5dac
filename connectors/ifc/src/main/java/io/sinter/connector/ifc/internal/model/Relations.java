package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.ifc.internal.schema.Entity;
import io.sinter.connector.ifc.internal.step.StepInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;

/**
 * The objectified relationships of a file, indexed by the instance id of the object they concern: one
 * pass over the IfcRel* instances before any element is emitted (the file may define them anywhere).
 * Only instance ids are kept here; they are turned into GlobalIds when an element is built.
 *
 * <p>Directions: an element carries the relationship to its container (IfcRelContainedInSpatialStructure,
 * IfcRelReferencedInSpatialStructure), its whole (IfcRelAggregates, IfcRelNests), its type
 * (IfcRelDefinesByType), its groups and systems (IfcRelAssignsToGroup), the opening it fills
 * (IfcRelFillsElement); a host carries its openings and projections (IfcRelVoidsElement,
 * IfcRelProjectsElement); a system the buildings it serves (IfcRelServicesBuildings); the relating
 * element of IfcRelConnectsElements and its subtypes the related one.
 */
final class Relations {

    /** Parent candidates by precedence: lower ranks win. */
    static final int AGGREGATE = 0;
    static final int NEST = 1;
    static final int FEATURE_HOST = 2;
    static final int CONTAINER = 3;
    static final int NOT_PARENT = -1;

    /**
     * One link from an object to another.
     *
     * @param type the relationship's entity name (schema case), or null for a parent-only link
     * @param target the id of the other object
     * @param parentRank its precedence as parent, or {@link #NOT_PARENT}
     */
    record Link(String type, long target, int parentRank) {
    }

    private final Map<Long, List<Link>> links = new HashMap<>();
    private final Map<Long, List<Long>> types = new HashMap<>();
    private final Map<Long, List<Long>> propertySets = new HashMap<>();
    private final Map<Long, List<Long>> materials = new HashMap<>();
    private final Map<Long, List<Long>> classifications = new HashMap<>();

    /** Reads every relationship of {@code model}. */
    static Relations read(IfcModel model, ConnectorContext context) throws ConnectorException {
        Relations relations = new Relations();
        for (String keyword : model.file().countsByType().keySet()) {
            Entity entity = model.schema().entity(keyword).orElse(null);
            if (entity == null || !entity.isA("IfcRelationship")) {
                continue;
            }
            int count = 0;
            for (PrimitiveIterator.OfLong ids = model.file().idsOfType(keyword).iterator(); ids.hasNext(); ) {
                if ((++count & 1023) == 0) {
                    context.checkCancelled();
                }
                StepInstance rel = model.get(ids.nextLong());
                if (rel != null) {
                    relations.add(model, entity, rel);
                }
            }
        }
        return relations;
    }

    private void add(IfcModel model, Entity entity, StepInstance rel) {
        String type = entity.name();
        if (entity.isA("IfcRelAggregates") || entity.isA("IfcRelNests")) {
            long whole = model.refId(rel, "RelatingObject");
            int rank = entity.isA("IfcRelAggregates") ? AGGREGATE : NEST;
            for (long part : model.refIds(rel, "RelatedObjects")) {
                link(part, new Link(type, whole, rank));
            }
        } else if (entity.isA("IfcRelContainedInSpatialStructure")) {
            long structure = model.refId(rel, "RelatingStructure");
            for (long element : model.refIds(rel, "RelatedElements")) {
                link(element, new Link(type, structure, CONTAINER));
            }
        } else if (entity.isA("IfcRelReferencedInSpatialStructure")) {
            long structure = model.refId(rel, "RelatingStructure");
            for (long element : model.refIds(rel, "RelatedElements")) {
                link(element, new Link(type, structure, NOT_PARENT));
            }
        } else if (entity.isA("IfcRelVoidsElement")) {
            long host = model.refId(rel, "RelatingBuildingElement");
            long opening = model.refId(rel, "RelatedOpeningElement");
            link(host, new Link(type, opening, NOT_PARENT));
            link(opening, new Link(null, host, FEATURE_HOST));
        } else if (entity.isA("IfcRelProjectsElement")) {
            long host = model.refId(rel, "RelatingElement");
            long feature = model.refId(rel, "RelatedFeatureElement");
            link(host, new Link(type, feature, NOT_PARENT));
            link(feature, new Link(null, host, FEATURE_HOST));
        } else if (entity.isA("IfcRelFillsElement")) {
            link(model.refId(rel, "RelatedBuildingElement"), new Link(type, model.refId(rel, "RelatingOpeningElement"), NOT_PARENT));
        } else if (entity.isA("IfcRelDefinesByType")) {
            long typeObject = model.refId(rel, "RelatingType");
            for (long object : model.refIds(rel, "RelatedObjects")) {
                link(object, new Link(type, typeObject, NOT_PARENT));
                append(types, object, typeObject);
            }
        } else if (entity.isA("IfcRelDefinesByProperties")) {
            // IFC4: a single set, or an IfcPropertySetDefinitionSet (a typed list of sets)
            List<Long> definitions = IfcModel.refIds(IfcModel.unwrap(model.value(rel, "RelatingPropertyDefinition")));
            for (long object : model.refIds(rel, "RelatedObjects")) {
                for (long definition : definitions) {
                    append(propertySets, object, definition);
                }
            }
        } else if (entity.isA("IfcRelAssociatesMaterial")) {
            long material = model.refId(rel, "RelatingMaterial");
            for (long object : model.refIds(rel, "RelatedObjects")) {
                append(materials, object, material);
            }
        } else if (entity.isA("IfcRelAssociatesClassification")) {
            long classification = model.refId(rel, "RelatingClassification");
            for (long object : model.refIds(rel, "RelatedObjects")) {
                append(classifications, object, classification);
            }
        } else if (entity.isA("IfcRelAssignsToGroup")) {
            long group = model.refId(rel, "RelatingGroup");
            for (long member : model.refIds(rel, "RelatedObjects")) {
                link(member, new Link(type, group, NOT_PARENT));
            }
        } else if (entity.isA("IfcRelServicesBuildings")) {
            long system = model.refId(rel, "RelatingSystem");
            for (long building : model.refIds(rel, "RelatedBuildings")) {
                link(system, new Link(type, building, NOT_PARENT));
            }
        } else if (entity.isA("IfcRelConnectsElements")) {
            link(model.refId(rel, "RelatingElement"), new Link(type, model.refId(rel, "RelatedElement"), NOT_PARENT));
        }
    }

    private void link(long from, Link link) {
        if (from >= 0 && link.target() >= 0 && from != link.target()) {
            links.computeIfAbsent(from, k -> new ArrayList<>(2)).add(link);
        }
    }

    private static void append(Map<Long, List<Long>> map, long key, long value) {
        if (key >= 0 && value >= 0) {
            map.computeIfAbsent(key, k -> new ArrayList<>(2)).add(value);
        }
    }

    /** @return the links of object {@code #id} */
    List<Link> links(long id) {
        return links.getOrDefault(id, List.of());
    }

    /** @return the type objects of object {@code #id} (normally at most one) */
    List<Long> types(long id) {
        return types.getOrDefault(id, List.of());
    }

    /** @return the property set definitions related to object {@code #id} */
    List<Long> propertySets(long id) {
        return propertySets.getOrDefault(id, List.of());
    }

    /** @return the material definitions associated with object {@code #id} */
    List<Long> materials(long id) {
        return materials.getOrDefault(id, List.of());
    }

    /** @return the classification references associated with object {@code #id} */
    List<Long> classifications(long id) {
        return classifications.getOrDefault(id, List.of());
    }
}
