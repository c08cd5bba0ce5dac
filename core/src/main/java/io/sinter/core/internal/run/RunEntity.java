package io.sinter.core.internal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A run of a connection (api.md section 5.7). Times are epoch milliseconds; 0 means unset. */
@Entity
@Table(name = "SINTER_RUN", indexes = {
        @Index(name = "SINTER_RUN_CONNECTION", columnList = "CONNECTION_ID, START_AT"),
        @Index(name = "SINTER_RUN_IMODEL_STATE", columnList = "IMODEL_ID, STATE")})
public class RunEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CONNECTION_ID", nullable = false, length = 43)
    private String connectionId;

    @Column(name = "CONNECTION_KIND", nullable = false, length = 16)
    private String connectionKind;

    @Column(name = "IMODEL_ID", nullable = false, length = 36)
    private String iModelId;

    @Column(name = "OWNER_ID", length = 64)
    private String ownerId;

    @Column(name = "START_AT", nullable = false)
    private long startAt;

    @Column(name = "END_AT", nullable = false)
    private long endAt;

    @Column(name = "PHASE", nullable = false, length = 24)
    private String phase;

    @Column(name = "STATE", nullable = false, length = 24)
    private String state;

    @Column(name = "RESULT", nullable = false, length = 24)
    private String result;

    @Column(name = "ERROR_KEY", length = 64)
    private String errorKey;

    @Column(name = "ERROR_DESCRIPTION", length = 1024)
    private String errorDescription;

    /** Set by a cancel request; survives a restart so a cancelled run never starts again. */
    @Column(name = "CANCEL_REQUESTED", nullable = false)
    private boolean cancelRequested;

    @Column(name = "ATTRIBUTE_SCHEMA_URL", length = 4096)
    private String documentAttributeSchemaUrl;

    protected RunEntity() {
    }

    public RunEntity(String id, String connectionId, String connectionKind, String iModelId, String ownerId, long startAt) {
        this.id = id;
        this.connectionId = connectionId;
        this.connectionKind = connectionKind;
        this.iModelId = iModelId;
        this.ownerId = ownerId;
        this.startAt = startAt;
        this.phase = "Preprocessor";
        this.state = "NotStarted";
        this.result = "Undetermined";
    }

    public String getId() { return id; }
    public String getConnectionId() { return connectionId; }
    public String getConnectionKind() { return connectionKind; }
    public String getIModelId() { return iModelId; }
    public String getOwnerId() { return ownerId; }
    public long getStartAt() { return startAt; }
    public long getEndAt() { return endAt; }
    public String getPhase() { return phase; }
    public String getState() { return state; }
    public String getResult() { return result; }
    public String getErrorKey() { return errorKey; }
    public String getErrorDescription() { return errorDescription; }

    public boolean isCancelRequested() { return cancelRequested; }
    public String getDocumentAttributeSchemaUrl() { return documentAttributeSchemaUrl; }

    public void setCancelRequested(boolean cancelRequested) { this.cancelRequested = cancelRequested; }
    public void setDocumentAttributeSchemaUrl(String url) { this.documentAttributeSchemaUrl = url; }
    public void setPhase(String phase) { this.phase = phase; }
    public void setState(String state) { this.state = state; }

    public void complete(String result, String errorKey, String errorDescription, long endAt) {
        this.state = "Completed";
        this.result = result;
        this.errorKey = errorKey;
        this.errorDescription = errorDescription;
        this.endAt = endAt;
    }
}
