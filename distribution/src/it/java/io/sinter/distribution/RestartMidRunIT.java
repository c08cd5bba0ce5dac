package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Inject;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;

/**
 * A framework stopped in the middle of a run (api.md section 5.8 #10, #11): the running task is rolled
 * back, the next framework on the same home resumes the run, and the iModel ends with exactly one
 * complete changeset. Each method runs in a new framework on the same home.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RestartMidRunIT {
    private static final String SHARED = "sinter.it.restartMidRun";
    private static final int ROWS = 150_000;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        String shared = System.getProperty(SHARED);
        if (shared == null) {
            int port = SinterRuntime.freePort();
            shared = port + "|" + SinterRuntime.newHome("restart-mid-run", port);
            System.setProperty(SHARED, shared);
        }
        int bar = shared.indexOf('|');
        return SinterRuntime.options(Path.of(shared.substring(bar + 1)), Integer.parseInt(shared.substring(0, bar)));
    }

    @Test
    public void a_runIsInterruptedByAnOrderlyStop() throws Exception {
        SyncClient c = new SyncClient(context);
        c.installConnector("connector-csv.jar", "CSV");
        String[] ids = c.iModel("Restart");
        StringBuilder csv = new StringBuilder("id,name,size,weight\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("R").append(i).append(",Row ").append(i).append(',').append(i % 97).append(',').append(i * 0.25).append('\n');
        }
        String file = c.upload(ids[2], "big.csv", csv.toString());
        String connection = c.call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + ids[1]
                + "\",\"sourceFiles\":[{\"storageFileId\":\"" + file + "\",\"connectorType\":\"CSV\"}]}").path("connection").path("id").asText();
        Http.Answer started = Http.send(c.port(), "POST", "/synchronization/imodels/storageconnections/" + connection + "/run", null);
        assertEquals(202, started.status());
        String location = started.header("Location");
        System.setProperty(SHARED + ".run", location.substring(location.indexOf("/synchronization")));
        System.setProperty(SHARED + ".imodel", ids[1]);
        c.awaitRun(location, r -> "Executing".equals(r.path("jobs").path(0).path("tasks").path(0).path("state").asText()), Duration.ofSeconds(60));
        JsonNode run = c.call(200, "GET", location, null).path("run");
        assertNotEquals("the run must still be executing when the framework stops: " + run, "Completed", run.path("state").asText());
    }

    @Test
    public void b_nextStartResumesTheRunAndWritesOneWholeChangeset() throws Exception {
        SyncClient c = new SyncClient(context);
        String location = System.getProperty(SHARED + ".run");
        String iModel = System.getProperty(SHARED + ".imodel");
        JsonNode run = c.awaitRun(location, Duration.ofSeconds(240));
        assertEquals(run.toString(), "Success", run.path("result").asText());
        JsonNode task = run.path("jobs").path(0).path("tasks").path(0);
        assertEquals(ROWS, task.path("details").path("elementCounts").path("inserted").asInt());
        JsonNode changesets = c.call(200, "GET", "/imodels/" + iModel + "/changesets", null).path("changesets");
        assertEquals("no half changeset before the whole one: " + changesets, 1, changesets.size());
        JsonNode changeset = c.call(200, "GET", "/imodels/" + iModel + "/changesets/1", null).path("changeset");
        assertEquals("CSV: big.csv - " + ROWS + " inserted, 0 updated, 0 deleted", changeset.path("description").asText());
    }
}
