package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.sinter.core.api.SystemStatus;
import jakarta.persistence.EntityManagerFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.derby.drda.NetworkServerControl;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Switching from embedded Derby to the Derby network server is a change of etc/io.sinter.persistence.cfg
 * alone, made while the server runs; so is switching back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DatabaseSwitchIT {

    @Inject
    BundleContext context;

    @Inject
    SystemStatus systemStatus;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("dbswitch", port), port);
    }

    @Test
    public void derbyNetworkServerByConfigurationOnlyAndBack() throws Exception {
        int httpPort = Integer.parseInt(context.getProperty(SinterRuntime.PORT));
        Http.await(httpPort, "/health", 200, Duration.ofSeconds(60));
        Path home = Path.of(context.getProperty(SinterRuntime.HOME));
        Path cfg = home.resolve("etc/io.sinter.persistence.cfg");
        String embeddedCfg = Files.readString(cfg);
        String embeddedUrl = awaitDatabase(url -> url.startsWith("jdbc:derby:/"));

        int dbPort = SinterRuntime.freePort();
        NetworkServerControl server = new NetworkServerControl(InetAddress.getLoopbackAddress(), dbPort);
        server.start(null);
        awaitPing(server);
        try {
            String networkUrl = "jdbc:derby://127.0.0.1:" + dbPort + "/" + home.resolve("data/netdb") + ";create=true";
            Files.writeString(cfg, "url = " + networkUrl + "\nuser = sinter\npassword = sinter\n"
                    + "dataSourceFactory.target = (osgi.jdbc.driver.class=org.apache.derby.jdbc.ClientDriver)\n");
            assertEquals(networkUrl, awaitDatabase(networkUrl::equals));
            String health = Http.await(httpPort, "/health", 200, Duration.ofSeconds(30)).body();
            assertTrue(health, health.contains("\"database\":\"UP\""));
            assertTrue(systemStatus.status().database().detail().startsWith("Apache Derby"));
            assertEquals("the new database has its own history: this start only", 1, systemStatus.boots(10).size());
            assertTrue(Files.isDirectory(home.resolve("data/netdb")));
        } finally {
            Files.writeString(cfg, embeddedCfg);
            assertEquals(embeddedUrl, awaitDatabase(embeddedUrl::equals));
            server.shutdown();
        }
        assertEquals("back on the embedded database and its history", 2, systemStatus.boots(10).size());
    }

    /** Waits for the EntityManagerFactory service whose JDBC URL matches, and returns that URL. */
    private String awaitDatabase(java.util.function.Predicate<String> url) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = null;
        while (System.nanoTime() < deadline) {
            ServiceReference<EntityManagerFactory> ref = context.getServiceReference(EntityManagerFactory.class);
            last = ref == null ? null : (String) ref.getProperty("sinter.jdbc.url");
            if (last != null && url.test(last) && systemStatus.status().database().up() && !systemStatus.boots(1).isEmpty()) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the database did not switch; last URL " + last);
    }

    private static void awaitPing(NetworkServerControl server) throws Exception {
        Exception last = null;
        for (int i = 0; i < 100; i++) {
            try {
                server.ping();
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError("Derby network server did not start", last);
    }
}
