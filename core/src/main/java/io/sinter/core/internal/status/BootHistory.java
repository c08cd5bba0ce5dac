package io.sinter.core.internal.status;

import io.sinter.core.api.BootInfo;
import io.sinter.core.internal.persistence.BootRecord;
import io.sinter.core.internal.persistence.Database;
import java.time.Instant;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each start of the server in the database and marks it stopped on a clean stop, so the next
 * start can tell whether the previous one ended cleanly.
 */
@Component(service = BootHistory.class)
public final class BootHistory {
    private final Logger logger = LoggerFactory.getLogger(BootHistory.class);
    private final Database database;
    private final long bootId;

    @Activate
    public BootHistory(BundleContext context, @Reference Database database) {
        this.database = database;
        String version = Versions.of(context.getBundle());
        BootRecord record = database.inTransaction(em -> {
            BootRecord r = new BootRecord(System.currentTimeMillis(), version);
            em.persist(r);
            return r;
        });
        this.bootId = record.getId();
        List<BootInfo> recent = newestFirst(2);
        if (recent.size() > 1 && recent.get(1).stoppedAt() == null) {
            logger.warn("The previous start ({}) did not stop cleanly", recent.get(1).startedAt());
        }
    }

    /** @return up to {@code limit} starts, newest (this one) first */
    public List<BootInfo> newestFirst(int limit) {
        return database.inTransaction(em -> em.createNamedQuery("BootRecord.newestFirst", BootRecord.class)
                .setMaxResults(limit).getResultStream().map(BootHistory::info).toList());
    }

    private static BootInfo info(BootRecord r) {
        return new BootInfo(Instant.ofEpochMilli(r.getStartedAt()),
                r.getStoppedAt() == null ? null : Instant.ofEpochMilli(r.getStoppedAt()), r.getVersion());
    }

    @Deactivate
    void deactivate() {
        try {
            database.run(em -> {
                BootRecord r = em.find(BootRecord.class, bootId);
                if (r != null) {
                    r.setStoppedAt(System.currentTimeMillis());
                }
            });
        } catch (RuntimeException e) {
            logger.warn("Cannot record the clean stop: {}", e.toString());
        }
    }
}
