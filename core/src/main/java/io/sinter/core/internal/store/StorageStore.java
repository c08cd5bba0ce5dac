package io.sinter.core.internal.store;

import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import io.sinter.core.api.StorageService;
import io.sinter.core.internal.DataFolder;
import io.sinter.core.internal.persistence.Database;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage in the database (folders, files, blob records) and on disk (blob bytes in
 * {@code <data>/storage/blobs}). Bytes are written to a temporary file and moved into place, then
 * recorded, so a failed upload leaves nothing half-written.
 */
@Component(service = StorageService.class, configurationPid = StorageConfig.PID)
public final class StorageStore implements StorageService {
    private final Logger logger = LoggerFactory.getLogger(StorageStore.class);
    private final Database database;
    private final Path blobs;
    private volatile long maxUploadBytes;

    @Activate
    public StorageStore(BundleContext context, @Reference Database database, StorageConfig config) {
        this(blobsFolder(context), database, config);
    }

    /** @return where blob contents live: {@code <data>/storage/blobs} */
    static Path blobsFolder(BundleContext context) {
        return DataFolder.of(context).resolve("storage").resolve("blobs");
    }

    StorageStore(Path blobs, Database database, StorageConfig config) {
        this.blobs = blobs;
        this.database = database;
        modified(config);
    }

    @Modified
    void modified(StorageConfig config) {
        this.maxUploadBytes = config.maxUploadBytes();
    }

    // ---------------------------------------------------------------- folders

    @Override
    public FolderInfo root(String iTwinId) {
        return database.inTransaction(em -> {
            ITwinEntity twin = iTwinId == null ? null : em.find(ITwinEntity.class, iTwinId);
            if (twin == null) {
                throw ServiceException.notFound("iTwinNotFound", "iTwin '" + iTwinId + "' does not exist.");
            }
            return info(em.find(FolderEntity.class, twin.getRootFolderId()));
        });
    }

    @Override
    public FolderInfo folder(String folderId) {
        return database.inTransaction(em -> info(findFolder(em, folderId)));
    }

    private static FolderEntity findFolder(EntityManager em, String folderId) {
        FolderEntity folder = folderId == null ? null : em.find(FolderEntity.class, folderId);
        if (folder == null) {
            throw ServiceException.notFound("FolderNotFound", "Folder '" + folderId + "' does not exist.");
        }
        return folder;
    }

    @Override
    public Page<Item> list(String folderId, int skip, int top) {
        return database.inTransaction(em -> {
            findFolder(em, folderId);
            long folderCount = em.createNamedQuery("Folder.countChildren", Long.class).setParameter("parent", folderId).getSingleResult();
            List<Item> items = new ArrayList<>();
            if (skip < folderCount) {
                em.createNamedQuery("Folder.children", FolderEntity.class).setParameter("parent", folderId)
                        .setFirstResult(skip).setMaxResults(top + 1).getResultStream().forEach(f -> items.add(new Item(info(f), null)));
            }
            if (items.size() <= top) {
                int fileSkip = (int) Math.max(0, skip - folderCount);
                em.createNamedQuery("File.inFolder", FileEntity.class).setParameter("folder", folderId)
                        .setFirstResult(fileSkip).setMaxResults(top + 1 - items.size()).getResultStream()
                        .forEach(f -> items.add(new Item(null, info(em, f))));
            }
            return Page.of(items, skip, top);
        });
    }

    @Override
    public Page<FolderInfo> folders(String folderId, int skip, int top) {
        return database.inTransaction(em -> {
            findFolder(em, folderId);
            return Page.of(em.createNamedQuery("Folder.children", FolderEntity.class).setParameter("parent", folderId)
                    .setFirstResult(skip).setMaxResults(top + 1).getResultStream().map(StorageStore::info).toList(), skip, top);
        });
    }

