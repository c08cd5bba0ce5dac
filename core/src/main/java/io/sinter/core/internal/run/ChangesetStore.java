package io.sinter.core.internal.run;

import io.sinter.core.api.ChangesetService;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.store.IModelEntity;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Changesets read from the database (api.md section 3.4). */
@Component(service = ChangesetService.class)
public final class ChangesetStore implements ChangesetService {
    private final Database database;

    @Activate
    public ChangesetStore(@Reference Database database) {
        this.database = database;
    }

    private static void requireIModel(EntityManager em, String iModelId) {
        if (iModelId == null || em.find(IModelEntity.class, iModelId) == null) {
            throw ServiceException.notFound("iModelNotFound", "iModel '" + iModelId + "' does not exist.");
        }
    }

    @Override
    public Page<ChangesetInfo> list(String iModelId, boolean descending, Integer afterIndex, Integer lastIndex, int skip, int top) {
        return database.inTransaction(em -> {
            requireIModel(em, iModelId);
            String jpql = "SELECT c FROM ChangesetEntity c WHERE c.iModelId = :m" + (afterIndex == null ? "" : " AND c.index > :after")
                    + (lastIndex == null ? "" : " AND c.index <= :last") + " ORDER BY c.index" + (descending ? " DESC" : "");
            var query = em.createQuery(jpql, ChangesetEntity.class).setParameter("m", iModelId);
            if (afterIndex != null) {
                query.setParameter("after", afterIndex);
            }
            if (lastIndex != null) {
                query.setParameter("last", lastIndex);
            }
            return Page.of(query.setFirstResult(skip).setMaxResults(top + 1).getResultStream().map(ChangesetStore::info).toList(), skip, top);
        });
    }

    @Override
    public ChangesetInfo get(String iModelId, String idOrIndex) {
        return database.inTransaction(em -> {
            requireIModel(em, iModelId);
            ChangesetEntity found;
            if (idOrIndex != null && idOrIndex.matches("\\d{1,9}")) {
                found = em.createQuery("SELECT c FROM ChangesetEntity c WHERE c.iModelId = :m AND c.index = :i", ChangesetEntity.class)
                        .setParameter("m", iModelId).setParameter("i", Integer.parseInt(idOrIndex)).getResultStream().findFirst().orElse(null);
            } else {
                found = idOrIndex == null ? null : em.find(ChangesetEntity.class, iModelId + "/" + idOrIndex);
            }
            if (found == null) {
                throw ServiceException.notFound("ChangesetNotFound", "Changeset '" + idOrIndex + "' does not exist in this iModel.");
            }
            return info(found);
        });
    }

    static ChangesetInfo info(ChangesetEntity c) {
        return new ChangesetInfo(c.getId(), c.getIModelId(), c.getIndex(), c.getParentId(), c.getDescription(), c.getCreatorId(),
                Instant.ofEpochMilli(c.getPushAt()), c.getContainingChanges(), c.getFileSize(), c.getTaskId(), c.getFileName(),
                c.getInserted(), c.getUpdated(), c.getDeleted());
    }
}
