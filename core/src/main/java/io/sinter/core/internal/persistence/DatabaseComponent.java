package io.sinter.core.internal.persistence;

import io.sinter.core.internal.DataFolder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Properties;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.indirection.IndirectList;
import org.eclipse.persistence.internal.weaving.PersistenceWeaved;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the EclipseLink EntityManagerFactory (no JPA extender exists for jakarta.persistence in OSGi):
 * DataSourceFactory service, then a persistence unit defined in Java with the bundle's class loader,
 * then EclipseLink's provider directly. Provides {@link Database} to the stores and registers the
 * factory itself as {@code EntityManagerFactory} with {@code osgi.unit.name=sinter}. A configuration
 * change re-creates it, which is how the database is switched. The configuration is required (the
 * distribution ships {@code etc/io.sinter.persistence.cfg}), so the factory is built once, with the
 * final settings, rather than first with defaults and again when the file arrives.
 */
@Component(service = Database.class, configurationPid = DatabaseComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PersistenceConfig.class)
public final class DatabaseComponent implements Database {
    /** Configuration PID. */
    public static final String PID = "io.sinter.persistence";

    private final Logger logger = LoggerFactory.getLogger(DatabaseComponent.class);
    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final ServiceRegistration<EntityManagerFactory> registration;
    private final String url;

    @Activate
    public DatabaseComponent(BundleContext context, PersistenceConfig config,
            @Reference(name = "dataSourceFactory") DataSourceFactory dataSourceFactory) throws SQLException {
        this.url = config.url().isBlank() ? embeddedUrl(DataFolder.of(context).resolve("db")) : config.url().trim();
        if (url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://")) {
            embeddedDerbyDefaults();
        }
        Properties jdbc = new Properties();
        jdbc.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!config.user().isEmpty()) {
            jdbc.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!config.password().isEmpty()) {
            jdbc.setProperty(DataSourceFactory.JDBC_PASSWORD, config.password());
        }
        this.dataSource = dataSourceFactory.createDataSource(jdbc);

        ClassLoader loader = new PersistenceUnitClassLoader(
                context.getBundle().adapt(BundleWiring.class).getClassLoader(), IndirectList.class.getClassLoader());
        Properties jpa = jpaProperties(config);
        SinterPersistenceUnit unit = new SinterPersistenceUnit(loader, dataSource, context.getBundle().getEntry("/"), jpa);
        EntityManagerFactory created = new PersistenceProvider().createContainerEntityManagerFactory(unit, jpa);
        try {
            created.createEntityManager().close(); // connects and creates the schema now, not at first use
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        this.emf = created;

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.unit.name", SinterPersistenceUnit.NAME);
        properties.put("osgi.unit.provider", PersistenceProvider.class.getName());
        properties.put("sinter.jdbc.url", url);
        this.registration = context.registerService(EntityManagerFactory.class, emf, properties);
        logger.info("Database ready: {}", url);
    }

    /**
     * Storage settings of the embedded Derby engine for bulk changesets (a million element versions in one
     * transaction), unless set as system properties: a page cache of 4000 pages instead of 1000, log buffers
     * of 1 MiB instead of 32 KiB (the log is written synchronously buffer by buffer, so a larger buffer means
     * fewer waits for the disk; a commit still forces the log), and a checkpoint every 64 MiB of log instead of
     * 10 MiB. They are read when the database boots, before the first connection. Durability is unchanged.
     *
     * <p>Lock escalation: Derby turns the row locks of a transaction into a table lock once it holds more than
     * {@code derby.locks.escalationThreshold} of them on one table (5,000 by default). A changeset of more elements
     * then locks the whole element table until it commits, and every element read or write of every other iModel
     * waits (and fails after {@code derby.locks.waitTimeout}, 60 s). Sinter raises the threshold to
     * {@value #ESCALATION_THRESHOLD} (a row lock costs about 280 bytes of heap, so at most about 28 MB per
     * transaction); larger changesets still take the table lock.
     */
    static void embeddedDerbyDefaults() {
        System.getProperties().putIfAbsent("derby.locks.escalationThreshold", Integer.toString(ESCALATION_THRESHOLD));
        System.getProperties().putIfAbsent("derby.storage.pageCacheSize", "4000");
        System.getProperties().putIfAbsent("derby.storage.logBufferSize", "1048576");
        System.getProperties().putIfAbsent("derby.storage.checkpointInterval", "67108864");
    }

    /** Row locks a transaction holds on one table before Derby escalates them to a table lock. */
    static final int ESCALATION_THRESHOLD = 100_000;

    static String embeddedUrl(Path folder) {
        return "jdbc:derby:" + folder.toAbsolutePath() + ";create=true";
    }

    static Properties jpaProperties(PersistenceConfig config) {
        boolean woven = PersistenceWeaved.class.isAssignableFrom(BootRecord.class);
        Properties jpa = new Properties();
        jpa.put(PersistenceUnitProperties.DDL_GENERATION, config.ddlGeneration());
        jpa.put(PersistenceUnitProperties.DDL_GENERATION_MODE, PersistenceUnitProperties.DDL_DATABASE_GENERATION);
        jpa.put(PersistenceUnitProperties.WEAVING, woven ? "static" : "false");
        jpa.put(PersistenceUnitProperties.LOGGING_LEVEL, config.logLevel());
        // EclipseLink logs through java.util.logging, which the distribution bridges to SLF4J
        jpa.put(PersistenceUnitProperties.LOGGING_LOGGER, "JavaLogger");
        jpa.put(PersistenceUnitProperties.BATCH_WRITING, "JDBC");
        jpa.put(PersistenceUnitProperties.BATCH_WRITING_SIZE, "500");
        jpa.put(PersistenceUnitProperties.DEPLOY_ON_STARTUP, "true");
        return jpa;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(emf, work);
    }

    @Override
    public String ping() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(5)) {
                throw new IllegalStateException("connection to " + url + " is not valid");
            }
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("database " + url + " does not answer: " + e.getMessage(), e);
        }
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
        if (emf.isOpen()) {
            emf.close();
        }
    }
}