    @Override
    public Page<FileInfo> files(String folderId, int skip, int top) {
        return database.inTransaction(em -> {
            findFolder(em, folderId);
            return Page.of(em.createNamedQuery("File.inFolder", FileEntity.class).setParameter("folder", folderId)
                    .setFirstResult(skip).setMaxResults(top + 1).getResultStream().map(f -> info(em, f)).toList(), skip, top);
        });
    }

    @Override
    public FolderInfo createFolder(String parentFolderId, String displayName, String description) {
        Names.name(displayName, "displayName", INVALID, true);
        Names.description(description, INVALID);
        long now = System.currentTimeMillis();
        return database.inTransaction(em -> {
            FolderEntity parent = findFolder(em, parentFolderId);
            requireFreeName(em, parent.getId(), displayName, null);
            String path = ("/".equals(parent.getPath()) ? "" : parent.getPath()) + "/" + displayName;
            FolderEntity folder = new FolderEntity(Ids.random43(), parent.getITwinId(), parent.getId(), displayName, Names.key(displayName), path, now);
            folder.setDescription(description);
            em.persist(folder);
            return info(folder);
        });
    }

    /** Folder and file names share one namespace per folder, case-insensitively. */
    private static void requireFreeName(EntityManager em, String folderId, String name, String exceptId) {
        String key = Names.key(name);
        if (em.createNamedQuery("Folder.childByName", FolderEntity.class).setParameter("parent", folderId).setParameter("key", key)
                .getResultStream().anyMatch(f -> !f.getId().equals(exceptId))) {
            throw ServiceException.conflict("FolderExists", "'" + name + "' already exists in this folder.");
        }
        if (em.createNamedQuery("File.byName", FileEntity.class).setParameter("folder", folderId).setParameter("key", key)
                .getResultStream().anyMatch(f -> !f.getId().equals(exceptId))) {
            throw ServiceException.conflict("FileExists", "'" + name + "' already exists in this folder.");
        }
    }

    @Override
    public FolderInfo updateFolder(String folderId, String displayName, String description, boolean descriptionSet) {
        if (displayName != null) {
            Names.name(displayName, "displayName", INVALID, true);
        }
        if (descriptionSet) {
            Names.description(description, INVALID);
        }
        long now = System.currentTimeMillis();
        return database.inTransaction(em -> {
            FolderEntity folder = findFolder(em, folderId);
            if (folder.getParentId() == null) {
                throw ServiceException.invalid(INVALID, "InvalidValue", "The root folder cannot be changed.", "folderId");
            }
            if (displayName != null && !displayName.equals(folder.getDisplayName())) {
                requireFreeName(em, folder.getParentId(), displayName, folder.getId());
                String oldPath = folder.getPath();
                String newPath = oldPath.substring(0, oldPath.lastIndexOf('/') + 1) + displayName;
                for (FolderEntity below : subtree(em, folder)) {
                    below.setPath(newPath + below.getPath().substring(oldPath.length()));
                }
                folder.rename(displayName, Names.key(displayName));
            }
            if (descriptionSet) {
                folder.setDescription(description);
            }
            folder.setModifiedAt(now);
            return info(folder);
        });
    }

    private static List<FolderEntity> subtree(EntityManager em, FolderEntity folder) {
        return em.createNamedQuery("Folder.subtree", FolderEntity.class).setParameter("itwin", folder.getITwinId())
                .setParameter("path", folder.getPath()).setParameter("prefix", folder.getPath() + "/%").getResultList();
    }

    @Override
    public void deleteFolder(String folderId) {
        List<String> blobIds = database.inTransaction(em -> {
            FolderEntity folder = findFolder(em, folderId);
            if (folder.getParentId() == null) {
                throw ServiceException.invalid(INVALID, "InvalidValue", "The root folder cannot be deleted.", "folderId");
            }
            List<String> gone = new ArrayList<>();
            for (FolderEntity f : subtree(em, folder)) {
                for (FileEntity file : em.createNamedQuery("File.inFolder", FileEntity.class).setParameter("folder", f.getId()).getResultList()) {
                    gone.addAll(removeFile(em, file));
                }
                em.remove(f);
            }
            return gone;
        });
        deleteBytes(blobIds);
    }

