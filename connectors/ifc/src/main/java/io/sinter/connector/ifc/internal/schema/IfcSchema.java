package io.sinter.connector.ifc.internal.schema;

import io.sinter.connector.ifc.internal.step.IfcSchemaVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fact table of one IFC schema family: the entities the connector reads, with their supertypes and
 * explicit attributes by position. The tables are resources next to this class
 * ({@code IFC2X3.schema}, {@code IFC4.schema}, {@code IFC4X3.schema}), transcribed from the EXPRESS
 * schemas that buildingSMART publishes; each file names its source and explains its format.
 *
 * <p>Instances are immutable and shared; {@link #of} loads each table once per class loader.
 */
public final class IfcSchema {

    private static final Map<IfcSchemaVersion, IfcSchema> LOADED = new EnumMap<>(IfcSchemaVersion.class);

    private final IfcSchemaVersion version;
    /** Entities by upper-case keyword. */
    private final Map<String, Entity> byKeyword;

    private IfcSchema(IfcSchemaVersion version, Map<String, Entity> byKeyword) {
        this.version = version;
        this.byKeyword = byKeyword;
    }

    /** @return the table of {@code version}, loaded on first use */
    public static IfcSchema of(IfcSchemaVersion version) {
        synchronized (LOADED) {
            return LOADED.computeIfAbsent(version, IfcSchema::load);
        }
    }

    /** @return the schema family */
    public IfcSchemaVersion version() {
        return version;
    }

    /** @return the entity written {@code keyword} in files (any case), if the table has it */
    public Optional<Entity> entity(String keyword) {
        Entity entity = byKeyword.get(keyword); // files write keywords in upper case: no copy in the common case
        return Optional.ofNullable(entity != null ? entity : byKeyword.get(keyword.toUpperCase(Locale.ROOT)));
    }

    /** @return every entity of the table */
    public Collection<Entity> entities() {
        return byKeyword.values();
    }

    /** @return whether the entity written {@code keyword} is known and is {@code entityName} or a subtype of it */
    public boolean isA(String keyword, String entityName) {
        Entity entity = byKeyword.get(keyword);
        if (entity == null) {
            entity = byKeyword.get(keyword.toUpperCase(Locale.ROOT));
        }
        return entity != null && entity.isA(entityName);
    }

    private static IfcSchema load(IfcSchemaVersion version) {
        String resource = version.name() + ".schema";
        try (InputStream in = IfcSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema table " + resource);
            }
            return new IfcSchema(version, parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema table " + resource, e);
        }
    }

    /** One line of a table before supertypes are resolved. */
    private record Line(int number, String name, String supertype, List<Attribute> attributes) {
    }

    static Map<String, Entity> parse(String source, BufferedReader reader) throws IOException {
        Map<String, Line> lines = new LinkedHashMap<>();
        int number = 0;
        for (String text; (text = reader.readLine()) != null; ) {
            number++;
            String line = text.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String head = line;
            List<Attribute> attributes = new ArrayList<>();
            int equals = line.indexOf('=');
            if (equals >= 0) {
                head = line.substring(0, equals).strip();
                for (String token : line.substring(equals + 1).strip().split("\\s+")) {
                    attributes.add(attribute(source, number, token));
                }
            }
            String[] parts = head.split("\\s*<\\s*");
            if (parts.length > 2 || !parts[0].matches("Ifc\\w+") || (parts.length == 2 && !parts[1].matches("Ifc\\w+"))) {
                throw new IllegalStateException(source + " line " + number + ": cannot read '" + line + "'");
            }
            Line previous = lines.put(parts[0], new Line(number, parts[0], parts.length == 2 ? parts[1] : null, attributes));
            if (previous != null) {
                throw new IllegalStateException(source + " line " + number + ": " + parts[0] + " defined again");
            }
        }
        Map<String, Entity> resolved = new HashMap<>();
        Map<String, Entity> byKeyword = new HashMap<>();
        for (Line line : lines.values()) {
            Entity entity = resolve(source, line, lines, resolved, 0);
            byKeyword.put(entity.keyword(), entity);
        }
        return Map.copyOf(byKeyword);
    }

    private static Entity resolve(String source, Line line, Map<String, Line> lines, Map<String, Entity> resolved, int depth) {
        Entity done = resolved.get(line.name());
        if (done != null) {
            return done;
        }
        if (depth > lines.size()) {
            throw new IllegalStateException(source + ": supertype cycle at " + line.name());
        }
        Entity supertype = null;
        if (line.supertype() != null) {
            Line parent = lines.get(line.supertype());
            if (parent == null) {
                throw new IllegalStateException(source + " line " + line.number() + ": unknown supertype " + line.supertype());
            }
            supertype = resolve(source, parent, lines, resolved, depth + 1);
        }
        Entity entity = new Entity(line.name(), supertype, line.attributes());
        resolved.put(line.name(), entity);
        return entity;
    }

    private static Attribute attribute(String source, int number, String token) {
        int slash = token.indexOf('/');
        if (slash < 0) {
            return new Attribute(token, Measure.NONE);
        }
        String name = token.substring(0, slash);
        Measure measure = switch (token.substring(slash + 1)) {
            case "len" -> Measure.LENGTH;
            case "area" -> Measure.AREA;
            default -> throw new IllegalStateException(source + " line " + number + ": unknown measure in " + token);
        };
        return new Attribute(name, measure);
    }

    @Override
    public String toString() {
        return "IfcSchema[" + version + ", " + byKeyword.size() + " entities]";
    }
}
