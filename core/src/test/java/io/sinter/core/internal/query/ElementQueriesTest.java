package io.sinter.core.internal.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Geometry;
import io.sinter.core.api.ElementService.ChangeInfo;
import io.sinter.core.api.ElementService.ChangesPage;
import io.sinter.core.api.ElementService.ElementFilter;
import io.sinter.core.api.ElementService.ElementInfo;
import io.sinter.core.api.ElementService.HistoryEntry;
import io.sinter.core.api.ElementService.SchemaClass;
import io.sinter.core.api.ElementService.SchemaInfo;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.change.CanonicalJson;
import io.sinter.core.internal.change.GeometryCodec;
import io.sinter.core.internal.persistence.InMemoryDatabase;
import io.sinter.core.internal.run.ChangesetEntity;
import io.sinter.core.internal.run.ElementVersionEntity;
import io.sinter.core.internal.run.VersionEndEntity;
import io.sinter.core.internal.store.IModelEntity;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queries on version rows laid out as the bridge writes them: changeset 1 inserts P1, P2 and W1 (child of
 * P1); changeset 2 updates P1 (height), deletes P2, inserts P3; changeset 3 changes P3's class (delete + insert).
 */
class ElementQueriesTest {
    private static final String M = "11111111-1111-4111-8111-111111111111";
    private static final long KEY = 7;
    private static final String DOC = "22222222-2222-4222-8222-222222222222";
    private InMemoryDatabase database;
    private ElementQueries queries;

    @BeforeEach
    void setUp() {
        database = new InMemoryDatabase();
        queries = new ElementQueries(database);
        database.run(em -> {
            IModelEntity model = new IModelEntity(M, "33333333-3333-4333-8333-333333333333", 0);
            model.setName("m", "m");
            model.setChangesetCount(3);
            model.setElementKey(KEY);
            em.persist(model);
            for (int i = 1; i <= 3; i++) {
                em.persist(new ChangesetEntity("cs" + i, M, i, i == 1 ? "" : "cs" + (i - 1), "d", "owner", 1000L * i, 0, 0, "task" + i,
                        "parts.csv", i == 1 ? 3 : 1, i == 2 ? 1 : 0, i == 1 ? 0 : 1).withDocumentId(i == 3 ? null : DOC));
            }
            Geometry square = new Geometry(List.of(new Geometry.Mesh(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0}, new int[] {0, 1, 2})), null);
            ElementVersionEntity p1 = version(em, 0x20, "P1", "CSV:parts", 1, Map.of("height", 1.5, "name", "Pump"), null);
            p1.withGeometry(GeometryCodec.encode(square));
            end(em, version(em, 0x21, "P2", "CSV:parts", 1, Map.of("height", 4L), null), 2);
            version(em, 0x22, "W1", "CSV:parts", 1, Map.of("name", "Wheel"), "P1");
            end(em, p1, 2);
            version(em, 0x20, "P1", "CSV:parts", 2, Map.of("height", 1.75, "name", "Pump"), null);
            end(em, version(em, 0x23, "P3", "CSV:parts", 2, Map.of("flag", true), null), 3);
            version(em, 0x24, "P3", "CSV:other", 3, Map.of("flag", "yes"), null);
        });
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private static void end(EntityManager em, ElementVersionEntity version, int index) {
        em.persist(new VersionEndEntity(version.getId(), KEY, version.getElementId(), index));
    }

    private static ElementVersionEntity version(EntityManager em, long id, String identifier, String className, int from,
            Map<String, Object> columns, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("classFullName", className);
        body.put("category", "CSV");
        body.put("parent", parent);
        body.put("codeValue", identifier);
        body.put("userLabel", null);
        body.put("placement", id == 0x20 ? Map.of("origin", List.of(1, 2, 3), "rotation", List.of(List.of(1, 0, 0), List.of(0, 1, 0),
                List.of(0, 0, 1)), "bbox", Map.of("low", List.of(1, 2, 3), "high", List.of(2, 3, 3))) : null);
        body.put("properties", Map.of("Columns", columns));
        body.put("relationships", parent == null ? List.of() : List.of(Map.of("type", "ChildOf", "target", parent)));
        body.put("geometry", null);
        body.put("version", null);
        ElementVersionEntity v = new ElementVersionEntity(KEY, id, DOC, 0x10, "Row", identifier, className, "CSV",
                "guid-" + identifier, sum("sum-" + identifier + from), sum("content"), from, CanonicalJson.write(body));
        em.persist(v);
        return v;
    }

