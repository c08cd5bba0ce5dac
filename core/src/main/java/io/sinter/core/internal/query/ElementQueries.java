package io.sinter.core.internal.query;

import io.sinter.core.api.ElementService;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.change.ChangedPaths;
import io.sinter.core.internal.change.GeometryCodec;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.run.ChangesetEntity;
import io.sinter.core.internal.run.ElementVersionEntity;
import io.sinter.core.internal.store.IModelEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The content queries of api.md sections 7.5 to 7.7, read from the element versions: the state as of
 * changeset N is the versions with {@code fromIndex <= N} that have no end ({@code VersionEndEntity}) at or before N. Large scans (the changes of a
 * changeset, the schema) read in keyset chunks so memory stays bounded.
 */
@Component(service = ElementService.class)
public final class ElementQueries implements ElementService {
    static final int CHUNK = 500;
    private static final String COLUMNS = "v.elementId, v.documentId, v.modelId, v.kind, v.identifier, v.classFullName, v.category, "
            + "v.federationGuid, v.checksum, v.fromIndex, v.body, v.bodyLob";
    /** JPQL condition on version {@code v}: it is part of the state as of changeset {@code :n}. */
    private static final String AT = "v.fromIndex <= :n AND NOT EXISTS (SELECT e.id FROM VersionEndEntity e WHERE e.id = v.id AND e.toIndex <= :n)";
    private final Database database;

    @Activate
    public ElementQueries(@Reference Database database) {
        this.database = database;
    }

    // ---- elements (section 7.5)

    @Override
    public Page<ElementInfo> list(String iModelId, ElementFilter filter, int skip, int top) {
        return database.inTransaction(em -> {
            int index = index(em, iModelId, filter.changesetIndex());
            StringBuilder jpql = new StringBuilder("SELECT " + COLUMNS + " FROM ElementVersionEntity v WHERE v.iModelKey = :m "
                    + "AND " + AT);
            Map<String, Object> parameters = new HashMap<>();
            if (filter.className() != null) {
                jpql.append(" AND v.classFullName = :c");
                parameters.put("c", filter.className());
            }
            if (filter.category() != null) {
                jpql.append(" AND v.category = :cat");
                parameters.put("cat", filter.category());
            }
            if (filter.sourceFileId() != null) {
                jpql.append(" AND v.documentId = :d");
                parameters.put("d", filter.sourceFileId());
            }
            if (filter.modelId() != null) {
                Long model = parseId(filter.modelId());
                if (model == null) {
                    return new Page<ElementInfo>(List.of(), skip, top, false);
                }
                jpql.append(" AND v.modelId = :model");
                parameters.put("model", model);
            }
            jpql.append(" ORDER BY v.elementId");
            TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setParameter("m", elementKey(em, iModelId)).setParameter("n", index);
            parameters.forEach(query::setParameter);
            List<Row> rows = query.setFirstResult(skip).setMaxResults(top + 1).getResultStream().map(Row::of).toList();
            Resolver resolver = new Resolver(em);
            resolver.prefetch(rows, index);
            List<ElementInfo> elements = new ArrayList<>(rows.size());
            for (Row row : rows) {
                elements.add(resolver.element(row, index));
            }
            return Page.of(elements, skip, top);
        });
    }

    @Override
    public ElementInfo get(String iModelId, String elementId, Integer changesetIndex) {
        return database.inTransaction(em -> {
            int index = index(em, iModelId, changesetIndex);
            Row row = rowAt(em, iModelId, elementId, index);
            return new Resolver(em).element(row, index);
        });
    }

