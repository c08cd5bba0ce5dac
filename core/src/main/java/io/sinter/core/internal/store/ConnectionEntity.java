package io.sinter.core.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A storage or manifest connection ({@code CONNECTION} is reserved in Derby, hence the prefix). */
@Entity
@Table(name = "SINTER_CONNECTION", indexes = @Index(name = "SINTER_CONNECTION_IMODEL", columnList = "IMODEL_ID, CREATED_AT"))
public class ConnectionEntity {
    @Id
    @Column(name = "ID", length = 43)
    private String id;

    @Column(name = "KIND", nullable = false, length = 16)
    private String kind;

    @Column(name = "IMODEL_ID", nullable = false, length = 36)
    private String iModelId;

    @Column(name = "ITWIN_ID", nullable = false, length = 36)
    private String iTwinId;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 255)
    private String displayName;

    @Column(name = "AUTH_TYPE", nullable = false, length = 16)
    private String authenticationType;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "LAST_RUN_ID", length = 36)
    private String lastRunId;

    protected ConnectionEntity() {
    }

    public ConnectionEntity(String id, String kind, String iModelId, String iTwinId, String displayName, String authenticationType, long createdAt) {
        this.id = id;
        this.kind = kind;
        this.iModelId = iModelId;
        this.iTwinId = iTwinId;
        this.displayName = displayName;
        this.authenticationType = authenticationType;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getKind() { return kind; }
    public String getIModelId() { return iModelId; }
    public String getITwinId() { return iTwinId; }
    public String getDisplayName() { return displayName; }
    public String getAuthenticationType() { return authenticationType; }
    public long getCreatedAt() { return createdAt; }
    public String getLastRunId() { return lastRunId; }

    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public void setAuthenticationType(String authenticationType) { this.authenticationType = authenticationType; }
    public void setLastRunId(String lastRunId) { this.lastRunId = lastRunId; }
}