    private List<String> ids(Page<ElementInfo> page) {
        return page.items().stream().map(ElementInfo::id).toList();
    }

    private static String code(Runnable call) {
        return assertThrows(ServiceException.class, call::run).code();
    }

    /** @return the hex SHA-256 of {@code text}: the form checksums have */
    private static String sum(String text) {
        return io.sinter.core.internal.change.Hashes.sha256Hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void listsElementsAsOfAChangeset() {
        ElementFilter all = new ElementFilter(null, null, null, null, null);
        assertEquals(List.of("0x20", "0x22", "0x24"), ids(queries.list(M, all, 0, 100)));
        assertEquals(List.of("0x20", "0x21", "0x22"), ids(queries.list(M, new ElementFilter(1, null, null, null, null), 0, 100)));
        assertEquals(List.of("0x20", "0x22", "0x23"), ids(queries.list(M, new ElementFilter(2, null, null, null, null), 0, 100)));
        assertEquals(List.of(), ids(queries.list(M, new ElementFilter(0, null, null, null, null), 0, 100)));
        assertEquals(List.of("0x24"), ids(queries.list(M, new ElementFilter(null, "CSV:other", null, null, null), 0, 100)));
        assertEquals(List.of(), ids(queries.list(M, new ElementFilter(null, null, null, "other-doc", null), 0, 100)));
        assertEquals(3, queries.list(M, new ElementFilter(null, null, "CSV", DOC, "0x10"), 0, 100).items().size());
        ElementInfo w1 = queries.list(M, new ElementFilter(1, null, null, null, null), 0, 100).items().get(2);
        assertEquals("0x20", w1.parentId(), "parents are resolved in lists too");
        assertEquals("0x20", w1.relationships().get(0).targetId());
        Page<ElementInfo> page = queries.list(M, new ElementFilter(1, null, null, null, null), 1, 1);
        assertEquals(List.of("0x21"), ids(page));
        assertTrue(page.more());
        assertEquals("ChangesetNotFound", code(() -> queries.list(M, new ElementFilter(4, null, null, null, null), 0, 10)));
        assertEquals("iModelNotFound", code(() -> queries.list("nope", new ElementFilter(null, null, null, null, null), 0, 10)));
    }

    @Test
    void getsAnElementWithItsParentResolved() {
        ElementInfo w1 = queries.get(M, "0x22", 1);
        assertEquals("0x20", w1.parentId());
        assertEquals("0x20", w1.relationships().get(0).targetId());
        assertEquals("ChildOf", w1.relationships().get(0).type());
        assertEquals("0x10", w1.modelId());
        assertEquals("W1", w1.codeValue());
        assertEquals(DOC, w1.provenance().sourceFileId());
        assertEquals("Row", w1.provenance().kind());
        assertEquals(sum("sum-W11"), w1.provenance().checksum());
        ElementInfo p1 = queries.get(M, "0x20", 1);
        assertEquals(1.5, ((Map<?, ?>) p1.properties().get("Columns")).get("height"));
        assertEquals(List.of("origin", "rotation", "bbox"), List.copyOf(p1.placement().keySet()));
        assertEquals(1.75, ((Map<?, ?>) queries.get(M, "0x20", null).properties().get("Columns")).get("height"));
        assertEquals("ElementNotFound", code(() -> queries.get(M, "0x21", 2)));
        assertEquals("ElementNotFound", code(() -> queries.get(M, "0x21", 0)));
        assertEquals("ElementNotFound", code(() -> queries.get(M, "33", null)));
        assertEquals("ChangesetNotFound", code(() -> queries.get(M, "0x20", 9)));
    }

    @Test
    void historyListsInsertUpdateAndDelete() {
        List<HistoryEntry> p1 = queries.history(M, "0x20", 0, 100).items();
        assertEquals(2, p1.size());
        assertEquals("inserted", p1.get(0).operation());
        assertEquals(1, p1.get(0).changesetIndex());
        assertEquals("cs1", p1.get(0).changesetId());
        assertEquals(List.of(), p1.get(0).changedProperties());
        assertEquals("updated", p1.get(1).operation());
        assertEquals(2, p1.get(1).changesetIndex());
        assertEquals(2000L, p1.get(1).pushDateTime().toEpochMilli());
        assertEquals(List.of("/properties/Columns/height"), p1.get(1).changedProperties());
        List<HistoryEntry> p2 = queries.history(M, "0x21", 0, 100).items();
        assertEquals(List.of("inserted", "deleted"), p2.stream().map(HistoryEntry::operation).toList());
        assertEquals(2, p2.get(1).changesetIndex());
        assertEquals("ElementNotFound", code(() -> queries.history(M, "0x99", 0, 100)));
    }

    @Test
    void changesOfAChangesetAreClassifiedAndPaged() {
        ChangesPage two = queries.changes(M, "2", null, null, true, 0, 100);
        assertEquals(List.of("0x20 updated", "0x21 deleted", "0x23 inserted"),
                two.page().items().stream().map(c -> c.elementId() + " " + c.operation()).toList());
        assertEquals(1, two.inserted());
        assertEquals(1, two.deleted());
        ChangeInfo updated = two.page().items().get(0);
        assertEquals(List.of("/properties/Columns/height"), updated.changedProperties());
        assertEquals(1.5, ((Map<?, ?>) updated.before().properties().get("Columns")).get("height"));
        assertEquals(1.75, ((Map<?, ?>) updated.after().properties().get("Columns")).get("height"));
        assertEquals("P1", updated.identifier());
        ChangeInfo deleted = two.page().items().get(1);
        assertNull(deleted.after());
        assertEquals("0x21", deleted.before().id());
        assertNull(two.page().items().get(2).before());

        ChangesPage minimal = queries.changes(M, "cs2", null, null, false, 0, 100);
        assertNull(minimal.page().items().get(0).before());
        assertEquals(List.of("/properties/Columns/height"), minimal.page().items().get(0).changedProperties());
        assertEquals(List.of("0x21"), queries.changes(M, "2", "deleted", null, false, 0, 100).page().items().stream()
                .map(ChangeInfo::elementId).toList());
        Page<ChangeInfo> second = queries.changes(M, "2", null, null, false, 1, 1).page();
        assertEquals("0x21", second.items().get(0).elementId());
        assertTrue(second.more());
        assertFalse(queries.changes(M, "2", null, null, false, 2, 1).page().more());

        ChangesPage three = queries.changes(M, "3", null, null, false, 0, 100);
        assertEquals(List.of("0x23 deleted", "0x24 inserted"),
                three.page().items().stream().map(c -> c.elementId() + " " + c.operation()).toList());
        assertEquals(List.of("0x24"), queries.changes(M, "3", null, "CSV:other", false, 0, 100).page().items().stream()
                .map(ChangeInfo::elementId).toList());
        assertEquals("ChangesetNotFound", code(() -> queries.changes(M, "4", null, null, false, 0, 100)));
    }

    @Test
    void schemaKeepsClassesAndPathsOnceSeen() {
        SchemaInfo one = queries.schema(M, 1);
        assertEquals(1, one.classes().size());
        SchemaClass parts = one.classes().get(0);
        assertEquals("CSV:parts", parts.fullName());
        assertEquals(3, parts.elementCount());
        assertEquals(List.of("/properties/Columns/height", "/properties/Columns/name"),
                parts.properties().stream().map(p -> p.path()).toList());
        assertEquals(List.of("number", "integer"), parts.properties().get(0).types());
        assertEquals(List.of("CSV"), one.categories().stream().map(c -> c.name()).toList());
        assertEquals(3, one.categories().get(0).elementCount());

        SchemaInfo three = queries.schema(M, null);
        assertEquals(3, three.changesetIndex());
        Map<String, SchemaClass> classes = new HashMap<>();
        three.classes().forEach(c -> classes.put(c.fullName(), c));
        assertEquals(2, classes.get("CSV:parts").elementCount());
        assertEquals(1, classes.get("CSV:other").elementCount());
        assertEquals(List.of("string"), classes.get("CSV:other").properties().get(0).types());
        assertEquals(List.of("boolean"), classes.get("CSV:parts").properties().stream().filter(p -> p.path().endsWith("flag"))
                .findFirst().orElseThrow().types());
        assertEquals(0, queries.schema(M, 0).classes().size());
    }

    @Test
    void geometryIsAGlbOrGeometryNotFound() {
        byte[] glb = queries.geometry(M, "0x20", 1);
        assertArrayEquals(new byte[] {'g', 'l', 'T', 'F', 2, 0, 0, 0}, java.util.Arrays.copyOf(glb, 8));
        assertEquals("GeometryNotFound", code(() -> queries.geometry(M, "0x20", 2)));
        assertEquals("GeometryNotFound", code(() -> queries.geometry(M, "0x22", null)));
        assertEquals("ElementNotFound", code(() -> queries.geometry(M, "0x21", null)));
    }
}
