package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.sinter.core.api.BootInfo;
import io.sinter.core.api.SystemStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;

/**
 * Every test method runs in a NEW framework on the SAME home folder: what the first framework wrote
 * through the EntityManagerFactory is there in the next, and a stopped framework stopped cleanly.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class RestartIT {
    /** JVM-wide, so every framework of this class (one per method) gets the same home and port. */
    private static final String SHARED = "sinter.it.restart";

    @Inject
    BundleContext context;

    @Inject
    SystemStatus systemStatus;

    @Inject
    @Filter("(osgi.unit.name=sinter)")
    EntityManagerFactory emf;

    @Configuration
    public Option[] config() {
        String shared = System.getProperty(SHARED);
        if (shared == null) {
            int port = SinterRuntime.freePort();
            shared = port + "|" + SinterRuntime.newHome("restart", port);
            System.setProperty(SHARED, shared);
        }
        int bar = shared.indexOf('|');
        return SinterRuntime.options(Path.of(shared.substring(bar + 1)), Integer.parseInt(shared.substring(0, bar)));
    }

    @Test
    public void a_firstStartCreatesTheSchemaAndRecordsItself() throws Exception {
        Path db = Path.of(context.getProperty("sinter.data"), "db");
        assertTrue("embedded Derby in the data folder: " + db, Files.isRegularFile(db.resolve("service.properties")));
        List<BootInfo> boots = systemStatus.boots(10);
        assertEquals(1, boots.size());
        assertNull(boots.get(0).stoppedAt());
        assertEquals(1L, countBoots());
        assertTrue(Http.await(Integer.parseInt(context.getProperty(SinterRuntime.PORT)), "/health", 200, Duration.ofSeconds(60))
                .body().contains("\"status\":\"UP\""));
    }

    @Test
    public void b_secondStartSeesTheFirstStoppedCleanly() {
        List<BootInfo> boots = systemStatus.boots(10);
        assertEquals("the first framework's record survived the restart", 2, boots.size());
        assertEquals(2L, countBoots());
        assertNull("this start is running", boots.get(0).stoppedAt());
        assertNotNull("the first framework stopped cleanly", boots.get(1).stoppedAt());
        assertTrue(boots.get(1).stoppedAt().isBefore(boots.get(0).startedAt()) || boots.get(1).stoppedAt().equals(boots.get(0).startedAt()));
        assertNotNull(systemStatus.status().previousBoot());
    }

    @Test
    public void c_thirdStartStillConsistent() {
        List<BootInfo> boots = systemStatus.boots(10);
        assertEquals(3, boots.size());
        assertTrue(boots.stream().skip(1).allMatch(b -> b.stoppedAt() != null));
    }

    /** Reads through the EntityManagerFactory service itself, by JPQL entity name. */
    private long countBoots() {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT COUNT(b) FROM BootRecord b", Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }
}
