package io.sinter.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManagerFactory;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.internal.weaving.PersistenceWeaved;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The persistence unit and the transaction helper on a real (in-memory) Derby, outside OSGi. */
class DatabaseTest {
    private EntityManagerFactory emf;

    @BeforeEach
    void open() {
        DatabaseComponent.embeddedDerbyDefaults();
        System.getProperties().putIfAbsent("derby.locks.waitTimeout", "5");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:sinter-test-" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        Properties jpa = DatabaseComponent.jpaProperties(defaults());
        jpa.put("eclipselink.logging.logger", "DefaultLogger");
        SinterPersistenceUnit unit = new SinterPersistenceUnit(getClass().getClassLoader(), dataSource,
                BootRecord.class.getProtectionDomain().getCodeSource().getLocation(), jpa);
        emf = new PersistenceProvider().createContainerEntityManagerFactory(unit, jpa);
    }

    @AfterEach
    void close() {
        emf.close();
    }

    private long count() {
        return Transactions.inTransaction(emf, em -> em.createQuery("SELECT COUNT(b) FROM BootRecord b", Long.class).getSingleResult());
    }

    /**
     * Derby escalates a transaction's row locks to a table lock beyond derby.locks.escalationThreshold (5,000 by default):
     * a changeset of more rows then blocked every reader of the table, other iModels included. With Sinter's engine
     * defaults a transaction holding 20,000 new rows leaves the other rows readable (a blocked read would fail after the
     * 5 s lock timeout set here).
     */
    @Test
    void aTransactionWritingManyRowsLeavesOtherRowsOfTheTableReadable() throws Exception {
        long other = Transactions.inTransaction(emf, em -> {
            BootRecord r = new BootRecord(7L, "other");
            em.persist(r);
            return r;
        }).getId();
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> writer = java.util.concurrent.CompletableFuture.runAsync(() -> Transactions.inTransaction(emf, em -> {
            try (java.sql.PreparedStatement insert = em.unwrap(java.sql.Connection.class).prepareStatement(
                    "INSERT INTO SINTER_BOOT (ID, STARTED_AT, VERSION) VALUES (?, 1, 'bulk')")) {
                for (int i = 0; i < 20_000; i++) {
                    insert.setLong(1, 1_000_000L + i);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                written.countDown();
                release.await();
            } catch (java.sql.SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
        try {
            written.await();
            String version = Transactions.inTransaction(emf, em -> em.createQuery("SELECT b.version FROM BootRecord b WHERE b.id = :id", String.class)
                    .setParameter("id", other).getSingleResult());
            assertEquals("other", version);
        } finally {
            release.countDown();
            writer.get();
        }
        assertEquals(20_001, count());
    }

    @Test
    void commitsWork() {
        BootRecord saved = Transactions.inTransaction(emf, em -> {
            BootRecord r = new BootRecord(42L, "1.2.3");
            em.persist(r);
            return r;
        });
        assertTrue(saved.getId() > 0);
        assertEquals(1, count());
        BootRecord read = Transactions.inTransaction(emf, em -> em.find(BootRecord.class, saved.getId()));
        assertEquals("1.2.3", read.getVersion());
        assertEquals(42L, read.getStartedAt());
    }

    @Test
    void rollsBackWhenWorkThrowsAndRethrowsTheSameException() {
        IllegalStateException failure = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Transactions.inTransaction(emf, em -> {
            em.persist(new BootRecord(1L, "x"));
            em.flush(); // the row reached the database inside the transaction
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals(0, count(), "nothing of the failed unit of work remains");
    }

    @Test
    void entitiesAreStaticallyWoven() {
        for (Class<?> entity : SinterPersistenceUnit.ENTITIES) {
            assertTrue(PersistenceWeaved.class.isAssignableFrom(entity), entity + " is not woven: check src/weaving");
        }
    }

    @Test
    void weavingUnitListsExactlyTheRuntimeEntities() throws Exception {
        String xml = Files.readString(Path.of("src/weaving/META-INF/persistence.xml"));
        Matcher m = Pattern.compile("<class>([^<]+)</class>").matcher(xml);
        List<String> listed = m.results().map(r -> r.group(1).trim()).sorted().toList();
        assertEquals(SinterPersistenceUnit.ENTITIES.stream().map(Class::getName).sorted().toList(), listed);
    }

    private static PersistenceConfig defaults() {
        return new PersistenceConfig() {
            @Override public Class<? extends Annotation> annotationType() { return PersistenceConfig.class; }
            @Override public String url() { return ""; }
            @Override public String user() { return ""; }
            @Override public String password() { return ""; }
            @Override public String dataSourceFactory_target() { return ""; }
            @Override public String ddlGeneration() { return "create-or-extend-tables"; }
            @Override public String logLevel() { return "WARNING"; }
        };
    }
}
