package io.sinter.core.internal.run;

import io.sinter.core.api.Page;
import io.sinter.core.api.ReportService;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.store.IModelEntity;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports read from the database (api.md section 7.4). */
@Component(service = ReportService.class)
public final class ReportStore implements ReportService {
    private final Database database;

    @Activate
    public ReportStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Page<ReportInfo> list(String iModelId, String runId, String taskId, int skip, int top) {
        return database.inTransaction(em -> {
            if (iModelId != null && em.find(IModelEntity.class, iModelId) == null) {
                throw ServiceException.notFound("iModelNotFound", "iModel '" + iModelId + "' does not exist.");
            }
            String jpql = "SELECT r FROM ReportEntity r WHERE 1 = 1" + (iModelId == null ? "" : " AND r.iModelId = :m")
                    + (runId == null ? "" : " AND r.runId = :r") + (taskId == null ? "" : " AND r.taskId = :t") + " ORDER BY r.createdAt, r.id";
            var query = em.createQuery(jpql, ReportEntity.class);
            if (iModelId != null) {
                query.setParameter("m", iModelId);
            }
            if (runId != null) {
                query.setParameter("r", runId);
            }
            if (taskId != null) {
                query.setParameter("t", taskId);
            }
            return Page.of(query.setFirstResult(skip).setMaxResults(top + 1).getResultStream()
                    .map(r -> new ReportInfo(r.getId(), r.getIModelId(), r.getRunId(), r.getTaskId(), Instant.ofEpochMilli(r.getCreatedAt()), r.getReport()))
                    .toList(), skip, top);
        });
    }
}
