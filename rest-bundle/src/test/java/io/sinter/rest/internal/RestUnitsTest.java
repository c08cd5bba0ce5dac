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
            @Override public String publicBaseUrl() { return ""; }
            @Override public int maxJsonBytes() { return 1024; }
            @Override public String rateLimit() { return ""; }
            @Override public String[] cors_allowedOrigins() { return new String[0]; }
        });
        assertEquals(Boolean.TRUE, jetty.get("org.apache.felix.http.enable"));
        assertEquals("127.0.0.5", jetty.get("org.apache.felix.http.host"));
        assertEquals(9191, jetty.get("org.osgi.service.http.port"));
    }

    @Test
    void literalSegmentsAndQueryNamesAreCanonical() {
        assertEquals("/synchronization/imodels/storageconnections/AbC/runs", CanonicalRequestFilter.canonicalPath("/Synchronization/iModels/storageConnections/AbC/RUNS/"));
        assertEquals("/", CanonicalRequestFilter.canonicalPath("/"));
        assertEquals("imodelId=x&%24top=5&unknown=Y", CanonicalRequestFilter.canonicalQuery("IMODELID=x&%24TOP=5&unknown=Y"));
        assertEquals("%24skip=1", CanonicalRequestFilter.canonicalQuery("$Skip=1"));
    }

    @Test
    void pagingRules() {
        assertEquals(100, Paging.top(null, "X"));
        assertEquals(1000, Paging.top("5000", "X"));
        assertEquals(7, Paging.top("7", "X"));
        for (String bad : new String[] {"0", "-1", "1.5", "ten"}) {
            io.sinter.core.api.ServiceException e = org.junit.jupiter.api.Assertions.assertThrows(io.sinter.core.api.ServiceException.class, () -> Paging.top(bad, "X"));
            assertEquals("$top", e.target());
            assertEquals("X", e.code());
        }
        assertEquals(0, Paging.skip(null, "X"));
        io.sinter.core.api.Page<String> page = new io.sinter.core.api.Page<>(java.util.List.of("a"), 100, 100, true);
        java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("imodelId", "f795e5df-3a72");
        query.put("name", null);
        Map<String, Object> links = Paging.links("http://127.0.0.1:8080", "/synchronization/imodels/storageconnections", query, page);
        assertEquals(Map.of("href", "http://127.0.0.1:8080/synchronization/imodels/storageconnections?imodelId=f795e5df-3a72&$skip=100&$top=100"), links.get("self"));
        assertEquals(Map.of("href", "http://127.0.0.1:8080/synchronization/imodels/storageconnections?imodelId=f795e5df-3a72&$skip=0&$top=100"), links.get("prev"));
        assertEquals(Map.of("href", "http://127.0.0.1:8080/synchronization/imodels/storageconnections?imodelId=f795e5df-3a72&$skip=200&$top=100"), links.get("next"));
        assertEquals(true, Paging.representation("respond-async, Return=Representation"));
        assertEquals(false, Paging.representation("return=minimal"));
        assertEquals(false, Paging.representation(null));
    }
}
