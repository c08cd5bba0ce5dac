package io.sinter.core.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A storage file: its current content is the committed blob {@code currentBlobId}; an upload in
 * progress is {@code openBlobId}.
 */
@Entity
@Table(name = "SINTER_FILE", indexes = @Index(name = "SINTER_FILE_FOLDER", columnList = "FOLDER_ID, NAME_KEY"))
@NamedQuery(name = "File.inFolder", query = "SELECT f FROM FileEntity f WHERE f.folderId = :folder ORDER BY f.nameKey, f.id")
@NamedQuery(name = "File.byName", query = "SELECT f FROM FileEntity f WHERE f.folderId = :folder AND f.nameKey = :key")
@NamedQuery(name = "File.countInFolder", query = "SELECT COUNT(f) FROM FileEntity f WHERE f.folderId = :folder")
public class FileEntity {
    @Id
    @Column(name = "ID", length = 43)
    private String id;

    @Column(name = "ITWIN_ID", nullable = false, length = 36)
    private String iTwinId;

    @Column(name = "FOLDER_ID", nullable = false, length = 43)
    private String folderId;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 255)
    private String displayName;

    @Column(name = "NAME_KEY", nullable = false, length = 255)
    private String nameKey;

    @Column(name = "DESCRIPTION", length = 1024)
    private String description;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "MODIFIED_AT", nullable = false)
    private long modifiedAt;

    @Column(name = "CURRENT_BLOB_ID", length = 43)
    private String currentBlobId;

    @Column(name = "OPEN_BLOB_ID", length = 43)
    private String openBlobId;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(name = "CONTENT_HASH", length = 80)
    private String contentHash;

    protected FileEntity() {
    }

    public FileEntity(String id, String iTwinId, String folderId, String displayName, String nameKey, long createdAt) {
        this.id = id;
        this.iTwinId = iTwinId;
        this.folderId = folderId;
        this.displayName = displayName;
        this.nameKey = nameKey;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
    }

    public String getId() { return id; }
    public String getITwinId() { return iTwinId; }
    public String getFolderId() { return folderId; }
    public String getDisplayName() { return displayName; }
    public String getNameKey() { return nameKey; }
    public String getDescription() { return description; }
    public long getCreatedAt() { return createdAt; }
    public long getModifiedAt() { return modifiedAt; }
    public String getCurrentBlobId() { return currentBlobId; }
    public String getOpenBlobId() { return openBlobId; }
    public long getSize() { return size; }
    public String getContentHash() { return contentHash; }

    public void setDescription(String description) { this.description = description; }
    public void setModifiedAt(long modifiedAt) { this.modifiedAt = modifiedAt; }
    public void setOpenBlobId(String openBlobId) { this.openBlobId = openBlobId; }

    public void rename(String displayName, String nameKey) {
        this.displayName = displayName;
        this.nameKey = nameKey;
    }

    /** Makes {@code blobId} the current content. */
    public void commit(String blobId, long size, String contentHash, long now) {
        this.currentBlobId = blobId;
        this.openBlobId = null;
        this.size = size;
        this.contentHash = contentHash;
        this.modifiedAt = now;
    }
}
