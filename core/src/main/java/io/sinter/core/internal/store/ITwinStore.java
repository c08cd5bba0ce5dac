package io.sinter.core.internal.store;

import io.sinter.core.api.ITwinInfo;
import io.sinter.core.api.ITwinService;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.persistence.Database;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** iTwins in the database; each is created with its storage root folder. */
@Component(service = ITwinService.class)
public final class ITwinStore implements ITwinService {
    static final String INVALID = "InvalidRequest";
    private final Database database;
    private final Path blobsFolder;

    @Activate
    public ITwinStore(BundleContext context, @Reference Database database) {
        this(StorageStore.blobsFolder(context), database);
    }

    ITwinStore(Path blobsFolder, Database database) {
        this.database = database;
        this.blobsFolder = blobsFolder;
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
            twin.setCreatedBy(creatorId);
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

    @Override
    public ITwinInfo update(String id, String displayName, String description, boolean descriptionSet) {
        if (displayName != null) {
            Names.name(displayName, "displayName", INVALID, false);
        }
        if (descriptionSet) {
            Names.description(description, INVALID);
        }
        return database.inTransaction(em -> {
            ITwinEntity twin = find(em, id);
            if (displayName != null) {
                twin.setDisplayName(displayName);
            }
            if (descriptionSet) {
                twin.setDescription(description);
            }
            return info(twin);
        });
    }

    @Override
    public void delete(String id) {
        List<String> blobIds = database.inTransaction(em -> {
            ITwinEntity twin = find(em, id);
            long iModels = em.createQuery("SELECT COUNT(m) FROM IModelEntity m WHERE m.iTwinId = :t", Long.class).setParameter("t", id)
                    .getSingleResult();
            if (iModels > 0) {
                throw ServiceException.conflict("iTwinNotEmpty", "iTwin " + id + " still holds " + iModels + " iModel(s): delete them first.");
            }
            List<String> blobs = em.createQuery("SELECT b.id FROM BlobEntity b, FileEntity f WHERE b.fileId = f.id AND f.iTwinId = :t",
                    String.class).setParameter("t", id).getResultList();
            em.createQuery("DELETE FROM BlobEntity b WHERE b.fileId IN (SELECT f.id FROM FileEntity f WHERE f.iTwinId = :t)")
                    .setParameter("t", id).executeUpdate();
            em.createQuery("DELETE FROM FileEntity f WHERE f.iTwinId = :t").setParameter("t", id).executeUpdate();
            em.createQuery("DELETE FROM FolderEntity f WHERE f.iTwinId = :t").setParameter("t", id).executeUpdate();
            io.sinter.core.internal.security.AccessStore.removeAll(em, id);
            em.remove(twin);
            return blobs;
        });
        StorageStore.deleteBlobFiles(blobsFolder, blobIds);
    }

    private static ITwinEntity find(EntityManager em, String id) {
        ITwinEntity twin = id == null ? null : em.find(ITwinEntity.class, id);
        if (twin == null) {
            throw ServiceException.notFound("iTwinNotFound", "iTwin '" + id + "' does not exist.");
        }
        return twin;
    }

    static ITwinInfo info(ITwinEntity t) {
        return new ITwinInfo(t.getId(), t.getDisplayName(), t.getDescription(), t.getRootFolderId(), Instant.ofEpochMilli(t.getCreatedAt()),
                t.getCreatedBy());
    }
}
