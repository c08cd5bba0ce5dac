package io.sinter.distribution;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.osgi.framework.BundleContext;

/** The REST calls the synchronization ITs share: JSON calls, connector installation, uploads, polling a run. */
final class SyncClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final BundleContext context;

    SyncClient(BundleContext context) {
        this.context = context;
    }

    int port() throws Exception {
        int port = Integer.parseInt(context.getProperty(SinterRuntime.PORT));
        Http.await(port, "/health", 200, Duration.ofSeconds(60));
        return port;
    }

    /** Sends a request, asserts the status and returns the JSON body (null when empty). */
    JsonNode call(int expected, String method, String url, String body, String... headers) throws Exception {
        Http.Answer answer = Http.send(port(), method, url, body, headers);
        assertEquals(method + " " + url + " -> " + answer.body(), expected, answer.status());
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }

    /** Drops the shipped connector {@code jar} (e.g. connector-csv.jar) into deploy/ and waits until it lists {@code type} first. */
    void installConnector(String jar, String type) throws Exception {
        Path deploy = Path.of(context.getProperty(SinterRuntime.HOME), "deploy");
        Path target = deploy.resolve(jar);
        if (!Files.exists(target)) {
            Path staged = Files.copy(Path.of(System.getProperty("sinter.it.connectors"), jar), deploy.getParent().resolve(jar + ".tmp"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Http.awaitBody(port(), "/synchronization/connectors", "\"types\":[\"" + type + "\"", Duration.ofSeconds(30));
    }

    /** @return the ids of a new iTwin, its iModel and the iTwin's root folder */
    String[] iModel(String name) throws Exception {
        String tw = call(201, "POST", "/itwins", "{\"displayName\":\"" + name + "\"}").path("iTwin").path("id").asText();
        String im = call(201, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"" + name + "\"}").path("iModel").path("id").asText();
        String root = call(200, "GET", "/storage?iTwinId=" + tw, null).path("folder").path("id").asText();
        return new String[] {tw, im, root};
    }

    /** Uploads a new storage file and returns its id. */
    String upload(String folderId, String name, String content) throws Exception {
        JsonNode ticket = call(202, "POST", "/storage/folders/" + folderId + "/files", "{\"displayName\":\"" + name + "\"}");
        assertEquals(201, Http.send(port(), "PUT", ticket.path("_links").path("uploadUrl").path("href").asText(), content).status());
        String id = ticket.path("file").path("id").asText();
        call(200, "POST", "/storage/files/" + id + "/complete", null);
        return id;
    }

    /** Replaces the content of a storage file (the file id stays). */
    void replace(String fileId, String content) throws Exception {
        JsonNode ticket = call(202, "POST", "/storage/files/" + fileId + "/updatecontent", null);
        assertEquals(201, Http.send(port(), "PUT", ticket.path("_links").path("uploadUrl").path("href").asText(), content).status());
        call(200, "POST", "/storage/files/" + fileId + "/complete", null);
    }

    /** Polls a run URL until the run is Completed and returns it. */
    JsonNode awaitRun(String location, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode run = call(200, "GET", location, null).path("run");
            if ("Completed".equals(run.path("state").asText())) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run did not complete: " + run);
            }
            Thread.sleep(100);
        }
    }

    /** Polls a run URL until {@code condition} holds for the run. */
    JsonNode awaitRun(String location, java.util.function.Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode run = call(200, "GET", location, null).path("run");
            if (condition.test(run)) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run did not reach the expected state: " + run);
            }
            Thread.sleep(50);
        }
    }
}