    @Override
    public Page<HistoryEntry> history(String iModelId, String elementId, int skip, int top) {
        return database.inTransaction(em -> {
            requireIModel(em, iModelId);
            Long id = parseId(elementId);
            long key = elementKey(em, iModelId);
            Map<Integer, Integer> ends = new HashMap<>();
            if (id != null) {
                em.createQuery("SELECT v.fromIndex, e.toIndex FROM VersionEndEntity e, ElementVersionEntity v WHERE e.iModelKey = :m "
                        + "AND e.elementId = :e AND v.id = e.id", Object[].class).setParameter("m", key).setParameter("e", id)
                        .getResultStream().forEach(r -> ends.put((Integer) r[0], (Integer) r[1]));
            }
            List<Row> rows = id == null ? List.of() : em.createQuery("SELECT " + COLUMNS + " FROM ElementVersionEntity v "
                    + "WHERE v.iModelKey = :m AND v.elementId = :e ORDER BY v.fromIndex", Object[].class)
                    .setParameter("m", key).setParameter("e", id).getResultStream().map(Row::of)
                    .map(r -> r.endingAt(ends.getOrDefault(r.fromIndex(), ElementVersionEntity.OPEN))).toList();
            if (rows.isEmpty()) {
                throw elementNotFound(elementId);
            }
            Resolver resolver = new Resolver(em);
            record Step(int index, String operation, List<String> changed) {
            }
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Row previous = i == 0 ? null : rows.get(i - 1);
                if (previous != null && previous.toIndex() == row.fromIndex()) {
                    Map<String, Object> before = resolver.element(previous, previous.toIndex() - 1).toJson();
                    Map<String, Object> after = resolver.element(row, row.fromIndex()).toJson();
                    steps.add(new Step(row.fromIndex(), "updated", ChangedPaths.between(before, after)));
                } else {
                    steps.add(new Step(row.fromIndex(), "inserted", List.of()));
                }
                Row next = i + 1 < rows.size() ? rows.get(i + 1) : null;
                if (row.toIndex() != ElementVersionEntity.OPEN && (next == null || next.fromIndex() != row.toIndex())) {
                    steps.add(new Step(row.toIndex(), "deleted", List.of()));
                }
            }
            List<Step> page = steps.subList(Math.min(skip, steps.size()), (int) Math.min(steps.size(), (long) skip + top + 1));
            Map<Integer, Object[]> changesets = new HashMap<>();
            List<Integer> indexes = page.stream().map(Step::index).distinct().toList();
            if (!indexes.isEmpty()) {
                em.createQuery("SELECT c.index, c.id, c.pushAt FROM ChangesetEntity c WHERE c.iModelId = :m AND c.index IN :i", Object[].class)
                        .setParameter("m", iModelId).setParameter("i", indexes).getResultStream()
                        .forEach(r -> changesets.put((Integer) r[0], r));
            }
            List<HistoryEntry> entries = new ArrayList<>(page.size());
            for (Step s : page) {
                Object[] c = changesets.get(s.index());
                entries.add(new HistoryEntry(s.index(), c == null ? null : (String) c[1], c == null ? null : Instant.ofEpochMilli((Long) c[2]),
                        s.operation(), s.changed()));
            }
            return Page.of(entries, skip, top);
        });
    }

    @Override
    public byte[] geometry(String iModelId, String elementId, Integer changesetIndex) {
        return database.inTransaction(em -> {
            int index = index(em, iModelId, changesetIndex);
            Row row = rowAt(em, iModelId, elementId, index);
            List<byte[]> stored = em.createQuery("SELECT v.geometry FROM ElementVersionEntity v WHERE v.iModelKey = :m "
                    + "AND v.elementId = :e AND v.fromIndex = :f", byte[].class).setParameter("m", elementKey(em, iModelId)).setParameter("e", row.elementId())
                    .setParameter("f", row.fromIndex()).getResultList();
            byte[] bytes = stored.isEmpty() ? null : stored.get(0);
            byte[] glb = bytes == null ? null : Glb.write(ElementInfoMapper.hex(row.elementId()), GeometryCodec.decode(bytes),
                    ElementInfoMapper.origin(row.body()), ElementInfoMapper.rotation(row.body()));
            if (glb == null) {
                throw ServiceException.notFound("GeometryNotFound", "Element '" + elementId + "' has no geometry at changeset " + index + ".");
            }
            return glb;
        });
    }

    // ---- changes (section 7.6)

    @Override
    public ChangesPage changes(String iModelId, String idOrIndex, String operation, String className, boolean full, int skip, int top) {
        return database.inTransaction(em -> {
            requireIModel(em, iModelId);
            ChangesetEntity changeset = changeset(em, iModelId, idOrIndex);
            int n = changeset.getIndex();
            // versions opened by the changeset through index SINTER_ELEMENT_FROM, closed by it through SINTER_ELEMENT_END_AT
            Cursor opened = new Cursor(em, iModelId, false, n, className);
            Cursor closed = new Cursor(em, iModelId, true, n, className);
            List<long[]> page = new ArrayList<>(); // element id, operation (0 deleted, 1 inserted, 2 updated)
            int seen = 0;
            while (page.size() <= top) {
                Object[] a = opened.peek();
                Object[] b = closed.peek();
                if (a == null && b == null) {
                    break;
                }
                long id;
                int op;
                if (b == null || a != null && (Long) a[0] < (Long) b[0]) {
                    id = (Long) a[0];
                    op = 1;
                    opened.next();
                } else if (a == null || (Long) b[0] < (Long) a[0]) {
                    id = (Long) b[0];
                    op = 0;
                    closed.next();
                } else {
                    id = (Long) a[0];
                    op = 2;
                    opened.next();
                    closed.next();
                }
                if (operation != null && !OPERATIONS.get(op).equals(operation)) {
                    continue;
                }
                if (seen++ >= skip) {
                    page.add(new long[] {id, op});
                }
            }
            List<Long> ids = page.stream().map(p -> p[0]).toList();
            Map<Long, Row> after = rows(em, iModelId, false, n, ids);
            Map<Long, Row> before = rows(em, iModelId, true, n, ids);
            Resolver resolver = new Resolver(em);
            if (full || page.stream().anyMatch(p -> p[1] == 2)) {
                resolver.prefetch(new ArrayList<>(before.values()), n - 1);
                resolver.prefetch(new ArrayList<>(after.values()), n);
            }
            List<ChangeInfo> changes = new ArrayList<>(page.size());
            for (long[] p : page) {
                Row old = before.get(p[0]);
                Row now = after.get(p[0]);
                ElementInfo beforeElement = old != null && (full || p[1] == 2) ? resolver.element(old, n - 1) : null;
                ElementInfo afterElement = now != null && (full || p[1] == 2) ? resolver.element(now, n) : null;
                List<String> changed = p[1] == 2 ? ChangedPaths.between(beforeElement.toJson(), afterElement.toJson()) : List.of();
                Row any = now != null ? now : old;
                changes.add(new ChangeInfo(ElementInfoMapper.hex(p[0]), OPERATIONS.get((int) p[1]), any.classFullName(),
                        ElementInfoMapper.hex(any.modelId()), any.identifier(), changed, full ? beforeElement : null, full ? afterElement : null));
            }
            return new ChangesPage(n, Page.of(changes, skip, top), changeset.getInserted(), changeset.getUpdated(), changeset.getDeleted());
        });
    }

    /** Reads ({@code elementId, classFullName}) of the versions opened or closed by changeset N in element id order, a chunk at a time. */
    private static final class Cursor {
        private final TypedQuery<Object[]> query;
        private final Deque<Object[]> buffer = new ArrayDeque<>();
        private long last = Long.MIN_VALUE;
        private boolean exhausted;

        /** @param closed the versions closed by N (else those N opened) */
        Cursor(EntityManager em, String iModelId, boolean closed, int n, String className) {
            this.query = em.createQuery((closed ? "SELECT e.elementId, v.classFullName FROM VersionEndEntity e, ElementVersionEntity v "
                    + "WHERE e.iModelKey = :m AND e.toIndex = :n AND e.elementId > :last AND v.id = e.id"
                    : "SELECT v.elementId, v.classFullName FROM ElementVersionEntity v WHERE v.iModelKey = :m AND v.fromIndex = :n "
                    + "AND v.elementId > :last") + (className == null ? "" : " AND v.classFullName = :c")
                    + (closed ? " ORDER BY e.elementId" : " ORDER BY v.elementId"), Object[].class).setParameter("m", elementKey(em, iModelId))
                    .setParameter("n", n).setMaxResults(CHUNK);
            if (className != null) {
                query.setParameter("c", className);
            }
        }

        Object[] peek() {
            if (buffer.isEmpty() && !exhausted) {
                List<Object[]> chunk = query.setParameter("last", last).getResultList();
                buffer.addAll(chunk);
                exhausted = chunk.size() < CHUNK;
                if (!chunk.isEmpty()) {
                    last = (Long) chunk.get(chunk.size() - 1)[0];
                }
            }
            return buffer.peekFirst();
        }

        void next() {
            buffer.pollFirst();
        }
    }

    /** @return element id to the version of {@code ids} that changeset N closed (or opened) */
    private static Map<Long, Row> rows(EntityManager em, String iModelId, boolean closed, int n, List<Long> ids) {
        Map<Long, Row> rows = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            em.createQuery("SELECT " + COLUMNS + (closed ? " FROM VersionEndEntity e, ElementVersionEntity v WHERE e.iModelKey = :m "
                    + "AND e.toIndex = :n AND e.elementId IN :ids AND v.id = e.id"
                    : " FROM ElementVersionEntity v WHERE v.iModelKey = :m AND v.fromIndex = :n AND v.elementId IN :ids"), Object[].class)
                    .setParameter("m", elementKey(em, iModelId)).setParameter("n", n)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).getResultStream()
                    .map(Row::of).forEach(r -> rows.put(r.elementId(), r));
        }
        return rows;
    }

    // ---- schema (section 7.7)

    @Override
    public SchemaInfo schema(String iModelId, Integer changesetIndex) {
        return database.inTransaction(em -> {
            int index = index(em, iModelId, changesetIndex);
            SchemaCollector collector = new SchemaCollector();
            long last = Long.MIN_VALUE;
            while (true) {
                List<Object[]> chunk = em.createQuery("SELECT v.id, v.classFullName, v.body, v.bodyLob FROM ElementVersionEntity v "
                        + "WHERE v.iModelKey = :m AND v.fromIndex <= :n AND v.id > :last ORDER BY v.id", Object[].class)
                        .setParameter("m", elementKey(em, iModelId)).setParameter("n", index).setParameter("last", last).setMaxResults(CHUNK).getResultList();
                for (Object[] r : chunk) {
                    collector.add((String) r[1], ElementInfoMapper.properties(ElementVersionEntity.body(r[2], r[3])));
                }
                if (chunk.size() < CHUNK) {
                    break;
                }
                last = (Long) chunk.get(chunk.size() - 1)[0];
            }
            Map<String, Long> classCounts = counts(em, iModelId, index, "v.classFullName");
            Map<String, Long> categoryCounts = counts(em, iModelId, index, "v.category");
            List<SchemaCategory> categories = new ArrayList<>();
            categoryCounts.forEach((name, count) -> categories.add(new SchemaCategory(name, count)));
            return new SchemaInfo(index, collector.classes(classCounts), categories);
        });
    }

    private static Map<String, Long> counts(EntityManager em, String iModelId, int index, String column) {
        Map<String, Long> counts = new TreeMap<>();
        em.createQuery("SELECT " + column + ", COUNT(v) FROM ElementVersionEntity v WHERE v.iModelKey = :m AND " + AT
                + " GROUP BY " + column, Object[].class).setParameter("m", elementKey(em, iModelId)).setParameter("n", index)
                .getResultStream().filter(r -> r[0] != null).forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    // ---- shared

    /**
     * @return the number that stands for the iModel in its element versions (column IMODEL_KEY, given with its first
     *         changeset), or -1 when it has none yet
     */
    private static long elementKey(EntityManager em, String iModelId) {
        IModelEntity model = iModelId == null ? null : em.find(IModelEntity.class, iModelId);
        return model == null || model.getElementKey() == null ? -1L : model.getElementKey();
    }

    private static IModelEntity requireIModel(EntityManager em, String iModelId) {
        IModelEntity model = iModelId == null ? null : em.find(IModelEntity.class, iModelId);
        if (model == null) {
            throw ServiceException.notFound("iModelNotFound", "iModel '" + iModelId + "' does not exist.");
        }
        return model;
    }

    /** @return the changeset index asked for: null = latest; above the latest is {@code ChangesetNotFound} */
    private static int index(EntityManager em, String iModelId, Integer changesetIndex) {
        IModelEntity model = requireIModel(em, iModelId);
        int latest = model.getChangesetCount();
        if (changesetIndex == null) {
            return latest;
        }
        if (changesetIndex < 0) {
            throw ServiceException.invalid(io.sinter.core.api.IModelService.INVALID, "InvalidValue",
                    "'changesetIndex' must be an integer of 0 or more.", "changesetIndex");
        }
        if (changesetIndex > latest) {
            throw ServiceException.notFound("ChangesetNotFound", "Changeset " + changesetIndex + " does not exist in this iModel (latest: "
                    + latest + ").");
        }
        return changesetIndex;
    }

    private static ChangesetEntity changeset(EntityManager em, String iModelId, String idOrIndex) {
        ChangesetEntity found;
        if (idOrIndex != null && idOrIndex.matches("\\d{1,9}")) {
            found = em.createQuery("SELECT c FROM ChangesetEntity c WHERE c.iModelId = :m AND c.index = :i", ChangesetEntity.class)
                    .setParameter("m", iModelId).setParameter("i", Integer.parseInt(idOrIndex)).getResultStream().findFirst().orElse(null);
        } else {
            found = idOrIndex == null ? null : em.find(ChangesetEntity.class, iModelId + "/" + idOrIndex);
        }
        if (found == null) {
            throw ServiceException.notFound("ChangesetNotFound", "Changeset '" + idOrIndex + "' does not exist in this iModel.");
        }
        return found;
    }

    private static Row rowAt(EntityManager em, String iModelId, String elementId, int index) {
        Long id = parseId(elementId);
        List<Row> rows = id == null ? List.of() : em.createQuery("SELECT " + COLUMNS + " FROM ElementVersionEntity v WHERE v.iModelKey = :m "
                + "AND v.elementId = :e AND " + AT, Object[].class)
                .setParameter("m", elementKey(em, iModelId)).setParameter("e", id).setParameter("n", index).getResultStream().map(Row::of).toList();
        if (rows.isEmpty()) {
            throw elementNotFound(elementId);
        }
        return rows.get(0);
    }

    private static ServiceException elementNotFound(String elementId) {
        return ServiceException.notFound("ElementNotFound", "Element '" + elementId + "' does not exist at this changeset.");
    }

    /** @return the numeric value of a {@code 0x…} lower-case hex id, or null when {@code id} is not one */
    static Long parseId(String id) {
        if (id == null || !id.matches("0x[0-9a-f]{1,15}")) {
            return null;
        }
        return Long.parseLong(id.substring(2), 16);
    }

    /** One element version as read (without geometry); {@code toIndex} is only known where a query says so. */
    record Row(long elementId, String documentId, long modelId, String kind, String identifier, String classFullName, String category,
            String federationGuid, String checksum, int fromIndex, int toIndex, String body) {
        /** @param r the values of {@link #COLUMNS} */
        static Row of(Object[] r) {
            return new Row((Long) r[0], (String) r[1], (Long) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                    (String) r[7], io.sinter.core.internal.change.Hashes.hex((byte[]) r[8]), (Integer) r[9], ElementVersionEntity.OPEN,
                    ElementVersionEntity.body(r[10], r[11]));
        }

        Row endingAt(int toIndex) {
            return new Row(elementId, documentId, modelId, kind, identifier, classFullName, category, federationGuid, checksum, fromIndex,
                    toIndex, body);
        }
    }

    /** Resolves parent and relationship target identifiers to element ids within the document, as of a changeset. */
    private static final class Resolver implements ElementInfoMapper.Ids {
        private final EntityManager em;
        private final Map<String, Long> cache = new HashMap<>();

        Resolver(EntityManager em) {
            this.em = em;
        }

        ElementInfo element(Row row, int index) {
            return ElementInfoMapper.element(row, index, this);
        }

        /** Looks up the parent and relationship target identifiers of {@code rows} as of {@code index} in a few queries. */
        void prefetch(List<Row> rows, int index) {
            Map<String, TreeSet<String>> wanted = new HashMap<>();
            for (Row row : rows) {
                for (String identifier : ElementInfoMapper.referencedIdentifiers(row.body())) {
                    if (!cache.containsKey(key(row.documentId(), index, identifier))) {
                        wanted.computeIfAbsent(row.documentId(), d -> new TreeSet<>()).add(identifier);
                    }
                }
            }
            wanted.forEach((documentId, identifiers) -> {
                List<String> list = new ArrayList<>(identifiers);
                for (String identifier : list) {
                    cache.put(key(documentId, index, identifier), -1L);
                }
                for (int from = 0; from < list.size(); from += CHUNK) {
                    em.createQuery("SELECT v.identifier, v.elementId FROM ElementVersionEntity v WHERE v.documentId = :d "
                            + "AND v.identifier IN :ids AND " + AT, Object[].class)
                            .setParameter("d", documentId).setParameter("ids", list.subList(from, Math.min(list.size(), from + CHUNK)))
                            .setParameter("n", index).getResultStream()
                            .forEach(r -> cache.merge(key(documentId, index, (String) r[0]), (Long) r[1],
                                    (a, b) -> a < 0 ? b : Math.min(a, b)));
                }
            });
        }

        private static String key(String documentId, int index, String identifier) {
            return documentId + '\n' + index + '\n' + identifier;
        }

        @Override
        public String idOf(String documentId, String identifier, int index) {
            Long id = cache.computeIfAbsent(key(documentId, index, identifier), k -> em.createQuery("SELECT v.elementId FROM ElementVersionEntity v WHERE v.documentId = :d "
                    + "AND v.identifier = :i AND " + AT + " ORDER BY v.elementId", Long.class)
                    .setParameter("d", documentId).setParameter("i", identifier).setParameter("n", index).setMaxResults(1)
                    .getResultStream().findFirst().orElse(-1L));
            return id < 0 ? null : ElementInfoMapper.hex(id);
        }
    }

    /** Collects the classes and property paths seen, with the JSON types at each path. */
    static final class SchemaCollector {
        private static final List<String> TYPE_ORDER = List.of("string", "number", "integer", "boolean", "array", "object");
        private final Map<String, Map<String, TreeSet<String>>> classes = new TreeMap<>();

        void add(String classFullName, Map<String, Object> properties) {
            Map<String, TreeSet<String>> paths = classes.computeIfAbsent(classFullName, k -> new TreeMap<>());
            walk("/properties", properties, paths);
        }

        private static void walk(String pointer, Map<?, ?> object, Map<String, TreeSet<String>> paths) {
            for (Map.Entry<?, ?> e : object.entrySet()) {
                String child = pointer + "/" + escape((String) e.getKey());
                Object value = e.getValue();
                if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                    walk(child, map, paths);
                } else {
                    TreeSet<String> types = paths.computeIfAbsent(child, k -> new TreeSet<>(
                            (a, b) -> Integer.compare(TYPE_ORDER.indexOf(a), TYPE_ORDER.indexOf(b))));
                    String type = type(value);
                    if (type != null) {
                        types.add(type);
                    }
                }
            }
        }

        static String type(Object value) {
            if (value instanceof String) {
                return "string";
            }
            if (value instanceof Boolean) {
                return "boolean";
            }
            if (value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger) {
                return "integer";
            }
            if (value instanceof Number) {
                return "number";
            }
            if (value instanceof List<?>) {
                return "array";
            }
            if (value instanceof Map<?, ?>) {
                return "object";
            }
            return null;
        }

        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }

        List<SchemaClass> classes(Map<String, Long> counts) {
            List<SchemaClass> list = new ArrayList<>(classes.size());
            classes.forEach((name, paths) -> {
                List<PropertyPath> properties = new ArrayList<>(paths.size());
                paths.forEach((path, types) -> properties.add(new PropertyPath(path, List.copyOf(types))));
                list.add(new SchemaClass(name, counts.getOrDefault(name, 0L), properties));
            });
            return list;
        }
    }
}
