package io.sinter.core.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A storage folder; the root folder of an iTwin has no parent and path {@code /}. */
@Entity
@Table(name = "SINTER_FOLDER", indexes = @Index(name = "SINTER_FOLDER_PARENT", columnList = "PARENT_ID, NAME_KEY"))
@NamedQuery(name = "Folder.children", query = "SELECT f FROM FolderEntity f WHERE f.parentId = :parent ORDER BY f.nameKey, f.id")
@NamedQuery(name = "Folder.childByName", query = "SELECT f FROM FolderEntity f WHERE f.parentId = :parent AND f.nameKey = :key")
@NamedQuery(name = "Folder.countChildren", query = "SELECT COUNT(f) FROM FolderEntity f WHERE f.parentId = :parent")
@NamedQuery(name = "Folder.subtree", query = "SELECT f FROM FolderEntity f WHERE f.iTwinId = :itwin AND (f.path = :path OR f.path LIKE :prefix)")
public class FolderEntity {
    @Id
    @Column(name = "ID", length = 43)
    private String id;

    @Column(name = "ITWIN_ID", nullable = false, length = 36)
    private String iTwinId;

    @Column(name = "PARENT_ID", length = 43)
    private String parentId;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 255)
    private String displayName;

    @Column(name = "NAME_KEY", nullable = false, length = 255)
    private String nameKey;

    @Column(name = "DESCRIPTION", length = 1024)
    private String description;

    @Column(name = "PATH", nullable = false, length = 4000)
    private String path;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "MODIFIED_AT", nullable = false)
    private long modifiedAt;

    protected FolderEntity() {
    }

    public FolderEntity(String id, String iTwinId, String parentId, String displayName, String nameKey, String path, long createdAt) {
        this.id = id;
        this.iTwinId = iTwinId;
        this.parentId = parentId;
        this.displayName = displayName;
        this.nameKey = nameKey;
        this.path = path;
        this.createdAt = createdAt;
        this.modifiedAt = createdAt;
    }

    public String getId() { return id; }
    public String getITwinId() { return iTwinId; }
    public String getParentId() { return parentId; }
    public String getDisplayName() { return displayName; }
    public String getNameKey() { return nameKey; }
    public String getDescription() { return description; }
    public String getPath() { return path; }
    public long getCreatedAt() { return createdAt; }
    public long getModifiedAt() { return modifiedAt; }

    public void setDescription(String description) { this.description = description; }
    public void setPath(String path) { this.path = path; }
    public void setModifiedAt(long modifiedAt) { this.modifiedAt = modifiedAt; }

    public void rename(String displayName, String nameKey) {
        this.displayName = displayName;
        this.nameKey = nameKey;
    }
}
