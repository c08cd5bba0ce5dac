package io.sinter.core.internal.store;

import io.sinter.core.api.ITwinInfo;
import io.sinter.core.api.ITwinService;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.persistence.Database;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** iTwins in the database; each is created with its storage root folder. */
@Component(service = ITwinService.class)
public final class ITwinStore implements ITwinService {
    static final String INVALID = "InvalidRequest";
    private final Database database;

    @Activate
    public ITwinStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public ITwinInfo create(String displayName, String description, String creatorId) {
        Names.name(displayName, "displayName", INVALID, false);
        Names.description(description, INVALID);
        long now = System.currentTimeMillis();
        return database.inTransaction(em -> {
            String id = Ids.uuid();
            FolderEntity root = new FolderEntity(Ids.random43(), id, null, displayName, Names.key(displayName), "/", now);
            em.persist(root);
            ITwinEntity twin = new ITwinEntity(id, displayName, description, root.getId(), now);
            em.persist(twin);
            io.sinter.core.internal.security.AccessStore.addCreator(em, id, creatorId);
            return info(twin);
        });
    }

    @Override
    public ITwinInfo get(String id) {
        return database.inTransaction(em -> {
            ITwinEntity twin = id == null ? null : em.find(ITwinEntity.class, id);
            if (twin == null) {
                throw ServiceException.notFound("iTwinNotFound", "iTwin '" + id + "' does not exist.");
            }
            return info(twin);
        });
    }

    @Override
    public Page<ITwinInfo> list(java.util.Set<String> only, int skip, int top) {
        if (only != null && only.isEmpty()) {
            return Page.of(java.util.List.of(), skip, top);
        }
        return database.inTransaction(em -> Page.of((only == null ? em.createNamedQuery("ITwin.page", ITwinEntity.class)
                : em.createNamedQuery("ITwin.pageOf", ITwinEntity.class).setParameter("ids", only))
                .setFirstResult(skip).setMaxResults(top + 1).getResultStream().map(ITwinStore::info).toList(), skip, top));
    }

    static ITwinInfo info(ITwinEntity t) {
        return new ITwinInfo(t.getId(), t.getDisplayName(), t.getDescription(), t.getRootFolderId(), Instant.ofEpochMilli(t.getCreatedAt()));
    }
}
