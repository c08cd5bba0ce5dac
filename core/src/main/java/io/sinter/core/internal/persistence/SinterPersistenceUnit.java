package io.sinter.core.internal.persistence;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The persistence unit, defined in Java instead of persistence.xml: there is no JPA container for
 * jakarta.persistence in OSGi. Entities load through the bundle's class loader, the DataSource comes
 * from a DataSourceFactory service, and the entity list is explicit (bundle URLs cannot be scanned).
 */
final class SinterPersistenceUnit implements PersistenceUnitInfo {
    /** Persistence unit name; also the {@code osgi.unit.name} of the EntityManagerFactory service. */
    static final String NAME = "sinter";

    /** Every entity class; src/weaving/META-INF/persistence.xml must list the same (a test checks). */
    static final List<Class<?>> ENTITIES = List.of(BootRecord.class,
            io.sinter.core.internal.store.ITwinEntity.class,
            io.sinter.core.internal.store.IModelEntity.class,
            io.sinter.core.internal.store.FolderEntity.class,
            io.sinter.core.internal.store.FileEntity.class,
            io.sinter.core.internal.store.BlobEntity.class,
            io.sinter.core.internal.store.ConnectionEntity.class,
            io.sinter.core.internal.store.DocumentEntity.class,
            io.sinter.core.internal.run.RunEntity.class,
            io.sinter.core.internal.run.JobEntity.class,
            io.sinter.core.internal.run.TaskEntity.class,
            io.sinter.core.internal.run.ChangesetEntity.class,
            io.sinter.core.internal.run.ElementVersionEntity.class,
            io.sinter.core.internal.run.VersionEndEntity.class,
            io.sinter.core.internal.run.ReportEntity.class,
            io.sinter.core.internal.run.CategoryCountEntity.class,
            io.sinter.core.internal.run.SchemaPathEntity.class,
            io.sinter.core.internal.security.PrincipalEntity.class,
            io.sinter.core.internal.security.MembershipEntity.class,
            io.sinter.core.internal.security.ConsentEntity.class);

    private final ClassLoader loader;
    private final DataSource dataSource;
    private final URL rootUrl;
    private final Properties properties;

    SinterPersistenceUnit(ClassLoader loader, DataSource dataSource, URL rootUrl, Properties properties) {
        this.loader = loader;
        this.dataSource = dataSource;
        this.rootUrl = rootUrl;
        this.properties = properties;
    }

    @Override public String getPersistenceUnitName() { return NAME; }
    @Override public String getPersistenceProviderClassName() { return PersistenceProvider.class.getName(); }
    @Override public PersistenceUnitTransactionType getTransactionType() { return PersistenceUnitTransactionType.RESOURCE_LOCAL; }
    @Override public DataSource getJtaDataSource() { return null; }
    @Override public DataSource getNonJtaDataSource() { return dataSource; }
    @Override public List<String> getMappingFileNames() { return List.of(); }
    @Override public List<URL> getJarFileUrls() { return List.of(); }
    @Override public URL getPersistenceUnitRootUrl() { return rootUrl; }
    @Override public List<String> getManagedClassNames() { return ENTITIES.stream().map(Class::getName).toList(); }
    @Override public boolean excludeUnlistedClasses() { return true; }
    @Override public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.UNSPECIFIED; }
    @Override public ValidationMode getValidationMode() { return ValidationMode.NONE; }
    @Override public Properties getProperties() { return properties; }
    @Override public String getPersistenceXMLSchemaVersion() { return "3.0"; }
    @Override public ClassLoader getClassLoader() { return loader; }
    @Override public void addTransformer(ClassTransformer transformer) { /* static weaving only */ }
    @Override public ClassLoader getNewTempClassLoader() { return loader; }
}
