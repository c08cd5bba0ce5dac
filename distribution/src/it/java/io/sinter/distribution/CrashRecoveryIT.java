package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/**
 * A crash in the middle of a run (api.md section 5.8 #11): the server JVM is killed (SIGKILL, no
 * shutdown hook) while a 150,000-row task runs; the next start finds the run not completed, rolls the
 * task back and runs it again, and the iModel ends with exactly one whole changeset.
 */
public class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 150_000;
    private final List<Process> started = new ArrayList<>();

    @After
    public void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(Path home, int port) throws IOException {
        Path jar = Path.of(System.getProperty("sinter.it.home", "target/sinter"), "sinter.jar").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(home.resolve("logs"));
        Process process = new ProcessBuilder(java, "-Xmx512m", "-Dsinter.http.port=" + port, "-jar", jar.toString())
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("logs/console.txt").toFile()).start();
        started.add(process);
        return process;
    }

    private static JsonNode call(int port, int expected, String method, String url, String body) throws Exception {
        Http.Answer answer = Http.send(port, method, url, body);
        assertEquals(method + " " + url + " -> " + answer.body(), expected, answer.status());
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }

    private static JsonNode awaitRun(int port, String location, java.util.function.Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode run = call(port, 200, "GET", location, null).path("run");
            if (condition.test(run)) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run did not reach the expected state: " + run);
            }
            Thread.sleep(100);
        }
    }

    @Test
    public void runKilledMidTaskCompletesAfterTheNextStart() throws Exception {
        int port = SinterRuntime.freePort();
        Path home = SinterRuntime.newHome("crash", port);
        Files.copy(Path.of(System.getProperty("sinter.it.connectors"), "connector-csv.jar"), home.resolve("deploy/connector-csv.jar"));
        Process first = start(home, port);
        Http.await(port, "/health", 200, Duration.ofSeconds(90));
        Http.awaitBody(port, "/synchronization/connectors", "\"types\":[\"CSV\"", Duration.ofSeconds(30));

        String tw = call(port, 201, "POST", "/itwins", "{\"displayName\":\"Crash\"}").path("iTwin").path("id").asText();
        String im = call(port, 201, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"Crash\"}").path("iModel").path("id").asText();
        String root = call(port, 200, "GET", "/storage?iTwinId=" + tw, null).path("folder").path("id").asText();
        StringBuilder csv = new StringBuilder("id,name,size,weight\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("R").append(i).append(",Row ").append(i).append(',').append(i % 97).append(',').append(i * 0.25).append('\n');
        }
        JsonNode ticket = call(port, 202, "POST", "/storage/folders/" + root + "/files", "{\"displayName\":\"big.csv\"}");
        assertEquals(201, Http.send(port, "PUT", ticket.path("_links").path("uploadUrl").path("href").asText(), csv.toString()).status());
        String file = ticket.path("file").path("id").asText();
        call(port, 200, "POST", "/storage/files/" + file + "/complete", null);
        String connection = call(port, 201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + im
                + "\",\"sourceFiles\":[{\"storageFileId\":\"" + file + "\",\"connectorType\":\"CSV\"}]}").path("connection").path("id").asText();
        Http.Answer startedRun = Http.send(port, "POST", "/synchronization/imodels/storageconnections/" + connection + "/run", null);
        assertEquals(202, startedRun.status());
        String location = startedRun.header("Location");
        awaitRun(port, location, r -> "Executing".equals(r.path("jobs").path(0).path("tasks").path(0).path("state").asText()), Duration.ofSeconds(60));
        assertNotEquals("Completed", call(port, 200, "GET", location, null).path("run").path("state").asText());

        first.destroyForcibly();
        assertEquals("killed, not stopped", true, first.waitFor(30, TimeUnit.SECONDS));
        Http.awaitClosed(port, Duration.ofSeconds(10));

        start(home, port);
        Http.await(port, "/health", 200, Duration.ofSeconds(90));
        JsonNode run = awaitRun(port, location, r -> "Completed".equals(r.path("state").asText()), Duration.ofSeconds(300));
        assertEquals(run.toString(), "Success", run.path("result").asText());
        assertEquals(ROWS, run.path("jobs").path(0).path("tasks").path(0).path("details").path("elementCounts").path("inserted").asInt());
        JsonNode changesets = call(port, 200, "GET", "/imodels/" + im + "/changesets", null).path("changesets");
        assertEquals("one whole changeset, nothing half-written by the killed attempt: " + changesets, 1, changesets.size());
        assertEquals("CSV: big.csv - " + ROWS + " inserted, 0 updated, 0 deleted", changesets.path(0).path("description").asText());
    }
}
