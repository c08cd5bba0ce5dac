package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** The assembled server in one framework: bundles, /health over HTTP, the shell, live configuration. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ServerIT {

    @Inject
    BundleContext context;

    @Inject
    CommandProcessor commandProcessor;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("server", port), port);
    }

    private int port() {
        return Integer.parseInt(context.getProperty(SinterRuntime.PORT));
    }

    @Test
    public void everyBundleOfTheDistributionIsActive() throws Exception {
        Http.await(port(), "/health", 200, Duration.ofSeconds(60));
        List<String> problems = new ArrayList<>();
        java.util.Set<String> sinterBundles = new java.util.TreeSet<>();
        for (Path jar : SinterRuntime.runBundles()) {
            Bundle bundle = context.getBundle(jar.toUri().toString());
            if (bundle == null) {
                problems.add(jar.getFileName() + " not installed");
                continue;
            }
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(bundle.getSymbolicName() + " in state " + bundle.getState());
            }
            if (bundle.getSymbolicName().startsWith("io.sinter.")) {
                sinterBundles.add(bundle.getSymbolicName());
            }
        }
        assertTrue("bundles of the distribution not active: " + problems, problems.isEmpty());
        assertTrue(sinterBundles.toString(), sinterBundles.containsAll(List.of("io.sinter.boot", "io.sinter.core", "io.sinter.derby", "io.sinter.rest")));
    }

    @Test
    public void healthAnswersUpOverHttpWithEnvelopeForUnknownPaths() throws Exception {
        Http.Answer health = Http.await(port(), "/health", 200, Duration.ofSeconds(60));
        assertTrue(health.contentType(), health.contentType().startsWith("application/json"));
        assertTrue(health.body(), health.body().contains("\"status\":\"UP\""));
        assertTrue(health.body(), health.body().contains("\"database\":\"UP\""));
        assertTrue(health.body(), health.body().contains("\"storage\":\"UP\""));
        assertTrue(health.body(), health.body().contains("\"connectors\":0"));
        assertTrue(health.body(), health.body().matches(".*\"version\":\"\\d+\\.\\d+\\.\\d+[^\"]*\".*"));
        assertTrue(health.body(), health.body().matches(".*\"startedAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\".*"));

        Http.Answer connectors = Http.get(port(), "/synchronization/connectors");
        assertEquals(200, connectors.status());
        assertTrue(connectors.body(), connectors.body().startsWith("{\"connectors\":[],\"connectorTypes\":["));
        assertTrue(connectors.body(), connectors.body().contains("{\"name\":\"IFC\",\"installed\":false,\"connectorId\":null}"));

        Http.Answer missing = Http.get(port(), "/no/such/route");
        assertEquals(404, missing.status());
        assertEquals("{\"error\":{\"code\":\"NotFound\",\"message\":\"No resource at this path.\"}}", missing.body());

        Http.Answer wrongMethod = Http.send(port(), "POST", "/health", null);
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.body(), wrongMethod.body().contains("\"code\":\"MethodNotAllowed\""));
    }

    /** api.md section 7.9: the contract as OpenAPI 3.0.3, without authentication, naming this server. */
    @Test
    public void openApiDocumentIsServedWithoutAuthentication() throws Exception {
        Http.await(port(), "/health", 200, Duration.ofSeconds(60));
        Http.Answer document = Http.get(port(), "/openapi.yaml");
        assertEquals(document.body(), 200, document.status());
        assertTrue(document.contentType(), document.contentType().startsWith("application/yaml"));
        assertTrue(document.body().substring(0, Math.min(200, document.body().length())), document.body().startsWith("openapi: 3.0.3\n"));
        assertTrue("servers names the public base URL", document.body().contains("servers:\n  - url: 'http://127.0.0.1:" + port() + "'\n"));
        assertTrue(document.body().contains("\n  /synchronization/imodels/storageconnections/{connectionId}/runs/{runId}:\n"));
        // literal segments match case-insensitively (api.md section 1.3)
        assertEquals(200, Http.get(port(), "/OpenAPI.yaml").status());
    }

    @Test
    public void shellCommandsAnswer() throws Exception {
        Http.await(port(), "/health", 200, Duration.ofSeconds(60));
        String status = shell("sinter:status");
        assertTrue(status, status.contains("status     UP"));
        assertTrue(status, status.contains("database   UP"));
        assertTrue(status, status.contains("previous   none (first start)"));
        String connectors = shell("sinter:connectors");
        assertTrue(connectors, connectors.contains("No connectors installed."));
    }

    private String shell(String command) throws Exception {
        return Shell.run(commandProcessor, command);
    }

    /** A changed etc/io.sinter.http.cfg moves the server to another port without a restart. */
    @Test
    public void zHttpPortFollowsTheConfigurationFileWithoutRestart() throws Exception {
        int oldPort = port();
        Http.await(oldPort, "/health", 200, Duration.ofSeconds(60));
        int newPort = SinterRuntime.freePort();
        SinterRuntime.writeHttpConfig(Path.of(context.getProperty(SinterRuntime.HOME)), newPort);
        Http.await(newPort, "/health", 200, Duration.ofSeconds(30));
        Http.awaitClosed(oldPort, Duration.ofSeconds(30));
        SinterRuntime.writeHttpConfig(Path.of(context.getProperty(SinterRuntime.HOME)), oldPort);
        Http.await(oldPort, "/health", 200, Duration.ofSeconds(30));
    }
}
