package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.junit.Assume;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The download guard (SSRF): manifest URLs that point at loopback addresses, at {@code localhost},
 * through a redirect at a loopback address, or at Sinter itself are refused, either with a 422 at
 * request time or with a task error {@code SourceFileNotAccessible}, and the target server never sees
 * a request. {@code sinter.sync.download.allowPrivate} lists only {@code 127.0.0.1:<port A>}, the
 * redirecting server; every other loopback destination is treated as with an empty list. The last test
 * lists {@code 127.0.0.1} without a port, which must still not open Sinter's own port.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SsrfIT {
    private static final String BASE = "/synchronization/imodels/manifestconnections";
    /** Framework property with the one port allowPrivate lists (server A of the redirect test). */
    private static final String ALLOWED_PORT = "sinter.it.ssrf.allowedPort";

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        int port = SinterRuntime.freePort();
        int allowed = SinterRuntime.freePort();
        while (allowed == port) {
            allowed = SinterRuntime.freePort();
        }
        Path home = SinterRuntime.newHome("ssrf", port);
        Files.writeString(home.resolve("etc/io.sinter.sync.cfg"), "retries = 2\nretryDelays = 0.2\ndownload.allowPrivate = 127.0.0.1:" + allowed + "\n");
        return Stream.concat(Arrays.stream(SinterRuntime.options(home, port)), Stream.of(frameworkProperty(ALLOWED_PORT).value(Integer.toString(allowed))))
                .toArray(Option[]::new);
    }

    /** Creates an iModel with a manifest connection registering {@code documents}; returns the connection id. */
    private static String connection(SyncClient c, String name, String... documents) throws Exception {
        c.installConnector("connector-csv.jar", "CSV");
        return connectionOn(c, c.iModel(name)[1], documents);
    }

    private static String connectionOn(SyncClient c, String im, String... documents) throws Exception {
        StringBuilder files = new StringBuilder();
        for (String d : documents) {
            files.append(files.length() == 0 ? "" : ",").append("{\"sourceFileId\":\"").append(d).append("\"}");
        }
        return c.call(201, "POST", BASE, "{\"iModelId\":\"" + im + "\",\"sourceFiles\":[" + files + "]}").path("connection").path("id").asText();
    }

    private static String item(String id, String url) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + ".csv\",\"url\":\"" + url + "\",\"connectorType\":\"csv\"}";
    }

    /** Posts a one-file manifest that must answer 422 on its URL; returns the detail's message. */
    private static String refusedAtRequest(SyncClient c, String connection, String url) throws Exception {
        JsonNode error = c.call(422, "POST", BASE + "/" + connection + "/runs", "{\"sourceFiles\":[" + item("doc-1", url) + "]}").path("error");
        assertEquals("InvalidManifestConnectionRequest", error.path("code").asText());
        JsonNode detail = error.path("details").path(0);
        assertEquals(error.toString(), "sourceFiles[0].url", detail.path("target").asText());
        assertEquals("InvalidValue", detail.path("code").asText());
        return detail.path("message").asText();
    }

    @Test
    public void ipv6LoopbackIsRefusedAtRequestTime() throws Exception {
        SourceServer v6;
        try {
            v6 = new SourceServer(InetAddress.getByName("::1"), 0);
        } catch (IOException e) {
            Assume.assumeNoException("no IPv6 loopback on this machine", e);
            return;
        }
        try (v6) {
            v6.serve("/a.csv", SourceServer.ok("id,name\nA,One\n"));
            SyncClient c = new SyncClient(context);
            String connection = connection(c, "SsrfV6", "doc-1");
            String message = refusedAtRequest(c, connection, "http://[::1]:" + v6.port() + "/a.csv");
            assertEquals("::1 is a loopback address; Sinter does not fetch from loopback, private, link-local or multicast addresses "
                    + "unless sinter.sync.download.allowPrivate lists it.", message);
            assertTrue(refusedAtRequest(c, connection, "http://[::ffff:127.0.0.1]:" + v6.port() + "/a.csv").contains("is a loopback address"));
            assertEquals("the refused server saw no request", 0, v6.totalHits());
            assertEquals(0, c.call(200, "GET", BASE + "/" + connection + "/runs", null).path("runs").size());
        }
    }

    @Test
    public void loopbackLiteralsLocalhostAndPrivateAddressesAnswer422() throws Exception {
        SyncClient c = new SyncClient(context);
        String connection = connection(c, "SsrfLiteral", "doc-1");
        try (SourceServer target = new SourceServer()) {
            target.serve("/a.csv", SourceServer.ok("id,name\nA,One\n"));
            assertEquals("127.0.0.1 is a loopback address; Sinter does not fetch from loopback, private, link-local or multicast addresses "
                    + "unless sinter.sync.download.allowPrivate lists it.", refusedAtRequest(c, connection, target.url("/a.csv")));
            assertEquals("localhost resolves to 127.0.0.1, which is a loopback address; Sinter does not fetch from loopback, private, link-local "
                    + "or multicast addresses unless sinter.sync.download.allowPrivate lists it.",
                    refusedAtRequest(c, connection, "http://localhost:" + target.port() + "/a.csv"));
            // java.net.URI reads no host from the short IPv4 form, so this is no http URL at all
            refusedAtRequest(c, connection, "http://127.1:" + target.port() + "/a.csv");
            // decided from the literal alone: nothing is connected
            assertTrue(refusedAtRequest(c, connection, "http://169.254.169.254/latest/meta-data/").startsWith("169.254.169.254 is a link-local address;"));
            assertTrue(refusedAtRequest(c, connection, "http://10.0.0.1/a.csv").startsWith("10.0.0.1 is a private address;"));
            assertTrue(refusedAtRequest(c, connection, "http://0.0.0.0:" + target.port() + "/a.csv").startsWith("0.0.0.0 is an unspecified address;"));
            assertEquals("the refused server saw no request", 0, target.totalHits());
            assertEquals(0, c.call(200, "GET", BASE + "/" + connection + "/runs", null).path("runs").size());
        }
    }

    @Test
    public void redirectsToRefusedAddressesFailTheTaskWithoutARequest() throws Exception {
        SyncClient c = new SyncClient(context);
        String connection = connection(c, "SsrfRedirect", "doc-ok", "doc-ip", "doc-name", "doc-fake");
        int allowed = Integer.parseInt(context.getProperty(ALLOWED_PORT));
        try (SourceServer a = new SourceServer(InetAddress.getByName("127.0.0.1"), allowed); SourceServer b = new SourceServer()) {
            b.serve("/file.csv", SourceServer.ok("id,name\nB,Secret\n"));
            a.serve("/ok.csv", SourceServer.ok("id,name\nA,One\n"));
            a.serve("/go", SourceServer.redirect(b.url("/file.csv")));
            a.serve("/go-name", SourceServer.redirect("http://localhost:" + b.port() + "/file.csv"));
            Http.Answer answer = Http.send(c.port(), "POST", BASE + "/" + connection + "/runs", "{\"sourceFiles\":[" + item("doc-ok", a.url("/ok.csv"))
                    + "," + item("doc-ip", a.url("/go")) + "," + item("doc-name", a.url("/go-name"))
                    // looks like a signed blob URL, so it passes the request check; no such blob: fetched over HTTP, guard applies
                    + "," + item("doc-fake", b.url("/storage/blobs/nope?sp=r&se=1&sig=x")) + "]}");
            assertEquals(answer.body(), 202, answer.status());
            JsonNode run = c.awaitRun(answer.header("Location"), Duration.ofSeconds(60));
            assertEquals(run.toString(), "PartialSuccess", run.path("result").asText());
            JsonNode tasks = run.path("jobs").path(0).path("tasks");
            for (JsonNode task : tasks) {
                String id = task.path("sourceFileId").asText();
                if (id.equals("doc-ok")) {
                    assertEquals("the allowlisted host and port is fetched", "Success", task.path("result").asText());
                    continue;
                }
                assertEquals(task.toString(), "Error", task.path("result").asText());
                assertEquals("SourceFileNotAccessible", task.path("error").path("descriptionKey").asText());
                assertEquals("SNT_DLD_0403", task.path("error").path("errorCode").asText());
                assertEquals("a refusal is not retried", 0, task.path("retryAttempts").asInt());
                String details = task.path("error").path("details").asText();
                String host = id.equals("doc-name") ? "localhost" : "127.0.0.1";
                String path = id.equals("doc-fake") ? "/storage/blobs/nope?sp=r&se=1&sig=x" : "/file.csv";
                assertTrue(details, details.startsWith("GET http://" + host + ":" + b.port() + path + ": " + host));
                assertTrue(details, details.contains("is a loopback address;"));
            }
            assertEquals(4, tasks.size());
            assertEquals(1, a.hits("/ok.csv"));
            assertEquals(1, a.hits("/go"));
            assertEquals(1, a.hits("/go-name"));
            assertEquals("the redirect target saw no request", 0, b.totalHits());
        }
    }

    @Test
    public void sinterItselfIsRefusedEvenWhenItsHostIsListedButItsSignedBlobUrlsAreRead() throws Exception {
        SyncClient c = new SyncClient(context);
        c.installConnector("connector-csv.jar", "CSV");
        String[] ids = c.iModel("SsrfSelf");
        String connection = connectionOn(c, ids[1], "doc-1");
        String self = "http://127.0.0.1:" + c.port() + "/health";
        String own = "127.0.0.1:" + c.port() + " is this server's own HTTP listener; Sinter does not fetch from itself unless "
                + "sinter.sync.download.allowPrivate lists that host with this port.";
        assertEquals(own, refusedAtRequest(c, connection, self));

        // an operator lists 127.0.0.1 without a port: loopback sources are fetched, Sinter's own port still is not
        Path cfg = Path.of(context.getProperty(SinterRuntime.HOME), "etc/io.sinter.sync.cfg");
        Files.writeString(cfg, "retries = 2\nretryDelays = 0.2\ndownload.allowPrivate = 127.0.0.1\n");
        awaitAllowPrivate("127.0.0.1", Duration.ofSeconds(30));
        // the new configuration restarts the run service; the REST resources come back a moment later
        Http.await(c.port(), BASE + "/" + connection + "/runs", 200, Duration.ofSeconds(30));
        assertEquals(own, refusedAtRequest(c, connection, self));
        assertEquals(own.replace("127.0.0.1:", "localhost:"), refusedAtRequest(c, connection, "http://localhost:" + c.port() + "/health"));

        // a signed download URL of Sinter's own storage points at the same host and port, and is read from storage
        String fileId = c.upload(ids[2], "stored.csv", "id,name\nS,Stored\n");
        Http.Answer download = Http.send(c.port(), "GET", "/storage/files/" + fileId + "/download", null);
        assertEquals(302, download.status());
        String blobUrl = download.header("Location");
        assertTrue(blobUrl, blobUrl.startsWith("http://127.0.0.1:" + c.port() + "/storage/blobs/"));
        Http.Answer started = Http.send(c.port(), "POST", BASE + "/" + connection + "/runs", "{\"sourceFiles\":[" + item("doc-1", blobUrl) + "]}");
        assertEquals(started.body(), 202, started.status());
        JsonNode run = c.awaitRun(started.header("Location"), Duration.ofSeconds(60));
        assertEquals(run.toString(), "Success", run.path("result").asText());
    }

    /** Waits until the run service carries {@code value} as download.allowPrivate (FileInstall polls etc/ every second). */
    private void awaitAllowPrivate(String value, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] refs = context.getServiceReferences("io.sinter.core.api.RunService", null);
            if (refs != null && refs.length > 0) {
                Object property = refs[0].getProperty("download.allowPrivate");
                last = property instanceof String[] values ? String.join(",", values) : String.valueOf(property);
                if (value.equals(last)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("download.allowPrivate never became " + value + "; last: " + last);
    }
}
