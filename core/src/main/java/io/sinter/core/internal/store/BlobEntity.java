package io.sinter.core.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One content version of a file; its bytes are {@code <data>/storage/blobs/<id>}. */
@Entity
@Table(name = "SINTER_BLOB")
public class BlobEntity {
    @Id
    @Column(name = "ID", length = 43)
    private String id;

    @Column(name = "FILE_ID", nullable = false, length = 43)
    private String fileId;

    /** {@code true} once the blob became a file's content ({@code complete}); it is then read-only. */
    @Column(name = "COMMITTED", nullable = false)
    private boolean committed;

    @Column(name = "UPLOADED", nullable = false)
    private boolean uploaded;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(name = "SHA256", length = 64)
    private String sha256;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected BlobEntity() {
    }

    public BlobEntity(String id, String fileId, long createdAt) {
        this.id = id;
        this.fileId = fileId;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getFileId() { return fileId; }
    public boolean isCommitted() { return committed; }
    public boolean isUploaded() { return uploaded; }
    public long getSize() { return size; }
    public String getSha256() { return sha256; }
    public long getCreatedAt() { return createdAt; }

    public void uploaded(long size, String sha256) {
        this.uploaded = true;
        this.size = size;
        this.sha256 = sha256;
    }

    public void commit() { this.committed = true; }
}
