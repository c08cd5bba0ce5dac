package io.sinter.core.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An iTwin. */
@Entity
@Table(name = "SINTER_ITWIN")
@NamedQuery(name = "ITwin.page", query = "SELECT t FROM ITwinEntity t ORDER BY t.createdAt, t.id")
@NamedQuery(name = "ITwin.pageOf", query = "SELECT t FROM ITwinEntity t WHERE t.id IN :ids ORDER BY t.createdAt, t.id")
public class ITwinEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 255)
    private String displayName;

    @Column(name = "DESCRIPTION", length = 1024)
    private String description;

    @Column(name = "ROOT_FOLDER_ID", nullable = false, length = 43)
    private String rootFolderId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    protected ITwinEntity() {
    }

    public ITwinEntity(String id, String displayName, String description, String rootFolderId, long createdAt) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
        this.rootFolderId = rootFolderId;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public void setDescription(String description) { this.description = description; }
    public String getDisplayName() { return displayName; }
    public String getDescription() { return description; }
    public String getRootFolderId() { return rootFolderId; }
    public long getCreatedAt() { return createdAt; }
}
