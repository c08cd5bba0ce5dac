package io.sinter.core.internal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A changeset: the committed result of one task (api.md section 3.3). */
@Entity
@Table(name = "SINTER_CHANGESET", uniqueConstraints = {
        @UniqueConstraint(name = "SINTER_CHANGESET_INDEX", columnNames = {"IMODEL_ID", "IDX"}),
        @UniqueConstraint(name = "SINTER_CHANGESET_ID", columnNames = {"IMODEL_ID", "ID"})})
public class ChangesetEntity {
    /**
     * {@code iModelId/id}: a changeset id is a hash of its parent and its changes (api.md section 3.3), so two
     * iModels whose first changesets hold the same changes have changesets with the same id.
     */
    @Id
    @Column(name = "CHANGESET_KEY", length = 80)
    private String key;

    @Column(name = "ID", nullable = false, length = 40)
    private String id;

    @Column(name = "IMODEL_ID", nullable = false, length = 36)
    private String iModelId;

    @Column(name = "IDX", nullable = false)
    private int index;

    @Column(name = "PARENT_ID", nullable = false, length = 40)
    private String parentId;

    @Column(name = "DESCRIPTION", nullable = false, length = 2048)
    private String description;

    @Column(name = "CREATOR_ID", length = 64)
    private String creatorId;

    @Column(name = "PUSH_AT", nullable = false)
    private long pushAt;

    @Column(name = "CONTAINING_CHANGES", nullable = false)
    private int containingChanges;

    @Column(name = "FILE_SIZE", nullable = false)
    private long fileSize;

    @Column(name = "TASK_ID", nullable = false, length = 36)
    private String taskId;

    @Column(name = "FILE_NAME", length = 1024)
    private String fileName;

    @Column(name = "INSERTED", nullable = false)
    private int inserted;

    @Column(name = "UPDATED", nullable = false)
    private int updated;

    @Column(name = "DELETED", nullable = false)
    private int deleted;

    /**
     * The document whose task wrote this changeset (each changeset comes from one bridge or unmap task); null for rows
     * written before it was kept.
     */
    @Column(name = "DOCUMENT_ID", length = 36)
    private String documentId;

    /** The project extents after this changeset, {@code lx,ly,lz,hx,hy,hz}, or null. */
    @Column(name = "EXTENTS", length = 400)
    private String extents;

    protected ChangesetEntity() {
    }

    public ChangesetEntity(String id, String iModelId, int index, String parentId, String description, String creatorId, long pushAt,
            int containingChanges, long fileSize, String taskId, String fileName, int inserted, int updated, int deleted) {
        this.key = iModelId + "/" + id;
        this.id = id;
        this.iModelId = iModelId;
        this.index = index;
        this.parentId = parentId;
        this.description = description;
        this.creatorId = creatorId;
        this.pushAt = pushAt;
        this.containingChanges = containingChanges;
        this.fileSize = fileSize;
        this.taskId = taskId;
        this.fileName = fileName;
        this.inserted = inserted;
        this.updated = updated;
        this.deleted = deleted;
    }

    public String getDocumentId() { return documentId; }
    public ChangesetEntity withDocumentId(String documentId) {
        this.documentId = documentId;
        return this;
    }
    public String getExtents() { return extents; }
    public void setExtents(String extents) { this.extents = extents; }
    public void setContainingChanges(int containingChanges) { this.containingChanges = containingChanges; }
    public String getId() { return id; }
    public String getIModelId() { return iModelId; }
    public int getIndex() { return index; }
    public String getParentId() { return parentId; }
    public String getDescription() { return description; }
    public String getCreatorId() { return creatorId; }
    public long getPushAt() { return pushAt; }
    public int getContainingChanges() { return containingChanges; }
    public long getFileSize() { return fileSize; }
    public String getTaskId() { return taskId; }
    public String getFileName() { return fileName; }
    public int getInserted() { return inserted; }
    public int getUpdated() { return updated; }
    public int getDeleted() { return deleted; }
}
