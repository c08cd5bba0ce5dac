package io.sinter.core.internal.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.annotation.Annotation;
import java.util.Properties;
import java.util.function.Function;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

/** A {@link Database} on a fresh in-memory Derby, outside OSGi, for tests of the stores and queries. */
public final class InMemoryDatabase implements Database, AutoCloseable {
    private final EntityManagerFactory emf;

    public InMemoryDatabase() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:sinter-test-" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        Properties jpa = DatabaseComponent.jpaProperties(new PersistenceConfig() {
            @Override public Class<? extends Annotation> annotationType() { return PersistenceConfig.class; }
            @Override public String url() { return ""; }
            @Override public String user() { return ""; }
            @Override public String password() { return ""; }
            @Override public String dataSourceFactory_target() { return ""; }
            @Override public String ddlGeneration() { return "create-or-extend-tables"; }
            @Override public String logLevel() { return "WARNING"; }
        });
        jpa.put("eclipselink.logging.logger", "DefaultLogger");
        SinterPersistenceUnit unit = new SinterPersistenceUnit(getClass().getClassLoader(), dataSource,
                BootRecord.class.getProtectionDomain().getCodeSource().getLocation(), jpa);
        emf = new PersistenceProvider().createContainerEntityManagerFactory(unit, jpa);
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(emf, work);
    }

    @Override
    public String ping() {
        return "in-memory Derby";
    }

    @Override
    public void close() {
        emf.close();
    }
}