    // ---------------------------------------------------------------- files

    @Override
    public FileInfo createFile(String folderId, String displayName, String description) {
        Names.name(displayName, "displayName", INVALID, true);
        Names.description(description, INVALID);
        long now = System.currentTimeMillis();
        return database.inTransaction(em -> {
            FolderEntity folder = findFolder(em, folderId);
            requireFreeName(em, folder.getId(), displayName, null);
            FileEntity file = new FileEntity(Ids.random43(), folder.getITwinId(), folder.getId(), displayName, Names.key(displayName), now);
            file.setDescription(description);
            BlobEntity blob = new BlobEntity(Ids.random43(), file.getId(), now);
            file.setOpenBlobId(blob.getId());
            em.persist(file);
            em.persist(blob);
            return info(em, file);
        });
    }

    private static FileEntity findFile(EntityManager em, String fileId) {
        FileEntity file = fileId == null ? null : em.find(FileEntity.class, fileId);
        if (file == null) {
            throw ServiceException.notFound("FileNotFound", "File '" + fileId + "' does not exist.");
        }
        return file;
    }

    @Override
    public FileInfo file(String fileId) {
        return database.inTransaction(em -> info(em, findFile(em, fileId)));
    }

    @Override
    public FileInfo updateFile(String fileId, String displayName, String description, boolean descriptionSet) {
        if (displayName != null) {
            Names.name(displayName, "displayName", INVALID, true);
        }
        if (descriptionSet) {
            Names.description(description, INVALID);
        }
        long now = System.currentTimeMillis();
        return database.inTransaction(em -> {
            FileEntity file = findFile(em, fileId);
            if (displayName != null && !displayName.equals(file.getDisplayName())) {
                requireFreeName(em, file.getFolderId(), displayName, file.getId());
                file.rename(displayName, Names.key(displayName));
            }
            if (descriptionSet) {
                file.setDescription(description);
            }
            file.setModifiedAt(now);
            return info(em, file);
        });
    }

    @Override
    public void deleteFile(String fileId) {
        deleteBytes(database.inTransaction(em -> removeFile(em, findFile(em, fileId))));
    }

    /** Removes the file and its blob records; returns the blob ids whose bytes to delete after commit. */
    private static List<String> removeFile(EntityManager em, FileEntity file) {
        List<String> blobIds = em.createQuery("SELECT b.id FROM BlobEntity b WHERE b.fileId = :file", String.class)
                .setParameter("file", file.getId()).getResultList();
        em.createQuery("DELETE FROM BlobEntity b WHERE b.fileId = :file").setParameter("file", file.getId()).executeUpdate();
        em.remove(file);
        return blobIds;
    }

    private void deleteBytes(List<String> blobIds) {
        deleteBlobFiles(blobs, blobIds);
    }

    /** Deletes the content files of blobs whose records are gone (after their transaction committed); failures are logged. */
    static void deleteBlobFiles(Path blobs, List<String> blobIds) {
        for (String id : blobIds) {
            try {
                Files.deleteIfExists(blobs.resolve(id));
            } catch (IOException e) {
                LoggerFactory.getLogger(StorageStore.class).warn("Cannot delete blob file {}: {}", id, e.toString());
            }
        }
    }

    @Override
    public FileInfo updateContent(String fileId) {
        long now = System.currentTimeMillis();
        String[] discarded = new String[1];
        FileInfo info = database.inTransaction(em -> {
            FileEntity file = findFile(em, fileId);
            if (file.getOpenBlobId() != null) {
                BlobEntity open = em.find(BlobEntity.class, file.getOpenBlobId());
                if (open != null) {
                    em.remove(open);
                    discarded[0] = open.getId();
                }
            }
            BlobEntity blob = new BlobEntity(Ids.random43(), file.getId(), now);
            em.persist(blob);
            file.setOpenBlobId(blob.getId());
            return info(em, file);
        });
        if (discarded[0] != null) {
            deleteBytes(List.of(discarded[0]));
        }
        return info;
    }

