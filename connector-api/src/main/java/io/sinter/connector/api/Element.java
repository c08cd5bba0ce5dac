package io.sinter.connector.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One element as a connector reads it from a source file. Identity within the file is
 * ({@link #kind()}, {@link #identifier()}); everything else is content that change detection
 * compares (api.md section 6.2). Build one with {@link #builder(String, String, String)}.
 *
 * <p>Property values are JSON-like: {@code String}, {@code Boolean}, {@code Long}/{@code Integer},
 * {@code Double}, {@code BigDecimal}, a {@code List} of those, or a nested {@code Map<String, ?>}.
 */
public final class Element {
    private final String kind;
    private final String identifier;
    private final String classFullName;
    private final String category;
    private final String parentIdentifier;
    private final String codeValue;
    private final String userLabel;
    private final String federationGuid;
    private final String version;
    private final Placement placement;
    private final Geometry geometry;
    private final Map<String, Object> properties;
    private final List<Relationship> relationships;

    private Element(Builder b) {
        this.kind = b.kind;
        this.identifier = b.identifier;
        this.classFullName = b.classFullName;
        this.category = b.category == null ? b.classFullName.substring(b.classFullName.indexOf(':') + 1) : b.category;
        this.parentIdentifier = b.parentIdentifier;
        this.codeValue = b.codeValue;
        this.userLabel = b.userLabel;
        this.federationGuid = b.federationGuid;
        this.version = b.version;
        this.placement = b.placement;
        this.geometry = b.geometry == null || b.geometry.isEmpty() ? null : b.geometry;
        this.properties = Collections.unmodifiableMap(b.properties);
        this.relationships = List.copyOf(b.relationships);
    }

    /**
     * Starts an element.
     *
     * @param kind the kind of identifier: {@code IfcRoot}, {@code Entity}, {@code Row}, ...
     * @param identifier unique per kind within the file
     * @param classFullName {@code <schema>:<class>}, e.g. {@code CSV:Row}
     */
    public static Builder builder(String kind, String identifier, String classFullName) {
        return new Builder(kind, identifier, classFullName);
    }

    /** @return the kind of identifier */
    public String kind() { return kind; }

    /** @return the identifier, unique per kind within the file */
    public String identifier() { return identifier; }

    /** @return {@code <schema>:<class>} */
    public String classFullName() { return classFullName; }

    /** @return the category (IFC class, DXF layer, CSV category column); defaults to the class name */
    public String category() { return category; }

    /** @return the identifier of the parent element in the same file, or null */
    public String parentIdentifier() { return parentIdentifier; }

    /** @return the code (IFC Tag, CSV key), or null */
    public String codeValue() { return codeValue; }

    /** @return the label people read (IFC Name), or null */
    public String userLabel() { return userLabel; }

    /** @return a GUID the source itself carries (an IFC GlobalId as UUID), or null for a random one */
    public String federationGuid() { return federationGuid; }

    /** @return a version the source states for the element (informational, never compared), or null */
    public String version() { return version; }

    /** @return where it sits in metres, or null for non-graphical elements */
    public Placement placement() { return placement; }

    /** @return its shape in element-local metres, or null */
    public Geometry geometry() { return geometry; }

    /** @return nested property sets, e.g. {@code {"Pset_WallCommon":{"IsExternal":true}}} */
    public Map<String, Object> properties() { return properties; }

    /** @return relationships to other elements of the same file */
    public List<Relationship> relationships() { return relationships; }

    /**
     * A copy of this element at another place: the same identity, class, properties and relationships with
     * {@code placement} and {@code geometry} instead of its own. Core uses it to move the elements of a file
     * into the iModel's spatial frame; connectors have no need for it.
     *
     * @param placement the new placement, or null
     * @param geometry the new geometry, or null
     * @return the copy
     * @since 1.1
     */
    public Element withPlacement(Placement placement, Geometry geometry) {
        Builder b = new Builder(kind, identifier, classFullName);
        b.category = category;
        b.parentIdentifier = parentIdentifier;
        b.codeValue = codeValue;
        b.userLabel = userLabel;
        b.federationGuid = federationGuid;
        b.version = version;
        b.placement = placement;
        b.geometry = geometry;
        b.properties.putAll(properties);
        b.relationships.addAll(relationships);
        return new Element(b);
    }

    @Override
    public String toString() {
        return "Element[" + kind + " " + identifier + ", " + classFullName + "]";
    }

    /** Collects an element's fields; {@link #build()} checks them. */
    public static final class Builder {
        private final String kind;
        private final String identifier;
        private final String classFullName;
        private String category;
        private String parentIdentifier;
        private String codeValue;
        private String userLabel;
        private String federationGuid;
        private String version;
        private Placement placement;
        private Geometry geometry;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<Relationship> relationships = new ArrayList<>();

        private Builder(String kind, String identifier, String classFullName) {
            this.kind = requireText(kind, "kind");
            this.identifier = requireText(identifier, "identifier");
            this.classFullName = requireText(classFullName, "classFullName");
            if (classFullName.indexOf(':') <= 0 || classFullName.endsWith(":")) {
                throw new IllegalArgumentException("classFullName must be <schema>:<class>: " + classFullName);
            }
        }

        /** Sets the category. */
        public Builder category(String category) { this.category = category; return this; }

        /** Sets the parent's identifier. */
        public Builder parent(String parentIdentifier) { this.parentIdentifier = parentIdentifier; return this; }

        /** Sets the code. */
        public Builder codeValue(String codeValue) { this.codeValue = codeValue; return this; }

        /** Sets the label. */
        public Builder userLabel(String userLabel) { this.userLabel = userLabel; return this; }

        /** Sets the federation GUID the source carries. */
        public Builder federationGuid(String federationGuid) { this.federationGuid = federationGuid; return this; }

        /** Sets the informational version. */
        public Builder version(String version) { this.version = version; return this; }

        /** Sets the placement. */
        public Builder placement(Placement placement) { this.placement = placement; return this; }

        /** Sets the geometry. */
        public Builder geometry(Geometry geometry) { this.geometry = geometry; return this; }

        /** Adds a relationship. */
        public Builder relationship(String type, String targetIdentifier) {
            relationships.add(new Relationship(type, targetIdentifier));
            return this;
        }

        /**
         * Sets {@code value} under property set {@code group}, e.g. {@code property("Columns", "Height", 3.0)}.
         * A null value is left out.
         */
        public Builder property(String group, String name, Object value) {
            requireText(group, "group");
            requireText(name, "name");
            if (value == null) {
                return this;
            }
            Object checked = checkValue(value, group + "/" + name);
            @SuppressWarnings("unchecked")
            Map<String, Object> set = (Map<String, Object>) properties.computeIfAbsent(group, g -> new LinkedHashMap<String, Object>());
            set.put(name, checked);
            return this;
        }

        /** @return the element */
        public Element build() {
            return new Element(this);
        }

        private static Object checkValue(Object value, String path) {
            if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof BigDecimal) {
                return value;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big) {
                return new BigDecimal(big);
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("property " + path + " is not a finite number: " + d);
                }
                return d;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    copy.add(item == null ? null : checkValue(item, path + "/" + i));
                }
                return Collections.unmodifiableList(copy);
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("property " + path + " has a key that is no string: " + e.getKey());
                    }
                    if (e.getValue() != null) {
                        copy.put(key, checkValue(e.getValue(), path + "/" + key));
                    }
                }
                return Collections.unmodifiableMap(copy);
            }
            throw new IllegalArgumentException("property " + path + " has a value of type " + value.getClass().getName()
                    + "; use String, Boolean, Long, Double, BigDecimal, List or Map");
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " is blank");
            }
            return value;
        }
    }
}
