package io.sinter.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sinter.core.api.BootInfo;
import io.sinter.core.api.ServerStatus;
import io.sinter.core.api.ServerStatus.Check;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestUnitsTest {

    @Test
    void errorEnvelopeHasCodeAndMessage() {
        assertEquals(Map.of("error", Map.of("code", "NotFound", "message", "m")), ErrorMapper.envelope("NotFound", "m"));
        assertEquals("NotFound", ErrorMapper.codeFor(404));
        assertEquals("MethodNotAllowed", ErrorMapper.codeFor(405));
        assertEquals("ServiceUnavailable", ErrorMapper.codeFor(503));
        assertEquals("InternalServerError", ErrorMapper.codeFor(502));
    }

    @Test
    void healthBodyNamesFailingChecks() {
        ServerStatus down = new ServerStatus("1.0", Instant.parse("2026-01-02T03:04:05Z"), Duration.ofSeconds(61),
                new Check(false, "database jdbc:x does not answer"), new Check(true, "/data"), 2,
                new BootInfo(Instant.EPOCH, null, "0.9"));
        Map<String, Object> body = HealthResource.body(down);
        assertEquals("DOWN", body.get("status"));
        assertEquals("2026-01-02T03:04:05.000Z", body.get("startedAt"));
        assertEquals(61L, body.get("uptimeSeconds"));
        assertEquals(Map.of("database", "DOWN", "storage", "UP", "connectors", 2), body.get("checks"));
        assertEquals(Map.of("database", "database jdbc:x does not answer"), body.get("failures"));

        ServerStatus up = new ServerStatus("1.0", Instant.EPOCH, Duration.ZERO, new Check(true, "Derby"), new Check(true, "/d"), 0, null);
        Map<String, Object> ok = HealthResource.body(up);
        assertEquals("UP", ok.get("status"));
        assertFalse(ok.containsKey("failures"));
    }

    @Test
    void jettyGetsSinterHostAndPortAndIsEnabled() {
        Map<String, Object> jetty = HttpEndpoint.jettyProperties(new HttpEndpoint.Config() {
            @Override public Class<? extends Annotation> annotationType() { return HttpEndpoint.Config.class; }
            @Override public String host() { return "127.0.0.5"; }
            @Override public int port() { return 9191; }
        });
        assertEquals(Boolean.TRUE, jetty.get("org.apache.felix.http.enable"));
        assertEquals("127.0.0.5", jetty.get("org.apache.felix.http.host"));
        assertEquals(9191, jetty.get("org.osgi.service.http.port"));
    }
}