    @Override
    public void upload(String blobId, InputStream bytes) {
        requireOpen(blobId);
        try {
            Files.createDirectories(blobs);
            Path temp = Files.createTempFile(blobs, "upload", ".tmp");
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                long size;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                    size = copy(bytes, out, maxUploadBytes);
                }
                String hex = HexFormat.of().formatHex(sha256.digest());
                database.run(em -> {
                    BlobEntity blob = open(em, blobId);
                    try {
                        Files.move(temp, blobs.resolve(blobId), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    blob.uploaded(size, hex);
                });
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob " + blobId, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireOpen(String blobId) {
        database.run(em -> open(em, blobId));
    }

    private static BlobEntity open(EntityManager em, String blobId) {
        BlobEntity blob = blobId == null ? null : em.find(BlobEntity.class, blobId);
        if (blob == null) {
            throw ServiceException.notFound("BlobNotFound", "Blob '" + blobId + "' does not exist.");
        }
        if (blob.isCommitted()) {
            throw ServiceException.conflict("BlobAlreadyCommitted", "This upload was completed already.");
        }
        return blob;
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                throw new ServiceException(ServiceException.Kind.TOO_LARGE, "PayloadTooLarge",
                        "The upload is larger than " + limit + " bytes.");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    @Override
    public FileInfo complete(String fileId) {
        long now = System.currentTimeMillis();
        return database.inTransaction(em -> {
            FileEntity file = findFile(em, fileId);
            BlobEntity blob = file.getOpenBlobId() == null ? null : em.find(BlobEntity.class, file.getOpenBlobId());
            if (blob == null || !blob.isUploaded()) {
                throw ServiceException.conflict("FileContentNotUploaded", "Nothing was uploaded for file '" + fileId + "'.");
            }
            blob.commit();
            file.commit(blob.getId(), blob.getSize(), "sha256:" + blob.getSha256(), now);
            return info(em, file);
        });
    }

    @Override
    public BlobContent blob(String blobId) {
        return database.inTransaction(em -> {
            BlobEntity blob = blobId == null ? null : em.find(BlobEntity.class, blobId);
            FileEntity file = blob == null ? null : em.find(FileEntity.class, blob.getFileId());
            Path path = blob == null ? null : blobs.resolve(blobId);
            if (blob == null || !blob.isCommitted() || file == null || !Files.isRegularFile(path)) {
                throw ServiceException.notFound("BlobNotFound", "Blob '" + blobId + "' does not exist.");
            }
            return new BlobContent(blobId, path, file.getDisplayName(), blob.getSize(), blob.getSha256());
        });
    }

    @Override
    public String currentBlob(String fileId) {
        return database.inTransaction(em -> {
            FileEntity file = findFile(em, fileId);
            if (file.getCurrentBlobId() == null) {
                throw ServiceException.notFound("FileNotFound", "File '" + fileId + "' has no content yet.");
            }
            return file.getCurrentBlobId();
        });
    }

    // ---------------------------------------------------------------- mapping

    static FolderInfo info(FolderEntity f) {
        return new FolderInfo(f.getId(), f.getITwinId(), f.getDisplayName(), f.getDescription(), f.getPath(), f.getParentId(),
                Instant.ofEpochMilli(f.getCreatedAt()), Instant.ofEpochMilli(f.getModifiedAt()));
    }

    private static FileInfo info(EntityManager em, FileEntity f) {
        FolderEntity folder = em.find(FolderEntity.class, f.getFolderId());
        String folderPath = folder == null || "/".equals(folder.getPath()) ? "" : folder.getPath();
        return new FileInfo(f.getId(), f.getITwinId(), f.getDisplayName(), f.getDescription(), folderPath + "/" + f.getDisplayName(),
                f.getFolderId(), f.getSize(), Instant.ofEpochMilli(f.getCreatedAt()), Instant.ofEpochMilli(f.getModifiedAt()),
                f.getContentHash(), f.getCurrentBlobId() != null, f.getOpenBlobId());
    }
}
