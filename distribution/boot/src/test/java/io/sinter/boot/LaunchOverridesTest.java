package io.sinter.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOverridesTest {

    @Test
    void sinterPropertyNamesItsPid() {
        assertEquals("io.sinter.sync", LaunchOverrides.pidOf("sinter.sync.workers"));
        assertEquals("io.sinter.http", LaunchOverrides.pidOf("sinter.http.cors.allowedOrigins"));
        assertNull(LaunchOverrides.pidOf("sinter.data"));
        assertNull(LaunchOverrides.pidOf("sinter.http."));
        assertNull(LaunchOverrides.pidOf("org.osgi.service.http.port"));
    }

    @Test
    void overridesOnlyTheirOwnPidAndKeepDottedNames() {
        Map<String, String> launch = Map.of(
                "sinter.sync.workers", "4",
                "sinter.sync.download.allowedHosts", "127.0.0.1",
                "sinter.synchronous.x", "no",
                "sinter.http.port", "9000");
        Map<String, String> sync = LaunchOverrides.forPid("io.sinter.sync", launch, name -> null);
        assertEquals(Map.of("workers", "4", "download.allowedHosts", "127.0.0.1"), sync);
        assertTrue(LaunchOverrides.forPid("org.apache.felix.http", launch, name -> null).isEmpty());
        assertTrue(LaunchOverrides.forPid("io.sinter.", launch, name -> null).isEmpty());
    }

    @Test
    void osgiHttpPortIsAnAliasThatSinterPropertyBeats() {
        Map<String, String> aliases = Map.of("org.osgi.service.http.port", "8181", "org.apache.felix.http.host", "127.0.0.2");
        assertEquals(Map.of("port", "8181", "host", "127.0.0.2"),
                LaunchOverrides.forPid("io.sinter.http", Map.of(), aliases::get));
        assertEquals(Map.of("port", "9000", "host", "127.0.0.2"),
                LaunchOverrides.forPid("io.sinter.http", Map.of("sinter.http.port", "9000"), aliases::get));
    }

    @Test
    void applyReplacesFileValues() {
        Hashtable<String, Object> fromFile = new Hashtable<>(Map.of("workers", "2", "runTimeout", "60"));
        LaunchOverrides.apply(Map.of("workers", "8"), fromFile);
        assertEquals("8", fromFile.get("workers"));
        assertEquals("60", fromFile.get("runTimeout"));
    }
}
