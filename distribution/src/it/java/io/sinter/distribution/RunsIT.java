package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Storage-connection runs with the CSV connector dropped into deploy/: first sync, incremental
 * changeset, unchanged file skipped, missing connector, corrupt file (api.md sections 5.6 to 6.5, 8.1, 8.2).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RunsIT {

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("runs", port), port);
    }

    private SyncClient client() {
        return new SyncClient(context);
    }

    private int port() throws Exception {
        return client().port();
    }

    private JsonNode call(int expected, String method, String url, String body) throws Exception {
        return client().call(expected, method, url, body);
    }

    private String upload(String rootId, String name, String content) throws Exception {
        return client().upload(rootId, name, content);
    }

    private void replace(String fileId, String content) throws Exception {
        client().replace(fileId, content);
    }

    /** Starts a run of the connection, polls it until Completed and returns it. */
    private JsonNode run(String connectionId) throws Exception {
        Http.Answer started = Http.send(port(), "POST", "/synchronization/imodels/storageconnections/" + connectionId + "/run", null);
        assertEquals(started.body(), 202, started.status());
        assertEquals("", started.body());
        String location = started.header("Location");
        assertTrue(location, location.matches("http://127\\.0\\.0\\.1:\\d+/synchronization/imodels/storageconnections/" + connectionId + "/runs/[0-9a-f-]{36}"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode run = call(200, "GET", location, null).path("run");
            if ("Completed".equals(run.path("state").asText())) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run did not complete: " + run);
            }
            Thread.sleep(200);
        }
    }

    /** A new iTwin and iModel with one uploaded CSV file in a storage connection of type CSV (the connector installed). */
    private record CsvConnection(String iTwinId, String iModelId, String fileId, String connectionId) {
    }

    private CsvConnection csvConnection(String iTwinName, String iModelName, String fileName, String content) throws Exception {
        client().installConnector("connector-csv.jar", "CSV");
        String tw = call(201, "POST", "/itwins", "{\"displayName\":\"" + iTwinName + "\"}").path("iTwin").path("id").asText();
        String im = call(201, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"" + iModelName + "\"}").path("iModel").path("id").asText();
        String rootId = call(200, "GET", "/storage?iTwinId=" + tw, null).path("folder").path("id").asText();
        String file = upload(rootId, fileName, content);
        String connection = call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + im
                + "\",\"sourceFiles\":[{\"storageFileId\":\"" + file + "\",\"connectorType\":\"CSV\"}]}").path("connection").path("id").asText();
        return new CsvConnection(tw, im, file, connection);
    }

    @Test
    public void csvFileSyncsIncrementallyAndUnchangedContentIsSkipped() throws Exception {
        CsvConnection setup = csvConnection("Runs", "Parts", "parts.csv", "id,name,height\nP1,Pump,1.5\nP2,Valve,0.4\nP3,Pipe,12\nP4,Tank,3\n");
        String tw = setup.iTwinId();
        String im = setup.iModelId();
        String csv = setup.fileId();
        String connection = setup.connectionId();

        JsonNode first = run(connection);
        assertEquals(first.toString(), "Success", first.path("result").asText());
        assertEquals("MasterFile", first.path("phase").asText());
        assertFalse(first.path("endDateTime").asText().startsWith("0001"));
        JsonNode task = first.path("jobs").path(0).path("tasks").path(0);
        assertEquals("CSV", first.path("jobs").path(0).path("connectorType").asText());
        assertEquals(csv, task.path("storageFileId").asText());
        assertEquals("parts.csv", task.path("fileName").asText());
        assertEquals(4, task.path("details").path("elementCounts").path("inserted").asInt());
        assertEquals(1, task.path("details").path("changeset").path("index").asInt());
        JsonNode cs1 = call(200, "GET", "/imodels/" + im + "/changesets/1", null).path("changeset");
        assertEquals("CSV: parts.csv - 4 inserted, 0 updated, 0 deleted", cs1.path("description").asText());
        assertEquals("", cs1.path("parentId").asText());
        assertTrue(cs1.path("id").asText().matches("[0-9a-f]{40}"));
        assertEquals(task.path("id").asText(), cs1.path("synchronizationInfo").path("taskId").asText());
        assertTrue("placed rows are not there, ViewsAndModels is", (cs1.path("containingChanges").asInt() & 16) != 0);
        JsonNode connectionNow = call(200, "GET", "/synchronization/imodels/storageconnections/" + connection, null).path("connection");
        assertEquals(first.path("id").asText(), connectionNow.path("_links").path("lastRun").path("href").asText().replaceAll(".*/", ""));

        replace(csv, "id,name,height\nP1,Pump,1.75\nP2,Valve,0.4\nP4,Tank,3\nP5,Filter,0.2\nP6,Meter,0.1\n");
        JsonNode second = run(connection);
        assertEquals("Success", second.path("result").asText());
        JsonNode counts = second.path("jobs").path(0).path("tasks").path(0).path("details").path("elementCounts");
        assertEquals(2, counts.path("inserted").asInt());
        assertEquals(1, counts.path("updated").asInt());
        assertEquals(1, counts.path("deleted").asInt());
        assertEquals(2, counts.path("unchanged").asInt());
        JsonNode cs2 = call(200, "GET", "/imodels/" + im + "/changesets/2", null).path("changeset");
        assertEquals("CSV: parts.csv - 2 inserted, 1 updated, 1 deleted", cs2.path("description").asText());
        assertEquals(cs1.path("id").asText(), cs2.path("parentId").asText());
        assertTrue("changeset 1 adds the first element of category CSV: Definition bit", (cs1.path("containingChanges").asInt() & 2) != 0);
        assertEquals("changeset 2 adds no new category", 0, cs2.path("containingChanges").asInt() & 2);
        assertTrue("changeset 1 adds class CSV:Row and its paths: Schema bit", (cs1.path("containingChanges").asInt() & 1) != 0);
        assertEquals("changeset 2 has the same columns: no Schema bit", 0, cs2.path("containingChanges").asInt() & 1);

        replace(csv, "id,name,height\nP1,Pump,1.75\nP2,Valve,0.4\nP4,Tank,3\nP5,Filter,0.2\nP6,Meter,0.1\n");
        JsonNode third = run(connection);
        assertEquals("Skipped", third.path("result").asText());
        assertEquals("Skipped", third.path("jobs").path(0).path("tasks").path(0).path("result").asText());
        assertEquals(5, third.path("jobs").path(0).path("tasks").path(0).path("details").path("elementCounts").path("unchanged").asInt());
        JsonNode all = call(200, "GET", "/imodels/" + im + "/changesets", null);
        assertEquals("no changeset for an unchanged file", 2, all.path("changesets").size());
        JsonNode runs = call(200, "GET", "/synchronization/imodels/storageconnections/" + connection + "/runs", null).path("runs");
        assertEquals(3, runs.size());
        assertEquals("Skipped", runs.path(2).path("result").asText());
        assertEquals("ChangesetNotFound", call(404, "GET", "/imodels/" + im + "/changesets/3", null).path("error").path("code").asText());

        assertTrue(shell("sinter:imodels"), shell("sinter:imodels").matches("(?s).*" + im + " +" + tw + " +2 +Parts.*"));
        assertTrue(shell("sinter:connections " + im).contains(connection + " storage"));
        String history = shell("sinter:runs " + connection);
        assertTrue(history, history.contains(third.path("id").asText()) && history.contains("Skipped"));
        String csList = shell("sinter:changesets " + im);
        assertTrue(csList, csList.contains("CSV: parts.csv - 2 inserted, 1 updated, 1 deleted"));
        String started = shell("sinter:run " + connection);
        assertTrue(started, started.startsWith("Started run "));
        String runId = started.substring("Started run ".length(), "Started run ".length() + 36);
        JsonNode fourth = call(200, "GET", "/synchronization/imodels/storageconnections/" + connection + "/runs/" + runId, null).path("run");
        assertEquals(runId, fourth.path("id").asText());
    }

    /** The document state files in the server's data folder. */
    private java.util.List<java.nio.file.Path> stateFiles() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of(context.getProperty("sinter.data"), "state");
        if (!java.nio.file.Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".state")).sorted().toList();
        }
    }

    private static JsonNode counts(JsonNode run) {
        return run.path("jobs").path(0).path("tasks").path(0).path("details").path("elementCounts");
    }

    @Test
    public void reRunsReadTheStoredStateFileOnlyWhileItMatchesTheDocument() throws Exception {
        java.util.List<java.nio.file.Path> before = stateFiles();
        CsvConnection setup = csvConnection("State", "State", "state.csv", "id,name,height\nS1,Pump,1.5\nS2,Valve,0.4\nS3,Pipe,12\nS4,Tank,3\n");
        String csv = setup.fileId();
        String connection = setup.connectionId();
        assertEquals(4, counts(run(connection)).path("inserted").asInt());
        java.util.List<java.nio.file.Path> after = new java.util.ArrayList<>(stateFiles());
        after.removeAll(before);
        assertEquals("the first sync wrote the document's state file: " + after, 1, after.size());
        java.nio.file.Path file = after.get(0);
        byte[] firstState = java.nio.file.Files.readAllBytes(file);

        replace(csv, "id,name,height\nS1,Pump,1.75\nS2,Valve,0.4\nS4,Tank,3\nS5,Filter,0.2\n");
        JsonNode secondRun = run(connection);
        JsonNode second = counts(secondRun);
        // the rows whose digest the state file has and that follow the last matched row were not built: S2 (S4 follows S3, deleted)
        assertEquals(secondRun.toString(), 1, secondRun.path("jobs").path(0).path("tasks").path(0).path("details").path("matching")
                .path("byRecordDigest").asInt());
        assertEquals(second.toString(), "1 updated, 1 deleted, 1 inserted, 2 unchanged",
                second.path("updated").asInt() + " updated, " + second.path("deleted").asInt() + " deleted, " + second.path("inserted").asInt()
                        + " inserted, " + second.path("unchanged").asInt() + " unchanged");
        // a re-run's file is written after its changeset committed, off the run's thread
        assertTrue("the re-run wrote the new state", rewritten(file, firstState));

        // the state file of the first sync: well-formed, but its stamp is not the document's any more. Trusted, it would
        // make S3 deleted again and S5 new; the re-run must read the database instead
        java.nio.file.Files.write(file, firstState);
        replace(csv, "id,name,height\nS1,Pump,2\nS2,Valve,0.4\nS4,Tank,3\nS5,Filter,0.2\nS6,Meter,0.1\n");
        JsonNode third = counts(run(connection));
        assertEquals(third.toString(), "1 updated, 0 deleted, 1 inserted, 3 unchanged",
                third.path("updated").asInt() + " updated, " + third.path("deleted").asInt() + " deleted, " + third.path("inserted").asInt()
                        + " inserted, " + third.path("unchanged").asInt() + " unchanged");
        assertTrue("the third run wrote its state", rewritten(file, firstState));

        // a damaged file is read past as well
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(file), 40));
        replace(csv, "id,name,height\nS1,Pump,2\nS2,Valve,0.5\nS4,Tank,3\nS5,Filter,0.2\nS6,Meter,0.1\n");
        JsonNode fourth = counts(run(connection));
        assertEquals(fourth.toString(), 1, fourth.path("updated").asInt());
        assertEquals(fourth.toString(), 4, fourth.path("unchanged").asInt());
    }

    /**
     * A re-run whose file turns out to be broken after thousands of updated rows writes none of them, and the next re-run
     * starts from the state before.
     */
    @Test
    public void aReRunThatFailsHalfwayWritesNoUpdate() throws Exception {
        StringBuilder first = new StringBuilder("id,name\n");
        StringBuilder changed = new StringBuilder("id,name\n");
        for (int i = 0; i < 2500; i++) {
            first.append('R').append(i).append(",row ").append(i).append('\n');
            changed.append('R').append(i).append(",changed ").append(i).append('\n');
        }
        CsvConnection setup = csvConnection("Rerun", "Rerun", "rerun.csv", first.toString());
        String im = setup.iModelId();
        assertEquals("Success", run(setup.connectionId()).path("result").asText());

        // 2,500 updates found, then a quote that never closes at line 2502
        replace(setup.fileId(), changed + "R2500,\"broken\nR2501,x\n");
        JsonNode task = run(setup.connectionId()).path("jobs").path(0).path("tasks").path(0);
        assertEquals(task.toString(), "SourceFileCorrupted", task.path("error").path("descriptionKey").asText());
        assertTrue(task.toString(), task.path("error").path("message").asText().contains("line 2502"));
        assertEquals(1, call(200, "GET", "/imodels/" + im + "/changesets", null).path("changesets").size());
        // every element is still there with its first value: no version was ended, none added
        assertEquals(500, call(200, "GET", "/imodels/" + im + "/elements?$top=1000&$skip=2000", null).path("elements").size());
        assertEquals(0, call(200, "GET", "/imodels/" + im + "/elements?$top=1000&$skip=2500", null).path("elements").size());
        JsonNode r1 = call(200, "GET", "/imodels/" + im + "/elements?$top=2", null).path("elements").path(1);
        assertEquals(r1.toString(), "row 1", r1.path("userLabel").asText());

        // the next re-run sees the first state: exactly the changed rows are updated
        replace(setup.fileId(), changed.toString());
        JsonNode counts = counts(run(setup.connectionId()));
        assertEquals(counts.toString(), 2500, counts.path("updated").asInt());
        assertEquals(counts.toString(), 0, counts.path("inserted").asInt() + counts.path("deleted").asInt());
        assertEquals(500, call(200, "GET", "/imodels/" + im + "/elements?$top=1000&$skip=2000", null).path("elements").size());
        assertEquals(0, call(200, "GET", "/imodels/" + im + "/elements?$top=1000&$skip=2500", null).path("elements").size());
        r1 = call(200, "GET", "/imodels/" + im + "/elements?$top=2", null).path("elements").path(1);
        assertEquals(r1.toString(), "changed 1", r1.path("userLabel").asText());
        JsonNode history = call(200, "GET", "/imodels/" + im + "/elements/" + r1.path("id").asText() + "/history", null);
        assertEquals(history.toString(), 2, history.path("history").size());
        JsonNode changes = call(200, "GET", "/imodels/" + im + "/changesets/2/changes?$top=1000&$skip=2000", null);
        assertEquals(changes.toString(), 500, changes.path("changes").size());
    }

    /** @return whether {@code file} holds other bytes than {@code old} within 10 s */
    private static boolean rewritten(java.nio.file.Path file, byte[] old) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (java.nio.file.Files.exists(file) && !java.util.Arrays.equals(old, java.nio.file.Files.readAllBytes(file))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Inject
    org.apache.felix.service.command.CommandProcessor commandProcessor;

    private String shell(String command) throws Exception {
        return Shell.run(commandProcessor, command);
    }

    /** Two runs on two iModels write at the same time (sinter.sync.workers = 2): neither waits for the other's numbers. */
    @Test
    public void runsOfTwoIModelsWriteConcurrently() throws Exception {
        SyncClient c = client();
        c.installConnector("connector-csv.jar", "CSV");
        StringBuilder csv = new StringBuilder("id,name,width\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("R").append(i).append(",row ").append(i).append(',').append(i % 97).append('\n');
        }
        String[] connections = new String[2];
        String[] iModels = new String[2];
        for (int k = 0; k < 2; k++) {
            String[] ids = c.iModel("Concurrent " + k);
            iModels[k] = ids[1];
            String file = c.upload(ids[2], "rows.csv", csv.toString());
            connections[k] = call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + ids[1]
                    + "\",\"sourceFiles\":[{\"storageFileId\":\"" + file + "\",\"connectorType\":\"CSV\"}]}").path("connection").path("id").asText();
        }
        String[] locations = new String[2];
        for (int k = 0; k < 2; k++) {
            Http.Answer started = Http.send(port(), "POST", "/synchronization/imodels/storageconnections/" + connections[k] + "/run", null);
            assertEquals(started.body(), 202, started.status());
            locations[k] = started.header("Location");
        }
        for (int k = 0; k < 2; k++) {
            JsonNode run = c.awaitRun(locations[k], java.time.Duration.ofSeconds(120));
            assertEquals(run.toString(), "Success", run.path("result").asText());
            JsonNode changeset = call(200, "GET", "/imodels/" + iModels[k] + "/changesets/1", null).path("changeset");
            assertTrue(changeset.toString(), changeset.path("description").asText().contains("20000 inserted"));
        }
        // the same changes on the same (empty) parent hash to the same changeset id (api.md 3.3): each iModel has its own
        String id0 = call(200, "GET", "/imodels/" + iModels[0] + "/changesets/1", null).path("changeset").path("id").asText();
        String id1 = call(200, "GET", "/imodels/" + iModels[1] + "/changesets/1", null).path("changeset").path("id").asText();
        assertEquals(id0, id1);
        for (String im : iModels) {
            assertEquals(im, call(200, "GET", "/imodels/" + im + "/changesets/" + id0, null).path("changeset").path("_links").path("self")
                    .path("href").asText().split("/")[4]);
        }
    }

    @Test
    public void missingConnectorAndCorruptFileFailTheirTasksAndWriteNothing() throws Exception {
        client().installConnector("connector-csv.jar", "CSV");
        String tw = call(201, "POST", "/itwins", "{\"displayName\":\"Failures\"}").path("iTwin").path("id").asText();
        String im = call(201, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"Broken\"}").path("iModel").path("id").asText();
        String rootId = call(200, "GET", "/storage?iTwinId=" + tw, null).path("folder").path("id").asText();
        String bad = upload(rootId, "bad.csv", "id,name\nA,\"unterminated\nB,fine\n");
        String revit = upload(rootId, "Annex.rvt", "not really revit");
        String connection = call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + im
                + "\",\"sourceFiles\":[{\"storageFileId\":\"" + bad + "\",\"connectorType\":\"CSV\"},{\"storageFileId\":\"" + revit
                + "\",\"connectorType\":\"REVIT\"}]}").path("connection").path("id").asText();
        JsonNode run = run(connection);
        assertEquals(run.toString(), "Error", run.path("result").asText());
        assertEquals("AllJobsFailed", run.path("error").path("errorKey").asText());
        JsonNode csvTask = run.path("jobs").path(0).path("tasks").path(0);
        assertEquals("SourceFileCorrupted", csvTask.path("error").path("descriptionKey").asText());
        assertEquals("SNT_CON_2001", csvTask.path("error").path("errorCode").asText());
        assertTrue(csvTask.toString(), csvTask.path("error").path("message").asText().contains("line 2"));
        JsonNode revitTask = run.path("jobs").path(1).path("tasks").path(0);
        assertEquals("REVIT", run.path("jobs").path(1).path("connectorType").asText());
        assertEquals("ConnectorNotInstalled", revitTask.path("error").path("descriptionKey").asText());
        assertEquals("No installed connector handles type REVIT.", revitTask.path("error").path("message").asText());
        assertEquals(0, call(200, "GET", "/imodels/" + im + "/changesets", null).path("changesets").size());
    }

    /**
     * A first sync streams its inserts to the database while the connector reads (InsertStream): a file that turns out
     * corrupt after thousands of rows, or rows the database refuses, must still leave nothing behind.
     */
    @Test
    public void aFirstSyncThatFailsHalfwayWritesNothing() throws Exception {
        StringBuilder good = new StringBuilder("id,name\n");
        for (int i = 0; i < 2500; i++) {
            good.append('R').append(i).append(",row ").append(i).append('\n');
        }
        // line 2502: a quote that never closes, after 2,500 rows were handed to the writer
        CsvConnection setup = csvConnection("Halfway", "Halfway", "halfway.csv", good + "R2500,\"broken\nR2501,x\n");
        String im = setup.iModelId();
        String file = setup.fileId();
        String connection = setup.connectionId();
        JsonNode task = run(connection).path("jobs").path(0).path("tasks").path(0);
        assertEquals(task.toString(), "SourceFileCorrupted", task.path("error").path("descriptionKey").asText());
        assertTrue(task.toString(), task.path("error").path("message").asText().contains("line 2502"));
        assertEquals(0, call(200, "GET", "/imodels/" + im + "/changesets", null).path("changesets").size());
        assertEquals(0, call(200, "GET", "/imodels/" + im + "/elements", null).path("elements").size());

        // an identifier longer than the database keeps (1,024 characters) fails the insert itself, in the writer
        replace(file, good + "R" + "x".repeat(2000) + ",too long\n");
        task = run(connection).path("jobs").path(0).path("tasks").path(0);
        assertEquals(task.toString(), "Error", task.path("result").asText());
        assertEquals(task.toString(), "BridgingFailed", task.path("error").path("descriptionKey").asText());
        assertTrue(task.toString(), task.path("error").path("message").asText().contains("could not be written"));
        assertEquals(0, call(200, "GET", "/imodels/" + im + "/changesets", null).path("changesets").size());
        assertEquals(0, call(200, "GET", "/imodels/" + im + "/elements", null).path("elements").size());

        replace(file, good.toString());
        JsonNode run = run(connection);
        assertEquals(run.toString(), "Success", run.path("result").asText());
        JsonNode changeset = call(200, "GET", "/imodels/" + im + "/changesets/1", null).path("changeset");
        assertTrue(changeset.toString(), changeset.path("description").asText().contains("2500 inserted"));
        // exactly the 2,500 rows of this run: nothing of the two failed ones stayed
        assertEquals(500, call(200, "GET", "/imodels/" + im + "/elements?$top=1000&$skip=2000", null).path("elements").size());
        assertEquals(0, call(200, "GET", "/imodels/" + im + "/elements?$top=1000&$skip=2500", null).path("elements").size());
        JsonNode first = call(200, "GET", "/imodels/" + im + "/elements?$top=1", null).path("elements").path(0);
        assertEquals(first.toString(), "R0", first.path("codeValue").asText());
        // the failed runs allocated no ids either: the model and its first element have the first ids of the iModel
        assertEquals(first.toString(), "0x20", first.path("modelId").asText());
        assertEquals(first.toString(), "0x21", first.path("id").asText());
    }
}
