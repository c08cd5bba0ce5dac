package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.Box;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.Placement;
import io.sinter.connector.api.Point3;
import io.sinter.connector.ifc.internal.schema.Attribute;
import io.sinter.connector.ifc.internal.schema.Entity;
import io.sinter.connector.ifc.internal.schema.IfcSchema;
import io.sinter.connector.ifc.internal.step.IfcSchemaVersion;
import io.sinter.connector.ifc.internal.step.StepFile;
import io.sinter.connector.ifc.internal.step.StepInstance;
import io.sinter.connector.ifc.internal.step.StepRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One extraction of an IFC file into elements (api.md sections 6.2 and 7.5). Every IfcProduct, the
 * project (IfcContext), type objects (IfcTypeObject), groups and systems (IfcGroup) and space
 * boundaries (IfcRelSpaceBoundary) become an element of kind {@code IfcRoot} identified by its GlobalId:
 *
 * <ul>
 *   <li>{@code classFullName} {@code IFC:<entity>} in the schema's case, category the entity name;</li>
 *   <li>{@code userLabel} Name, {@code codeValue} Tag, {@code federationGuid} the GlobalId as UUID;</li>
 *   <li>parent: the whole of IfcRelAggregates, else of IfcRelNests, else the element an opening voids
 *       (or a projection projects), else the spatial structure containing it; a space boundary's
 *       parent is its space;</li>
 *   <li>properties: {@code Attributes} (the entity's attributes that are values, by their schema name,
 *       lengths in metres), the property and quantity sets (those of the type first, overridden property
 *       by property by the element's own), {@code Materials} and {@code Classifications} (the type's when
 *       the element has none);</li>
 *   <li>relationships to other elements, see {@link Relations};</li>
 *   <li>geometry: for products, the shape tessellated in element-local metres by {@link Shapes} (items it
 *       cannot read are reported as {@code UnsupportedGeometry} warnings, the element is kept);</li>
 *   <li>placement: the absolute placement in metres; its box is the extent of the geometry in the spatial
 *       frame, else of an IfcBoundingBox representation, else the origin. An element with geometry but no
 *       ObjectPlacement is placed at the origin of the spatial frame.</li>
 * </ul>
 * Nothing file-internal ({@code #} ids, instance order) reaches an element: groups and entries are
 * sorted by name, sets of the same name by GlobalId, relationships by type and target.
 *
 * <p>Entities missing from the schema table whose instances look like products (a GlobalId first and
 * an object placement or product shape where IfcProduct has them) become elements with the attributes
 * of IfcProduct and a warning; other rooted entities missing from the table are skipped with a warning.
 */
public final class IfcExtraction {
    static final String KIND = "IfcRoot";
    private static final int GLOBAL_ID_CACHE = 1 << 16;
    private static final int CHECK_EVERY = 1024;

    private enum Role {
        /** an entity of the table that becomes an element */
        OBJECT,
        /** IfcRelSpaceBoundary and subtypes */
        SPACE_BOUNDARY,
        /** not in the table, its first instance has a GlobalId */
        UNKNOWN_ROOTED,
        /** anything else */
        NONE
    }

    private final StepFile file;
    private final IfcModel model;
    private final ConnectorContext context;
    private final boolean withGeometry;
    private final Map<String, Role> roles = new HashMap<>();
    private final Set<String> declared = new HashSet<>();
    private final Set<String> warnedTypes = new TreeSet<>();
    private final Map<Long, String> globalIds = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > GLOBAL_ID_CACHE;
        }
    };
    private final Map<Long, Inherited> typeInfo = new HashMap<>();
    private Units units;
    private Values values;
    private Placements placements;
    private PropertySets propertySets;
    private Associations associations;
    private Relations relations;
    private Shapes shapes;
    private int elementsWithGeometry;

    /** What an occurrence takes over from its type object. */
    private record Inherited(Map<String, Map<String, Object>> propertySets, Map<String, Object> materials,
            Map<String, Object> classifications) {
    }

    /**
     * @param file the indexed file; its schema must be one of {@link IfcSchemaVersion}
     * @param context where the output goes
     */
    public IfcExtraction(StepFile file, IfcSchemaVersion version, ConnectorContext context) {
        this(file, version, context, true);
    }

    /**
     * @param withGeometry false to leave geometry out (placement boxes then come from IfcBoundingBox
     *     representations only), e.g. to measure what tessellation costs
     */
    public IfcExtraction(StepFile file, IfcSchemaVersion version, ConnectorContext context, boolean withGeometry) {
        this.file = file;
        this.model = new IfcModel(file, IfcSchema.of(version));
        this.context = context;
        this.withGeometry = withGeometry;
    }

    /** @return how many elements were emitted with geometry so far */
    public int elementsWithGeometry() {
        return elementsWithGeometry;
    }

    /** Streams every element of the file into the context. */
    public void run() throws ConnectorException {
        StepInstance project = project();
        units = Units.of(model, project);
        context.units(units.lengthUnitName(), units.metresPerUnit());
        values = new Values(units);
        placements = new Placements(model, units);
        shapes = withGeometry ? new Shapes(model, units, placements) : null;
        propertySets = new PropertySets(model, values);
        associations = new Associations(model, values);
        new Georeferencing(model, units, placements, context).report(project);
        relations = Relations.read(model, context);

        long total = file.instanceCount();
        long done = 0;
        for (PrimitiveIterator.OfLong ids = file.ids().iterator(); ids.hasNext(); ) {
            long id = ids.nextLong();
            if (++done % CHECK_EVERY == 0) {
                context.checkCancelled();
                context.progress(done, total);
            }
            String keyword = file.typeOf(id).orElseThrow();
            Role role = roles.computeIfAbsent(keyword, this::role);
            switch (role) {
                case OBJECT -> object(model.get(id), model.schema().entity(keyword).orElseThrow(), false);
                case SPACE_BOUNDARY -> spaceBoundary(model.get(id), model.schema().entity(keyword).orElseThrow());
                case UNKNOWN_ROOTED -> unknown(model.get(id), keyword);
                case NONE -> { }
            }
        }
        context.progress(total, total);
        for (String placement : placements.unsupported()) {
            context.issue(Issue.warning("UnsupportedPlacement", placement + " is not resolved; elements placed by it sit at their"
                    + " PlacementRelTo (or the origin).", null));
        }
    }

    private StepInstance project() {
        List<StepInstance> projects = new ArrayList<>();
        for (String keyword : file.countsByType().keySet()) {
            if (model.schema().isA(keyword, "IfcProject")) {
                file.idsOfType(keyword).forEach(id -> projects.add(model.get(id)));
            }
        }
        if (projects.isEmpty()) {
            context.issue(Issue.warning("NoProject", "The file has no IfcProject: units are taken as SI, no geolocation.", null));
            return null;
        }
        projects.sort(Comparator.comparing(p -> String.valueOf(model.string(p, "GlobalId"))));
        if (projects.size() > 1) {
            context.issue(Issue.warning("SeveralProjects", "The file has " + projects.size() + " IfcProject instances; units and"
                    + " georeferencing are read from " + model.string(projects.get(0), "GlobalId") + ".", null));
        }
        return projects.get(0);
    }

    private Role role(String keyword) {
        Entity entity = model.schema().entity(keyword).orElse(null);
        if (entity != null) {
            if (entity.isA("IfcProduct") || entity.isA("IfcProject") || entity.isA("IfcContext") || entity.isA("IfcTypeObject")
                    || entity.isA("IfcGroup")) {
                return Role.OBJECT;
            }
            return entity.isA("IfcRelSpaceBoundary") ? Role.SPACE_BOUNDARY : Role.NONE;
        }
        if (keyword.indexOf('+') >= 0 || !keyword.startsWith("IFC")) {
            return Role.NONE;
        }
        PrimitiveIterator.OfLong ids = file.idsOfType(keyword).iterator();
        StepInstance first = ids.hasNext() ? model.get(ids.nextLong()) : null;
        return first != null && isRooted(first) ? Role.UNKNOWN_ROOTED : Role.NONE;
    }

    /** @return whether an instance starts like an IfcRoot: a valid GlobalId, then an owner history reference or nothing */
    private static boolean isRooted(StepInstance instance) {
        Object owner = IfcModel.value(instance, 1);
        return IfcModel.value(instance, 0) instanceof String globalId && IfcGuid.toUuid(globalId).isPresent()
                && (owner == null || owner instanceof StepRef);
    }

    /** @return whether an instance of a type missing from the table has the shape of an IfcProduct */
    private boolean looksLikeProduct(StepInstance instance) {
        if (instance == null || instance.attributes().size() < 7 || !isRooted(instance)) {
            return false;
        }
        Object placement = IfcModel.value(instance, 5);
        Object shape = IfcModel.value(instance, 6);
        return placement instanceof StepRef p && model.isA(model.get(p.id()), "IfcObjectPlacement")
                || shape instanceof StepRef s && model.isA(model.get(s.id()), "IfcProductRepresentation");
    }

    private void unknown(StepInstance instance, String keyword) throws ConnectorException {
        if (looksLikeProduct(instance)) {
            if (warnedTypes.add(keyword)) {
                context.issue(Issue.warning("UnsupportedEntity", keyword + " is not an entity of " + model.schema().version()
                        + " the connector knows; its instances are read as IfcProduct.", null));
            }
            Entity product = model.schema().entity("IfcProduct").orElseThrow();
            model.readAs(keyword, product);
            object(instance, product, true);
        } else if (warnedTypes.add(keyword)) {
            context.issue(Issue.warning("UnsupportedEntity", keyword + " is not an entity of " + model.schema().version()
                    + " the connector knows; its instances are skipped.", null));
        }
    }

    private void object(StepInstance instance, Entity entity, boolean unknownType) throws ConnectorException {
        String globalId = globalId(instance);
        if (globalId == null) {
            return;
        }
        String className = unknownType ? className(instance.type()) : entity.name();
        declare(entity, unknownType ? className : null);
        Element.Builder builder = Element.builder(KIND, globalId, "IFC:" + className).category(className);
        IfcGuid.toUuid(globalId).ifPresent(builder::federationGuid);
        builder.userLabel(model.string(instance, "Name"));
        if (entity.indexOf("Tag") >= 0) {
            builder.codeValue(model.string(instance, "Tag"));
        }
        Map<String, Map<String, Object>> groups = new TreeMap<>();
        attributes(instance, entity, groups);
        if (entity.isA("IfcProduct")) {
            placeAndShape(instance, className, globalId, builder);
        }
        Inherited inherited = inherited(instance);
        inherited.propertySets().forEach((name, entries) -> groups.computeIfAbsent(name, n -> new TreeMap<>()).putAll(entries));
        propertySets.mergeInto(ownPropertySets(instance, entity), groups);
        Map<String, Object> materials = associations.materials(relations.materials(instance.id()));
        putGroup(groups, "Materials", materials.isEmpty() ? inherited.materials() : materials);
        Map<String, Object> classifications = associations.classifications(relations.classifications(instance.id()));
        putGroup(groups, "Classifications", classifications.isEmpty() ? inherited.classifications() : classifications);
        links(instance.id(), builder);
        emit(builder, groups);
    }

    /** Sets the placement and, when the product has a shape the connector reads, its geometry and box. */
    private void placeAndShape(StepInstance product, String className, String globalId, Element.Builder builder) {
        Placement placement = placements.placementOf(product);
        Geometry geometry = shapes == null ? null : geometry(product, className, globalId);
        if (geometry != null) {
            Transform transform = placements.transformOf(product);
            Box box = Shapes.box(geometry, transform == null ? Transform.IDENTITY : transform);
            placement = placement == null ? new Placement(new Point3(0, 0, 0), null, box)
                    : new Placement(placement.origin(), placement.rotation(), box);
            builder.geometry(geometry);
            elementsWithGeometry++;
        }
        builder.placement(placement);
    }

    private Geometry geometry(StepInstance product, String className, String globalId) {
        Shapes.Shape shape;
        try {
            shape = shapes.shapeOf(product);
        } catch (StepReadException e) {
            throw e;
        } catch (RuntimeException e) {
            // a shape the tessellator trips over must not cost the element or the task
            context.issue(Issue.error("GeometryFailed", className + " #" + product.id() + ": its shape could not be"
                    + " tessellated (" + e + "); the element has no geometry.", globalId));
            return null;
        }
        if (!shape.unsupported().isEmpty()) {
            String what = String.join(", ", shape.unsupported());
            context.issue(Issue.warning("UnsupportedGeometry", className + " #" + product.id() + ": " + what
                    + (shape.geometry() == null ? " not supported; the element has no geometry."
                        : " not supported; left out of its geometry (" + shape.representation() + ")."), globalId));
        }
        return shape.geometry();
    }

    private void spaceBoundary(StepInstance boundary, Entity entity) throws ConnectorException {
        String globalId = globalId(boundary);
        if (globalId == null) {
            return;
        }
        declare(entity, null);
        Element.Builder builder = Element.builder(KIND, globalId, "IFC:" + entity.name()).category(entity.name());
        IfcGuid.toUuid(globalId).ifPresent(builder::federationGuid);
        builder.userLabel(model.string(boundary, "Name"));
        Map<String, Map<String, Object>> groups = new TreeMap<>();
        attributes(boundary, entity, groups);
        String space = globalIdOf(model.refId(boundary, "RelatingSpace"));
        builder.parent(space);
        String element = globalIdOf(model.refId(boundary, "RelatedBuildingElement"));
        Set<List<String>> relationships = new TreeSet<>(Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> r.get(1)));
        if (element != null) {
            relationships.add(List.of(entity.name(), element));
        }
        relationships.forEach(r -> builder.relationship(r.get(0), r.get(1)));
        emit(builder, groups);
    }

    private void emit(Element.Builder builder, Map<String, Map<String, Object>> groups) throws ConnectorException {
        groups.forEach((group, entries) -> {
            if (!group.isBlank()) {
                entries.forEach((name, value) -> {
                    if (!name.isBlank()) {
                        builder.property(group, name, value);
                    }
                });
            }
        });
        context.element(builder.build());
    }

    /** @return the GlobalId of an element instance, or null (with an issue) when it has none */
    private String globalId(StepInstance instance) {
        Object value = IfcModel.unwrap(IfcModel.value(instance, 0));
        if (!(value instanceof String globalId) || globalId.isBlank()) {
            context.issue(Issue.error("MissingGlobalId", instance.type() + " #" + instance.id()
                    + " has no GlobalId and is skipped.", null));
            return null;
        }
        if (IfcGuid.toUuid(globalId).isEmpty()) {
            context.issue(Issue.warning("InvalidGlobalId", "GlobalId '" + globalId + "' is not a 22-character IFC GUID; it is"
                    + " kept as identifier, with a random federation GUID.", globalId));
        }
        return globalId;
    }

    /** Adds the {@code Attributes} group: every attribute that holds a value, by name, except GlobalId and OwnerHistory. */
    private void attributes(StepInstance instance, Entity entity, Map<String, Map<String, Object>> groups) {
        Map<String, Object> attributes = new TreeMap<>();
        List<Attribute> names = entity.attributes();
        for (int i = 0; i < names.size(); i++) {
            Attribute attribute = names.get(i);
            if (attribute.name().equals("GlobalId") || attribute.name().equals("OwnerHistory")) {
                continue;
            }
            Object value = values.attribute(IfcModel.value(instance, i), attribute.measure());
            if (value != null) {
                attributes.put(attribute.name(), value);
            }
        }
        putGroup(groups, "Attributes", attributes);
    }

    /** Sets parent and relationships from the relation index. */
    private void links(long id, Element.Builder builder) {
        int bestRank = Integer.MAX_VALUE;
        String parent = null;
        Set<List<String>> relationships = new TreeSet<>(Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> r.get(1)));
        for (Relations.Link link : relations.links(id)) {
            String target = globalIdOf(link.target());
            if (target == null) {
                continue;
            }
            if (link.type() != null) {
                relationships.add(List.of(link.type(), target));
            }
            if (link.parentRank() != Relations.NOT_PARENT
                    && (link.parentRank() < bestRank || link.parentRank() == bestRank && target.compareTo(parent) < 0)) {
                bestRank = link.parentRank();
                parent = target;
            }
        }
        builder.parent(parent);
        relationships.forEach(r -> builder.relationship(r.get(0), r.get(1)));
    }

    /** @return what the element takes over from its type object (the one of least GlobalId if several) */
    private Inherited inherited(StepInstance instance) {
        String best = null;
        long bestType = -1;
        for (long type : relations.types(instance.id())) {
            String globalId = globalIdOf(type);
            if (globalId != null && (best == null || globalId.compareTo(best) < 0)) {
                best = globalId;
                bestType = type;
            }
        }
        if (bestType < 0) {
            return new Inherited(Map.of(), Map.of(), Map.of());
        }
        Inherited cached = typeInfo.get(bestType);
        if (cached == null) {
            StepInstance type = model.get(bestType);
            Map<String, Map<String, Object>> groups = new TreeMap<>();
            propertySets.mergeInto(ownPropertySets(type, model.entity(type)), groups);
            cached = new Inherited(groups, associations.materials(relations.materials(bestType)),
                    associations.classifications(relations.classifications(bestType)));
            typeInfo.put(bestType, cached);
        }
        return cached;
    }

    /** @return the property set definitions of an object: related ones, and for a type object its HasPropertySets */
    private List<Long> ownPropertySets(StepInstance object, Entity entity) {
        List<Long> sets = new ArrayList<>(relations.propertySets(object.id()));
        if (entity != null && entity.isA("IfcTypeObject")) {
            sets.addAll(model.refIds(object, "HasPropertySets"));
        }
        return sets;
    }

    /** @return the GlobalId of {@code #id} when it is emitted as an element, else null */
    private String globalIdOf(long id) {
        if (id < 0) {
            return null;
        }
        if (globalIds.containsKey(id)) {
            return globalIds.get(id);
        }
        String globalId = null;
        String keyword = file.typeOf(id).orElse(null);
        if (keyword != null) {
            Role role = roles.computeIfAbsent(keyword, this::role);
            StepInstance target = role == Role.NONE ? null : model.get(id);
            if (role == Role.OBJECT || role == Role.SPACE_BOUNDARY || role == Role.UNKNOWN_ROOTED && looksLikeProduct(target)) {
                Object value = IfcModel.unwrap(IfcModel.value(target, 0));
                globalId = value instanceof String s && !s.isBlank() ? s : null;
            }
        }
        globalIds.put(id, globalId);
        return globalId;
    }

    /** Declares the class of an element and its supertypes once each. */
    private void declare(Entity entity, String unknownClassName) {
        if (unknownClassName != null) {
            if (declared.add(unknownClassName)) {
                context.declareClass(new ClassDefinition("IFC:" + unknownClassName, "IFC:" + entity.name(),
                        "not in the connector's " + model.schema().version() + " schema table"));
            }
        }
        for (Entity e = entity; e != null && declared.add(e.name()); e = e.supertype()) {
            context.declareClass(new ClassDefinition("IFC:" + e.name(), e.supertype() == null ? null : "IFC:" + e.supertype().name(), null));
        }
    }

    /**
     * @return the schema-case name of an entity missing from this schema's table: taken from another
     *     schema's table when it has it, else {@code Ifc} followed by the keyword in lower case
     */
    private String className(String keyword) {
        for (IfcSchemaVersion version : IfcSchemaVersion.values()) {
            Entity entity = IfcSchema.of(version).entity(keyword).orElse(null);
            if (entity != null) {
                return entity.name();
            }
        }
        String rest = keyword.substring(3).toLowerCase(Locale.ROOT);
        return "Ifc" + (rest.isEmpty() ? "" : Character.toUpperCase(rest.charAt(0)) + rest.substring(1));
    }

    private static void putGroup(Map<String, Map<String, Object>> groups, String name, Map<String, Object> entries) {
        if (!entries.isEmpty()) {
            groups.computeIfAbsent(name, n -> new TreeMap<>()).putAll(entries);
        }
    }
}
