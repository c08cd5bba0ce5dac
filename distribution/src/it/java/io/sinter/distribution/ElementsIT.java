package io.sinter.distribution;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The iModel content queries over HTTP (api.md sections 7.5 to 7.7): a CSV file synchronized twice, then
 * elements as of each changeset, an element's history, the changes of changeset 2, the schema; and the GLB
 * geometry of a DXF face.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ElementsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("elements", port), port);
    }

    private SyncClient client() {
        return new SyncClient(context);
    }

    private int port() throws Exception {
        return client().port();
    }

    private JsonNode call(int expected, String method, String url, String body, String... headers) throws Exception {
        return client().call(expected, method, url, body, headers);
    }

    private String error(int status, String url) throws Exception {
        return call(status, "GET", url, null).path("error").path("code").asText();
    }

    private String upload(String rootId, String name, String content) throws Exception {
        return client().upload(rootId, name, content);
    }

    private void replace(String fileId, String content) throws Exception {
        client().replace(fileId, content);
    }

    private String iModel(String name) throws Exception {
        String tw = call(201, "POST", "/itwins", "{\"displayName\":\"" + name + "\"}").path("iTwin").path("id").asText();
        return call(201, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"" + name + "\"}").path("iModel").path("id").asText()
                + " " + call(200, "GET", "/storage?iTwinId=" + tw, null).path("folder").path("id").asText();
    }

    private String connect(String im, String fileId, String type) throws Exception {
        return call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + im
                + "\",\"sourceFiles\":[{\"storageFileId\":\"" + fileId + "\",\"connectorType\":\"" + type + "\"}]}")
                .path("connection").path("id").asText();
    }

    private void run(String connectionId) throws Exception {
        Http.Answer started = Http.send(port(), "POST", "/synchronization/imodels/storageconnections/" + connectionId + "/run", null);
        assertEquals(started.body(), 202, started.status());
        String location = started.header("Location");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode run = call(200, "GET", location, null).path("run");
            if ("Completed".equals(run.path("state").asText())) {
                assertEquals(run.toString(), "Success", run.path("result").asText());
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run did not complete: " + run);
            }
            Thread.sleep(200);
        }
    }

    /** @return codeValue → element of a list answer */
    private static Map<String, JsonNode> byCode(JsonNode list) {
        Map<String, JsonNode> map = new TreeMap<>();
        list.path("elements").forEach(e -> map.put(e.path("codeValue").asText(), e));
        return map;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    @Test
    public void csvElementsHistoryChangesAndSchemaAsOfEachChangeset() throws Exception {
        client().installConnector("connector-csv.jar", "CSV");
        String[] created = iModel("Elements").split(" ");
        String im = created[0];
        String csv = upload(created[1], "parts.csv", "id,name,height\nP1,Pump,1.5\nP2,Valve,0.4\nP3,Pipe,12\nP4,Tank,3\n");
        String connection = connect(im, csv, "CSV");
        run(connection);
        replace(csv, "id,name,height\nP1,Pump,1.75\nP2,Valve,0.4\nP4,Tank,3\nP5,Filter,0.2\nP6,Meter,0.1\n");
        run(connection);
        String base = "/imodels/" + im;
        String full = "return=representation";

        // elements as of changeset 1 and 2 (latest by default)
        Map<String, JsonNode> one = byCode(call(200, "GET", base + "/elements?changesetIndex=1", null, "Prefer", full));
        assertEquals(List.of("P1", "P2", "P3", "P4"), List.copyOf(one.keySet()));
        Http.Answer latest = Http.send(port(), "GET", base + "/elements", null);
        assertEquals("return=minimal", latest.header("Preference-Applied"));
        JsonNode minimal = JSON.readTree(latest.body());
        Map<String, JsonNode> two = byCode(minimal);
        assertEquals(List.of("P1", "P2", "P4", "P5", "P6"), List.copyOf(two.keySet()));
        assertEquals(List.of("id", "classFullName", "modelId", "category", "userLabel", "codeValue"),
                fieldNames(two.get("P1")));
        assertEquals(5, byCode(call(200, "GET", base + "/elements?changesetIndex=2", null)).size());
        assertEquals(0, call(200, "GET", base + "/elements?changesetIndex=0", null).path("elements").size());
        JsonNode paged = call(200, "GET", base + "/elements?$top=2&$skip=2", null);
        assertEquals(2, paged.path("elements").size());
        assertTrue(paged.path("_links").path("next").path("href").asText().endsWith("/imodels/" + im + "/elements?$skip=4&$top=2"));
        List<Long> ids = new ArrayList<>();
        minimal.path("elements").forEach(e -> ids.add(Long.decode(e.path("id").asText())));
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals("ordered by numeric id", sorted, ids);

        JsonNode p1v1 = one.get("P1");
        String p1 = p1v1.path("id").asText();
        assertTrue(p1, p1.matches("0x[0-9a-f]+"));
        assertEquals("CSV:parts", p1v1.path("classFullName").asText());
        assertEquals("CSV", p1v1.path("category").asText());
        assertEquals("Pump", p1v1.path("userLabel").asText());
        assertTrue(p1v1.path("placement").isNull());
        assertTrue(p1v1.path("parentId").isNull());
        assertTrue(p1v1.path("federationGuid").asText().matches("[0-9a-f-]{36}"));
        assertEquals(1.5, p1v1.path("properties").path("Columns").path("height").asDouble(), 0);
        assertEquals("P1", p1v1.path("provenance").path("identifier").asText());
        assertEquals("Row", p1v1.path("provenance").path("kind").asText());
        assertTrue(p1v1.path("provenance").path("checksum").asText().matches("[0-9a-f]{64}"));
        assertEquals(0, p1v1.path("relationships").size());

        JsonNode p1v2 = call(200, "GET", base + "/elements/" + p1, null).path("element");
        assertEquals(1.75, p1v2.path("properties").path("Columns").path("height").asDouble(), 0);
        assertEquals("update keeps id and federationGuid", p1v1.path("federationGuid"), p1v2.path("federationGuid"));
        assertEquals(1.5, call(200, "GET", base + "/elements/" + p1 + "?changesetIndex=1", null).path("element").path("properties")
                .path("Columns").path("height").asDouble(), 0);
        String p3 = one.get("P3").path("id").asText();
        assertEquals("P3", call(200, "GET", base + "/elements/" + p3 + "?changesetIndex=1", null).path("element").path("codeValue").asText());
        assertEquals("ElementNotFound", error(404, base + "/elements/" + p3));
        assertEquals("ElementNotFound", error(404, base + "/elements/0x7fff"));
        assertEquals("ElementNotFound", error(404, base + "/elements/" + p1 + "?changesetIndex=0"));

        // errors: changeset above the latest, bad parameter, unknown iModel
        assertEquals("ChangesetNotFound", error(404, base + "/elements?changesetIndex=3"));
        assertEquals("ChangesetNotFound", error(404, base + "/elements/" + p1 + "?changesetIndex=3"));
        JsonNode bad = call(422, "GET", base + "/elements?changesetIndex=abc", null).path("error");
        assertEquals("InvalidiModelsRequest", bad.path("code").asText());
        assertEquals("changesetIndex", bad.path("details").path(0).path("target").asText());
        assertEquals("InvalidiModelsRequest", error(422, base + "/elements/" + p1 + "?changesetIndex=-1"));
        assertEquals("iModelNotFound", error(404, "/imodels/00000000-0000-4000-8000-000000000000/elements"));
        assertEquals("404 comes before 422", "iModelNotFound", error(404, "/imodels/00000000-0000-4000-8000-000000000000/elements?changesetIndex=x"));
        assertEquals("ChangesetNotFound", error(404, base + "/changesets/9/changes?operation=moved"));

        // history of the updated element and of the deleted one
        JsonNode history = call(200, "GET", base + "/elements/" + p1 + "/history", null).path("history");
        assertEquals(2, history.size());
        JsonNode cs1 = call(200, "GET", base + "/changesets/1", null).path("changeset");
        JsonNode cs2 = call(200, "GET", base + "/changesets/2", null).path("changeset");
        assertEquals("inserted", history.path(0).path("operation").asText());
        assertEquals(1, history.path(0).path("changesetIndex").asInt());
        assertEquals(cs1.path("id").asText(), history.path(0).path("changesetId").asText());
        assertEquals(cs1.path("pushDateTime").asText(), history.path(0).path("pushDateTime").asText());
        assertEquals(0, history.path(0).path("changedProperties").size());
        assertEquals("updated", history.path(1).path("operation").asText());
        assertEquals(cs2.path("id").asText(), history.path(1).path("changesetId").asText());
        assertEquals(List.of("/properties/Columns/height"), texts(history.path(1).path("changedProperties")));
        JsonNode gone = call(200, "GET", base + "/elements/" + p3 + "/history", null).path("history");
        assertEquals(List.of("inserted", "deleted"), List.of(gone.path(0).path("operation").asText(), gone.path(1).path("operation").asText()));
        assertEquals("ElementNotFound", error(404, base + "/elements/0x7fff/history"));

        // changes of changeset 2, with Jersey still routing /changesets/{index} to the changesets resource
        assertEquals(cs2.path("_links").path("changes").path("href").asText(), "http://127.0.0.1:" + port() + base + "/changesets/2/changes");
        Http.Answer answer = Http.send(port(), "GET", base + "/changesets/2/changes", null, "Prefer", full);
        assertEquals(answer.body(), 200, answer.status());
        assertEquals(full, answer.header("Preference-Applied"));
        JsonNode changes = JSON.readTree(answer.body());
        assertEquals(2, changes.path("summary").path("inserted").asInt());
        assertEquals(1, changes.path("summary").path("updated").asInt());
        assertEquals(1, changes.path("summary").path("deleted").asInt());
        JsonNode records = changes.path("changes");
        assertEquals(4, records.size());
        List<String> ops = new ArrayList<>();
        records.forEach(c -> ops.add(c.path("identifier").asText() + " " + c.path("operation").asText()));
        assertEquals(List.of("P1 updated", "P3 deleted", "P5 inserted", "P6 inserted"), ops);
        JsonNode update = records.path(0);
        assertEquals(p1, update.path("elementId").asText());
        assertEquals("CSV:parts", update.path("classFullName").asText());
        assertEquals(p1v1.path("modelId").asText(), update.path("modelId").asText());
        assertEquals(List.of("/properties/Columns/height"), texts(update.path("changedProperties")));
        assertEquals(1.5, update.path("before").path("properties").path("Columns").path("height").asDouble(), 0);
        assertEquals(1.75, update.path("after").path("properties").path("Columns").path("height").asDouble(), 0);
        assertEquals(p1v1.path("provenance").path("checksum"), update.path("before").path("provenance").path("checksum"));
        JsonNode delete = records.path(1);
        assertEquals(p3, delete.path("elementId").asText());
        assertTrue(delete.path("after").isNull());
        assertEquals("Pipe", delete.path("before").path("userLabel").asText());
        assertEquals(0, delete.path("changedProperties").size());
        assertTrue(records.path(2).path("before").isNull());
        assertEquals("Filter", records.path(2).path("after").path("userLabel").asText());
        assertEquals(cs2.path("id").asText(), call(200, "GET", base + "/changesets/" + cs2.path("id").asText(), null)
                .path("changeset").path("id").asText());

        JsonNode inserted = call(200, "GET", base + "/changesets/2/changes?operation=Inserted", null);
        assertEquals(2, inserted.path("changes").size());
        assertFalse("minimal leaves out before/after", inserted.path("changes").path(0).has("before"));
        assertFalse(inserted.path("changes").path(0).has("after"));
        assertEquals(2, inserted.path("summary").path("inserted").asInt());
        assertEquals(1, call(200, "GET", base + "/changesets/" + cs2.path("id").asText() + "/changes?operation=updated", null)
                .path("changes").size());
        assertEquals(0, call(200, "GET", base + "/changesets/2/changes?className=CSV:other", null).path("changes").size());
        JsonNode page = call(200, "GET", base + "/changesets/2/changes?$top=1&$skip=1", null);
        assertEquals("P3", page.path("changes").path(0).path("identifier").asText());
        assertTrue(page.path("_links").path("next").path("href").asText().endsWith("/changesets/2/changes?$skip=2&$top=1"));
        assertTrue(page.path("_links").has("prev"));
        assertEquals("InvalidiModelsRequest", error(422, base + "/changesets/2/changes?operation=moved"));
        assertEquals("ChangesetNotFound", error(404, base + "/changesets/3/changes"));
        assertEquals(4, call(200, "GET", base + "/changesets/1/changes", null).path("changes").size());

        // schema as of each changeset
        JsonNode s1 = call(200, "GET", base + "/schema?changesetIndex=1", null).path("schema");
        assertEquals(1, s1.path("changesetIndex").asInt());
        assertEquals(1, s1.path("classes").size());
        assertEquals("CSV:parts", s1.path("classes").path(0).path("fullName").asText());
        assertEquals(4, s1.path("classes").path(0).path("elementCount").asInt());
        Map<String, List<String>> paths = new TreeMap<>();
        s1.path("classes").path(0).path("properties").forEach(p -> paths.put(p.path("path").asText(), texts(p.path("types"))));
        assertEquals(Map.of("/properties/Columns/height", List.of("number", "integer"), "/properties/Columns/id", List.of("string"),
                "/properties/Columns/name", List.of("string")), paths);
        assertEquals("CSV", s1.path("categories").path(0).path("name").asText());
        assertEquals(4, s1.path("categories").path(0).path("elementCount").asInt());
        JsonNode s2 = call(200, "GET", base + "/schema", null).path("schema");
        assertEquals(2, s2.path("changesetIndex").asInt());
        assertEquals(5, s2.path("classes").path(0).path("elementCount").asInt());
        assertEquals(5, s2.path("categories").path(0).path("elementCount").asInt());
        assertEquals(0, call(200, "GET", base + "/schema?changesetIndex=0", null).path("schema").path("classes").size());
        assertEquals("ChangesetNotFound", error(404, base + "/schema?changesetIndex=3"));

        // a CSV row has no geometry
        assertEquals("GeometryNotFound", error(404, base + "/elements/" + p1 + "/geometry"));
    }

    @Test
    public void dxfFaceGeometryIsAGlb() throws Exception {
        client().installConnector("connector-dxf.jar", "DWG");
        String[] created = iModel("Drawing").split(" ");
        String im = created[0];
        String dxf = "0\nSECTION\n2\nENTITIES\n"
                + "0\nLINE\n5\n1A\n8\nWALLS\n10\n0\n20\n0\n30\n0\n11\n2\n21\n0\n31\n0\n"
                + "0\n3DFACE\n5\n2B\n8\nSLABS\n10\n0\n20\n0\n30\n0\n11\n4\n21\n0\n31\n0\n12\n4\n22\n3\n32\n0\n13\n0\n23\n3\n33\n0\n"
                + "0\nENDSEC\n0\nEOF\n";
        run(connect(im, upload(created[1], "tiny.dxf", dxf), "DXF"));
        String base = "/imodels/" + im;
        JsonNode faces = call(200, "GET", base + "/elements?className=DXF:3DFACE", null, "Prefer", "return=representation");
        assertEquals(faces.toString(), 1, faces.path("elements").size());
        JsonNode face = faces.path("elements").path(0);
        assertEquals("SLABS", face.path("category").asText());
        assertEquals("2B", face.path("provenance").path("identifier").asText());
        assertEquals(3, face.path("placement").path("origin").size());

        HttpResponse<byte[]> glb = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + base
                + "/elements/" + face.path("id").asText() + "/geometry")).header("Authorization", "Bearer " + Http.token(port(), false)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(new String(glb.body()), 200, glb.statusCode());
        assertEquals("model/gltf-binary", glb.headers().firstValue("Content-Type").orElse(""));
        byte[] bytes = glb.body();
        assertArrayEquals("magic glTF", "glTF".getBytes(), Arrays.copyOf(bytes, 4));
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, in.getInt(4));
        assertEquals(bytes.length, in.getInt(8));
        int jsonLength = in.getInt(12);
        assertEquals(0x4E4F534A, in.getInt(16));
        JsonNode gltf = JSON.readTree(new String(bytes, 20, jsonLength, java.nio.charset.StandardCharsets.UTF_8).trim());
        assertEquals(4, gltf.path("meshes").path(0).path("primitives").path(0).path("mode").asInt());
        int position = gltf.path("meshes").path(0).path("primitives").path(0).path("attributes").path("POSITION").asInt();
        assertTrue(gltf.path("accessors").path(position).path("count").asInt() >= 3);
        int indices = gltf.path("meshes").path(0).path("primitives").path(0).path("indices").asInt();
        assertEquals("a quad is two triangles", 6, gltf.path("accessors").path(indices).path("count").asInt());
        assertEquals(2, gltf.path("nodes").size());

        JsonNode line = call(200, "GET", base + "/elements?className=DXF:LINE", null).path("elements").path(0);
        Http.Answer lineGlb = Http.send(port(), "GET", base + "/elements/" + line.path("id").asText() + "/geometry", null);
        assertEquals(200, lineGlb.status());
        assertTrue(lineGlb.body().startsWith("glTF"));
        assertEquals("ElementNotFound", error(404, base + "/elements/" + face.path("id").asText() + "/geometry?changesetIndex=0"));
        assertEquals("ElementNotFound", error(404, base + "/elements/0x7fff/geometry"));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> list = new ArrayList<>();
        object.fieldNames().forEachRemaining(list::add);
        return list;
    }
}
