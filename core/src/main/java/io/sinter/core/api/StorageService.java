package io.sinter.core.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/** Storage (api.md section 4): folders, files and their content versions (blobs). */
@ProviderType
public interface StorageService {
    /** The 422 code of the storage area. */
    String INVALID = "InvalidStorageRequest";

    /**
     * A folder.
     *
     * @param path {@code /} for the root, else {@code /A/B}
     * @param parentFolderId null for the root
     */
    record FolderInfo(String id, String iTwinId, String displayName, String description, String path, String parentFolderId,
            Instant createdDateTime, Instant lastModifiedDateTime) {
    }

    /**
     * A file.
     *
     * @param size bytes of the current content, 0 before the first complete
     * @param contentHash {@code sha256:<hex>} of the current content, or null
     * @param available whether content was ever completed
     * @param openBlobId the blob of an upload in progress, or null
     */
    record FileInfo(String id, String iTwinId, String displayName, String description, String path, String parentFolderId,
            long size, Instant createdDateTime, Instant lastModifiedDateTime, String contentHash, boolean available,
            String openBlobId) {
    }

    /** A folder or a file, for mixed listings. */
    record Item(FolderInfo folder, FileInfo file) {
    }

    /**
     * Committed content to read.
     *
     * @param path the bytes on disk
     * @param fileName the file's display name
     * @param size length in bytes
     * @param sha256 hex digest
     */
    record BlobContent(String blobId, Path path, String fileName, long size, String sha256) {
    }

    /** @return the iTwin's root folder */
    FolderInfo root(String iTwinId);

    /** @throws ServiceException {@code FolderNotFound} */
    FolderInfo folder(String folderId);

    /** @return folders then files, each by display name */
    Page<Item> list(String folderId, int skip, int top);

    /** @return the folder's sub-folders by display name */
    Page<FolderInfo> folders(String folderId, int skip, int top);

    /** @return the folder's files by display name */
    Page<FileInfo> files(String folderId, int skip, int top);

    /** Creates a sub-folder. */
    FolderInfo createFolder(String parentFolderId, String displayName, String description);

    /** Renames or describes a folder (not the root). A null argument keeps the value. */
    FolderInfo updateFolder(String folderId, String displayName, String description, boolean descriptionSet);

    /** Deletes a folder (not the root) with everything below it. */
    void deleteFolder(String folderId);

    /** Creates a file whose first upload is open. */
    FileInfo createFile(String folderId, String displayName, String description);

    /** @throws ServiceException {@code FileNotFound} */
    FileInfo file(String fileId);

    /** Renames or describes a file. */
    FileInfo updateFile(String fileId, String displayName, String description, boolean descriptionSet);

    /** Deletes a file and its content. */
    void deleteFile(String fileId);

    /** Opens a new upload for the file (discarding an open one); the current content stays until complete. */
    FileInfo updateContent(String fileId);

    /**
     * Stores the bytes of an open upload (a repeated upload replaces them).
     *
     * @throws ServiceException {@code BlobNotFound}, {@code BlobAlreadyCommitted}, or {@code PayloadTooLarge}
     *         above the configured upload limit
     */
    void upload(String blobId, InputStream bytes);

    /** Makes the uploaded bytes the file's current content. */
    FileInfo complete(String fileId);

    /** @return the committed content of blob {@code blobId}; {@code BlobNotFound} otherwise */
    BlobContent blob(String blobId);

    /** @return the file's current blob id; {@code FileNotFound} when it has no content */
    String currentBlob(String fileId);
}
