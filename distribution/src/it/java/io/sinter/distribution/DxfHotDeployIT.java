package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Issue 5's hot deployment on the assembled server: a DXF file fails with ConnectorNotInstalled while
 * the DXF bundle is absent; the jar copied into deploy/ is listed within seconds (REST and shell) and the
 * next run succeeds, aggregating the DXF next to a CSV in one iModel; removing the jar while a run uses
 * it ends that task cleanly, writes no half changeset and leaves the server healthy.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@org.junit.FixMethodOrder(org.junit.runners.MethodSorters.NAME_ASCENDING)
public class DxfHotDeployIT {
    private static final String CONNECTIONS = "/synchronization/imodels/storageconnections";

    @Inject
    BundleContext context;

    @Inject
    CommandProcessor commandProcessor;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("dxf-hotdeploy", port), port);
    }

    private String shell(String command) throws Exception {
        return Shell.run(commandProcessor, command);
    }

    /** An ASCII DXF (no HEADER) with {@code lines} LINE entities on layer WALLS. */
    private static String drawing(int lines) {
        return drawing(lines, 0x100);
    }

    /** The same drawing with handles numbered from {@code firstHandle}. */
    private static String drawing(int lines, int firstHandle) {
        StringBuilder dxf = new StringBuilder("0\nSECTION\n2\nENTITIES\n");
        for (int i = 0; i < lines; i++) {
            dxf.append("0\nLINE\n5\n").append(Integer.toHexString(firstHandle + i).toUpperCase()).append("\n8\nWALLS\n10\n").append(i)
                    .append("\n20\n0\n30\n0\n11\n").append(i).append("\n21\n3\n31\n0\n");
        }
        return dxf.append("0\nENDSEC\n0\nEOF\n").toString();
    }

    private JsonNode run(SyncClient c, String connection) throws Exception {
        Http.Answer started = Http.send(c.port(), "POST", CONNECTIONS + "/" + connection + "/run", null);
        assertEquals(started.body(), 202, started.status());
        return c.awaitRun(started.header("Location"), Duration.ofSeconds(120));
    }

    private static Path jar(BundleContext context) {
        return Path.of(context.getProperty(SinterRuntime.HOME), "deploy", "connector-dxf.jar");
    }

    @Test
    public void a_dxfConnectorArrivesAndLeavesWhileTheServerRuns() throws Exception {
        SyncClient c = new SyncClient(context);
        c.installConnector("connector-csv.jar", "CSV");
        assertFalse("no DXF connector before its jar is copied", c.call(200, "GET", "/synchronization/connectors", null).toString()
                .contains("\"types\":[\"DWG\"") || shell("sinter:connectors").contains("DXF"));
        String[] ids = c.iModel("Plant");
        String dxf = c.upload(ids[2], "plan.dxf", drawing(3));
        String csv = c.upload(ids[2], "pumps.csv", "id,name\nP1,Pump\nP2,Valve\n");
        String connection = c.call(201, "POST", CONNECTIONS, "{\"iModelId\":\"" + ids[1] + "\",\"sourceFiles\":[{\"storageFileId\":\"" + csv
                + "\",\"connectorType\":\"CSV\"},{\"storageFileId\":\"" + dxf + "\",\"connectorType\":\"DWG\"}]}").path("connection").path("id").asText();

        JsonNode without = run(c, connection);
        assertEquals(without.toString(), "PartialSuccess", without.path("result").asText());
        JsonNode dxfTask = without.path("jobs").path(1).path("tasks").path(0);
        assertEquals("ConnectorNotInstalled", dxfTask.path("error").path("descriptionKey").asText());

        c.installConnector("connector-dxf.jar", "DWG");
        assertTrue(shell("sinter:connectors"), shell("sinter:connectors").contains("DXF"));
        JsonNode with = run(c, connection);
        assertEquals(with.toString(), "Success", with.path("result").asText());
        assertEquals("Skipped", with.path("jobs").path(0).path("tasks").path(0).path("result").asText());
        assertEquals(3, with.path("jobs").path(1).path("tasks").path(0).path("details").path("elementCounts").path("inserted").asInt());
        JsonNode elements = c.call(200, "GET", "/imodels/" + ids[1] + "/elements", null).path("elements");
        Set<String> classes = new java.util.TreeSet<>();
        elements.forEach(e -> classes.add(e.path("classFullName").asText()));
        assertEquals("CSV rows and DXF lines in one iModel: " + classes, 2, classes.size());

        // a re-save that renumbers every handle: matched by content, nothing written, the report lists each match
        c.replace(dxf, drawing(3, 0x200));
        JsonNode renumbered = run(c, connection);
        JsonNode renumberedTask = renumbered.path("jobs").path(1).path("tasks").path(0);
        assertEquals(renumberedTask.toString(), "Success", renumberedTask.path("result").asText());
        assertTrue(renumberedTask.path("details").path("changeset").isNull());
        assertEquals(3, renumberedTask.path("details").path("matching").path("byContent").asInt());
        JsonNode report = c.call(200, "GET", "/synchronization/reports?runId=" + renumbered.path("id").asText() + "&taskId="
                + renumberedTask.path("id").asText(), null).path("reports").path(0).path("report");
        JsonNode first = report.path("matching").path("rematched").path(0);
        assertEquals(report.toString(), "100", first.path("oldIdentifier").asText());
        assertEquals("200", first.path("newIdentifier").asText());
        assertEquals("content", first.path("matchedBy").asText());
        assertEquals(3, report.path("matching").path("rematched").size());

        Files.delete(jar(context));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (c.call(200, "GET", "/synchronization/connectors", null).path("connectors").toString().contains("\"DWG\"")) {
            assertTrue("the DXF connector is still listed 30 s after its jar was deleted", System.nanoTime() < deadline);
            Thread.sleep(200);
        }
        assertFalse(shell("sinter:connectors").contains("DXF"));
    }

    @Test
    public void b_removingTheConnectorDuringARunEndsTheTaskCleanly() throws Exception {
        SyncClient c = new SyncClient(context);
        c.installConnector("connector-dxf.jar", "DWG");
        String[] ids = c.iModel("Removal");
        String dxf = c.upload(ids[2], "large.dxf", drawing(150_000));
        String connection = c.call(201, "POST", CONNECTIONS, "{\"iModelId\":\"" + ids[1] + "\",\"sourceFiles\":[{\"storageFileId\":\"" + dxf
                + "\",\"connectorType\":\"DXF\"}]}").path("connection").path("id").asText();
        Http.Answer started = Http.send(c.port(), "POST", CONNECTIONS + "/" + connection + "/run", null);
        String location = started.header("Location");
        c.awaitRun(location, r -> "Executing".equals(r.path("jobs").path(0).path("tasks").path(0).path("state").asText()), Duration.ofSeconds(60));
        Files.delete(jar(context));
        JsonNode run = c.awaitRun(location, Duration.ofSeconds(180));
        JsonNode task = run.path("jobs").path(0).path("tasks").path(0);
        String result = task.path("result").asText();
        assertTrue(task.toString(), result.equals("Error") || result.equals("Success"));
        JsonNode changesets = c.call(200, "GET", "/imodels/" + ids[1] + "/changesets", null).path("changesets");
        if (result.equals("Success")) {
            assertEquals(1, changesets.size());
            assertEquals("DXF: large.dxf - 150000 inserted, 0 updated, 0 deleted", changesets.path(0).path("description").asText());
        } else {
            assertEquals("an ended task wrote nothing: " + changesets, 0, changesets.size());
        }
        assertTrue(Http.get(c.port(), "/health").body().contains("\"status\":\"UP\""));
    }
}
