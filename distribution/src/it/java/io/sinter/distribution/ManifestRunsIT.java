package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
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
 * Manifest connections (api.md sections 5.5, 6.6, 7.2, 7.3, 8.3): source URLs served by a small HTTP
 * server inside the test, redirects, children and the skip key, unmap, 404 and retryable failures,
 * manifest validation, 303 while a run is active, cancel, and the run's event stream.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ManifestRunsIT {
    private static final String BASE = "/synchronization/imodels/manifestconnections";

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        int port = SinterRuntime.freePort();
        Path home = SinterRuntime.newHome("manifest", port);
        // the source server runs on loopback, which the download guard refuses unless allowlisted
        Files.writeString(home.resolve("etc/io.sinter.sync.cfg"), "retries = 2\nretryDelays = 0.2\ndownload.allowPrivate = 127.0.0.1\n");
        return SinterRuntime.options(home, port);
    }

    private SyncClient client() {
        return new SyncClient(context);
    }

    /** Creates an iModel with a manifest connection registering {@code documents}; returns iModel and connection ids. */
    private String[] connection(SyncClient c, String name, String... documents) throws Exception {
        c.installConnector("connector-csv.jar", "CSV");
        String im = c.iModel(name)[1];
        StringBuilder files = new StringBuilder();
        for (String d : documents) {
            files.append(files.length() == 0 ? "" : ",").append("{\"sourceFileId\":\"").append(d).append("\"}");
        }
        String connection = c.call(201, "POST", BASE, "{\"iModelId\":\"" + im + "\",\"sourceFiles\":[" + files + "]}")
                .path("connection").path("id").asText();
        return new String[] {im, connection};
    }

    private String start(SyncClient c, String connection, String manifest) throws Exception {
        Http.Answer answer = Http.send(c.port(), "POST", BASE + "/" + connection + "/runs", manifest);
        assertEquals(answer.body(), 202, answer.status());
        assertEquals("", answer.body());
        return answer.header("Location");
    }

    private static String item(String id, String name, String url) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"url\":\"" + url + "\",\"connectorType\":\"csv\"}";
    }

    @Test
    public void manifestBridgesFollowsRedirectsSkipsUnchangedAndUnmaps() throws Exception {
        SyncClient c = client();
        String[] ids = connection(c, "Manifest", "doc-site", "doc-missing");
        String im = ids[0];
        String connection = ids[1];
        try (SourceServer files = new SourceServer()) {
            files.serve("/site.csv", SourceServer.ok("tag,name\nT1,Pump\nT2,Valve\nT3,Tank\n"));
            files.serve("/go", SourceServer.redirect(files.url("/site.csv")));
            files.serve("/ref.txt", SourceServer.ok("reference v1"));
            String master = "{\"id\":\"doc-site\",\"name\":\"site.csv\",\"url\":\"" + files.url("/go") + "\",\"connectorType\":\"CSV\","
                    + "\"relativePath\":\"plant/area1\",\"documentAttribute\":{\"className\":\"Drawing\"},\"children\":[{\"id\":\"ref-1\","
                    + "\"parentId\":\"doc-site\",\"name\":\"ref.txt\",\"url\":\"" + files.url("/ref.txt") + "\",\"relativePath\":\"plant\"}]}";

            JsonNode first = c.awaitRun(start(c, connection, "{\"sourceFiles\":[" + master + "]}"), Duration.ofSeconds(60));
            assertEquals(first.toString(), "Success", first.path("result").asText());
            JsonNode task = first.path("jobs").path(0).path("tasks").path(0);
            assertEquals("doc-site", task.path("sourceFileId").asText());
            assertEquals("site.csv", task.path("fileName").asText());
            assertEquals(3, task.path("details").path("elementCounts").path("inserted").asInt());
            assertEquals(1, files.hits("/go"));
            assertEquals(1, files.hits("/ref.txt"));
            JsonNode record = c.call(200, "GET", BASE + "/" + connection + "/sourcefiles/" + task.path("sourceFileRecordId").asText(), null)
                    .path("sourceFile");
            assertEquals("site.csv", record.path("lastKnownFileName").asText());
            assertEquals("CSV", record.path("connectorType").asText());

            JsonNode reports = c.call(200, "GET", "/synchronization/reports?runId=" + first.path("id").asText(), null).path("reports");
            assertEquals(1, reports.size());
            JsonNode report = reports.path(0);
            assertEquals(task.path("details").path("reportId").asText(), report.path("id").asText());
            assertEquals(task.path("id").asText(), report.path("taskId").asText());
            assertEquals("detailReport", report.path("report").path("context").path("reportType").asText());
            assertEquals("bridge", report.path("report").path("context").path("operationType").asText());
            assertEquals(im, report.path("report").path("context").path("imodelid").asText());
            assertEquals("manifest", report.path("report").path("sourceFilesInfo").path("dataSource").asText());
            assertEquals("plant/area1", report.path("report").path("sourceFilesInfo").path("path").asText());
            assertEquals("Drawing", report.path("report").path("sourceFilesInfo").path("documentAttribute").path("className").asText());
            assertEquals("ref.txt", report.path("report").path("sourceFilesInfo").path("Files").path(0).path("fileName").asText());
            assertEquals(3, report.path("report").path("summary").path("inserted").asInt());
            assertEquals("InvalidReportsRequest", c.call(422, "GET", "/synchronization/reports?taskId=x", null).path("error").path("code").asText());
            assertEquals("iModelNotFound", c.call(404, "GET", "/synchronization/reports?imodelId=nope", null).path("error").path("code").asText());

            JsonNode same = c.awaitRun(start(c, connection, "{\"sourceFiles\":[" + master + "]}"), Duration.ofSeconds(60));
            assertEquals("same master and children: skipped", "Skipped", same.path("result").asText());

            files.serve("/ref.txt", SourceServer.ok("reference v2"));
            JsonNode childChanged = c.awaitRun(start(c, connection, "{\"sourceFiles\":[" + master + "]}"), Duration.ofSeconds(60));
            JsonNode childTask = childChanged.path("jobs").path(0).path("tasks").path(0);
            assertEquals("a changed child changes the skip key", "Success", childChanged.path("result").asText());
            assertTrue(childTask.path("details").path("changeset").isNull());
            assertFalse(childTask.path("details").path("contentHash").asText().equals(task.path("details").path("contentHash").asText()));

            String unmap = "{\"id\":\"doc-site\",\"name\":\"site.csv\",\"action\":\"unmap\"}";
            JsonNode second = c.awaitRun(start(c, connection, "{\"sourceFiles\":[" + unmap + "," + item("doc-missing", "gone.csv", files.url("/missing"))
                    + "]}"), Duration.ofSeconds(60));
            assertEquals(second.toString(), "PartialSuccess", second.path("result").asText());
            assertEquals("SomeJobsFailed", second.path("error").path("errorKey").asText());
            JsonNode missing = second.path("jobs").path(0).path("tasks").path(0);
            assertEquals("bridge tasks run before unmap tasks", "doc-missing", missing.path("sourceFileId").asText());
            assertEquals("SourceFileNotFound", missing.path("error").path("descriptionKey").asText());
            assertEquals("SNT_DLD_0404", missing.path("error").path("errorCode").asText());
            assertEquals("GET " + files.url("/missing") + " answered 404.", missing.path("error").path("details").asText());
            assertEquals("404 is not retried", 1, files.hits("/missing"));
            assertEquals(0, missing.path("retryAttempts").asInt());
            JsonNode unmapTask = second.path("jobs").path(0).path("tasks").path(1);
            assertEquals("unmap", unmapTask.path("action").asText());
            assertEquals("Success", unmapTask.path("result").asText());
            JsonNode cs = c.call(200, "GET", "/imodels/" + im + "/changesets/2", null).path("changeset");
            assertEquals("CSV: site.csv - 0 inserted, 0 updated, 3 deleted", cs.path("description").asText());
            assertTrue("the last element of category CSV removed: Definition bit", (cs.path("containingChanges").asInt() & 2) != 0);
        }
    }

    @Test
    public void transientFailuresAreRetriedWithBackOff() throws Exception {
        SyncClient c = client();
        String connection = connection(c, "Retries", "doc-flaky", "doc-down")[1];
        try (SourceServer files = new SourceServer()) {
            AtomicInteger calls = new AtomicInteger();
            files.serve("/flaky.csv", out -> (calls.incrementAndGet() <= 2 ? SourceServer.status(503) : SourceServer.ok("id,name\nA,One\n")).write(out));
            files.serve("/down.csv", SourceServer.status(502));
            JsonNode run = c.awaitRun(start(c, connection, "{\"sourceFiles\":[" + item("doc-flaky", "flaky.csv", files.url("/flaky.csv")) + ","
                    + item("doc-down", "down.csv", files.url("/down.csv")) + "]}"), Duration.ofSeconds(60));
            JsonNode flaky = run.path("jobs").path(0).path("tasks").path(0);
            assertEquals(flaky.toString(), "Success", flaky.path("result").asText());
            assertEquals(2, flaky.path("retryAttempts").asInt());
            assertEquals(3, files.hits("/flaky.csv"));
            JsonNode down = run.path("jobs").path(0).path("tasks").path(1);
            assertEquals("Error", down.path("result").asText());
            assertEquals("SourceFileNotAccessible", down.path("error").path("descriptionKey").asText());
            assertEquals("retries used up", 2, down.path("retryAttempts").asInt());
            assertEquals(3, files.hits("/down.csv"));
            assertEquals("PartialSuccess", run.path("result").asText());
        }
    }

    @Test
    public void invalidManifestsAnswer422AndStartNothing() throws Exception {
        SyncClient c = client();
        String connection = connection(c, "Invalid", "doc-a", "doc-b")[1];
        String url = BASE + "/" + connection + "/runs";
        assertEquals("MissingRequestBody", c.call(422, "POST", url, null).path("error").path("code").asText());
        JsonNode unknown = c.call(422, "POST", url, "{\"sourceFiles\":[" + item("doc-x", "x.csv", "http://127.0.0.1:9/x.csv") + "]}");
        assertEquals("InvalidManifestConnectionRequest", unknown.path("error").path("code").asText());
        assertEquals("sourceFiles[0].id", unknown.path("error").path("details").path(0).path("target").asText());
        JsonNode synonym = c.call(422, "POST", url, "{\"sourceFiles\":[{\"id\":\"doc-b\",\"name\":\"b.csv\",\"url\":\"http://127.0.0.1:9/b.csv\","
                + "\"connectorType\":\"CSV\",\"connector\":\"IFC\"}]}");
        assertEquals("sourceFiles[0].connectorType", synonym.path("error").path("target").asText());
        JsonNode many = c.call(422, "POST", url, "{\"sourceFiles\":[{\"id\":\"doc-a\",\"name\":\"a.csv\",\"url\":\"ftp://127.0.0.1/a.csv\","
                + "\"connectorType\":\"CSV\",\"relativePath\":\"../up\"},{\"id\":\"doc-b\",\"name\":\"b.csv\",\"url\":\"http://127.0.0.1:9/b.csv\","
                + "\"connector\":\"csv\"},{\"id\":\"doc-b\",\"name\":\"b.csv\",\"action\":\"unmap\"},"
                + "{\"id\":\"doc-a\",\"name\":\"a.csv\",\"connectorType\":\"NotSet\",\"url\":\"http://127.0.0.1:9/a\"}]}");
        List<String> targets = new ArrayList<>();
        many.path("error").path("details").forEach(d -> targets.add(d.path("target").asText()));
        assertEquals(targets.toString(), List.of("sourceFiles[0].url", "sourceFiles[0].relativePath", "sourceFiles[2].id", "sourceFiles[3].id",
                "sourceFiles[3].connectorType"), targets);
        assertEquals("ManifestConnectionNotFound", c.call(404, "POST", BASE + "/nope/runs", "{\"sourceFiles\":[]}").path("error").path("code").asText());
        assertEquals(0, c.call(200, "GET", url, null).path("runs").size());

        JsonNode empty = c.awaitRun(start(c, connection, "{\"sourceFiles\":[]}"), Duration.ofSeconds(30));
        assertEquals("an empty manifest completes Skipped", "Skipped", empty.path("result").asText());
        assertEquals(0, empty.path("jobs").size());
    }

    @Test
    public void activeRunAnswers303AndCancelRollsBackTheRunningTask() throws Exception {
        SyncClient c = client();
        String[] ids = connection(c, "Cancel", "doc-slow");
        String connection = ids[1];
        try (SourceServer files = new SourceServer()) {
            files.serve("/slow.csv", SourceServer.slow("id,name\n", 600, 50));
            String location = start(c, connection, "{\"sourceFiles\":[" + item("doc-slow", "slow.csv", files.url("/slow.csv")) + "]}");
            CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> events(c, location + "/events", null));

            Http.Answer again = Http.send(c.port(), "POST", BASE + "/" + connection + "/run", "{\"sourceFiles\":[]}");
            assertEquals(303, again.status());
            assertEquals(location, again.header("Location"));
            assertEquals("", again.body());

            c.awaitRun(location, r -> "Executing".equals(r.path("jobs").path(0).path("tasks").path(0).path("state").asText()), Duration.ofSeconds(30));
            assertEquals("ConnectionAlreadyInUse", c.call(409, "DELETE", BASE + "/" + connection, null).path("error").path("code").asText());
            assertEquals("IModelAlreadyProcessingRequest", c.call(409, "DELETE", "/imodels/" + ids[0], null).path("error").path("code").asText());
            JsonNode cancelled = c.call(202, "POST", location + "/cancel", null).path("run");
            assertEquals(location.replaceAll(".*/", ""), cancelled.path("id").asText());
            JsonNode run = c.awaitRun(location, Duration.ofSeconds(30));
            assertEquals(run.toString(), "Cancelled", run.path("result").asText());
            assertEquals("TaskWasCancelled", run.path("error").path("errorKey").asText());
            JsonNode task = run.path("jobs").path(0).path("tasks").path(0);
            assertEquals("Cancelled", task.path("result").asText());
            assertEquals("SNT_ORC_0499", task.path("error").path("errorCode").asText());
            assertEquals(0, c.call(200, "GET", "/imodels/" + ids[0] + "/changesets", null).path("changesets").size());
            assertEquals("RunAlreadyCompleted", c.call(409, "POST", location + "/cancel", null).path("error").path("code").asText());
            assertEquals("ConnectionRunNotFound",
                    c.call(404, "POST", BASE + "/" + connection + "/runs/nope/cancel", null).path("error").path("code").asText());

            List<String> stream = events.get(30, TimeUnit.SECONDS);
            assertEquals(stream.toString(), "snapshot", stream.get(0));
            assertEquals(stream.toString(), "end", stream.get(stream.size() - 1));
            assertTrue(stream.toString(), stream.contains("task"));
            assertTrue(stream.toString(), stream.contains("job"));
            List<String> replay = events(c, location + "/events", null);
            assertEquals("a completed run answers snapshot then end", List.of("snapshot", "end"), replay);
            c.call(204, "DELETE", "/imodels/" + ids[0], null);
            assertEquals("ManifestConnectionNotFound", c.call(404, "GET", BASE + "/" + connection, null).path("error").path("code").asText());
        }
    }

    @Test
    public void eventsReportTasksAndChangesets() throws Exception {
        SyncClient c = client();
        String connection = connection(c, "Events", "doc-e")[1];
        try (SourceServer files = new SourceServer()) {
            // the body comes 1.5 s after the headers, so the run is still executing when the stream is opened
            files.serve("/e.csv", SourceServer.late("id,name\nE1,One\n", 1500));
            String location = start(c, connection, "{\"sourceFiles\":[" + item("doc-e", "e.csv", files.url("/e.csv")) + "]}");
            List<String> lines = new ArrayList<>();
            List<String> names = events(c, location + "/events", lines);
            assertEquals(names.toString(), "snapshot", names.get(0));
            assertTrue(names.toString(), names.contains("changeset"));
            assertEquals("end", names.get(names.size() - 1));
            String changeset = lines.stream().filter(l -> l.startsWith("data: {\"changeset\"")).findFirst().orElseThrow();
            assertTrue(changeset, changeset.contains("\"index\":1") && changeset.contains("CSV: e.csv - 1 inserted"));
            long lastId = lines.stream().filter(l -> l.startsWith("id: ")).mapToLong(l -> Long.parseLong(l.substring(4))).max().orElseThrow();
            assertTrue(lastId > 1);
        }
    }

    /** Reads an event stream to its end; returns the event names, and the raw lines into {@code lines} when given. */
    private static List<String> events(SyncClient c, String url, List<String> lines) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : "http://127.0.0.1:" + c.port() + url))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + Http.token(c.port(), false)).GET().build();
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            List<String> names = new ArrayList<>();
            try (Stream<String> body = response.body()) {
                body.forEach(line -> {
                    if (lines != null) {
                        lines.add(line);
                    }
                    if (line.startsWith("event: ")) {
                        names.add(line.substring(7));
                    }
                });
            }
            return names;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
