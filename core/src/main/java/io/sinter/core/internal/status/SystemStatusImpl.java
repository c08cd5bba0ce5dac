package io.sinter.core.internal.status;

import io.sinter.core.api.BootInfo;
import io.sinter.core.api.ConnectorCatalog;
import io.sinter.core.api.ServerStatus;
import io.sinter.core.api.ServerStatus.Check;
import io.sinter.core.api.SystemStatus;
import io.sinter.core.internal.DataFolder;
import io.sinter.core.internal.persistence.Database;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Health checks. The database and boot history are optional references, so the status still answers
 * (with the database DOWN) when the database could not be opened.
 */
@Component(service = SystemStatus.class)
public final class SystemStatusImpl implements SystemStatus {
    private final String version;
    private final Path dataFolder;
    private final Instant startedAt;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Database database;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BootHistory bootHistory;

    private final ConnectorCatalog connectorCatalog;

    @Activate
    public SystemStatusImpl(BundleContext context, @Reference ConnectorCatalog connectorCatalog) {
        this.connectorCatalog = connectorCatalog;
        this.version = Versions.of(context.getBundle());
        this.dataFolder = DataFolder.of(context);
        this.startedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    @Override
    public ServerStatus status() {
        Instant now = Instant.now();
        List<BootInfo> boots = boots(2);
        return new ServerStatus(version, startedAt, Duration.between(startedAt, now), checkDatabase(), checkStorage(),
                connectorCatalog.connectors().size(), boots.size() > 1 ? boots.get(1) : null);
    }

    @Override
    public List<BootInfo> boots(int limit) {
        BootHistory history = bootHistory;
        if (history == null) {
            return List.of();
        }
        try {
            return history.newestFirst(limit);
        } catch (RuntimeException databaseGone) {
            return List.of();
        }
    }

    private Check checkDatabase() {
        Database db = database;
        if (db == null) {
            return new Check(false, "not started: check etc/io.sinter.persistence.cfg and logs/sinter.log");
        }
        try {
            return new Check(true, db.ping());
        } catch (RuntimeException e) {
            return new Check(false, e.getMessage());
        }
    }

    Check checkStorage() {
        return checkFolder(dataFolder);
    }

    static Check checkFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".health", ".tmp");
            Files.delete(probe);
            return new Check(true, folder.toString());
        } catch (IOException | RuntimeException e) {
            return new Check(false, "data folder " + folder + " is not writable: " + e);
        }
    }
}
