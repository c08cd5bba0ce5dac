package io.sinter.core.internal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A task: one source file of a run, bridged or unmapped (api.md section 5.7). */
@Entity
@Table(name = "SINTER_TASK", indexes = @Index(name = "SINTER_TASK_RUN", columnList = "RUN_ID, POSITION"))
public class TaskEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "RUN_ID", nullable = false, length = 36)
    private String runId;

    @Column(name = "JOB_ID", nullable = false, length = 36)
    private String jobId;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "DOCUMENT_ID", nullable = false, length = 36)
    private String documentId;

    /** Storage file id (storage runs) or the client's document id (manifest runs). */
    @Column(name = "SOURCE_KEY", nullable = false, length = 256)
    private String sourceKey;

    @Column(name = "ACTION", nullable = false, length = 16)
    private String action;

    @Column(name = "CONNECTOR_TYPE", nullable = false, length = 64)
    private String connectorType;

    @Column(name = "FILE_NAME", length = 1024)
    private String fileName;

    @Column(name = "START_AT", nullable = false)
    private long startAt;

    @Column(name = "END_AT", nullable = false)
    private long endAt;

    @Column(name = "RETRY_ATTEMPTS", nullable = false)
    private int retryAttempts;

    @Column(name = "STATE", nullable = false, length = 24)
    private String state;

    @Column(name = "RESULT", nullable = false, length = 24)
    private String result;

    @Column(name = "ERROR_KEY", length = 64)
    private String errorKey;

    @Column(name = "ERROR_MESSAGE", length = 1024)
    private String errorMessage;

    @Column(name = "ERROR_DETAILS", length = 4000)
    private String errorDetails;

    /** The task's {@code details} object as JSON (counts, changeset, content hash, ...), or null. */
    @Lob
    @Column(name = "DETAILS")
    private String details;

    /**
     * The manifest item of a manifest task as JSON (url, relativePath, documentAttribute, children),
     * or null for storage and pending-removal tasks.
     */
    @Lob
    @Column(name = "MANIFEST_ITEM")
    private String manifestItem;

    protected TaskEntity() {
    }

    public TaskEntity(String id, String runId, String jobId, int position, String documentId, String sourceKey, String action,
            String connectorType, String fileName) {
        this.id = id;
        this.runId = runId;
        this.jobId = jobId;
        this.position = position;
        this.documentId = documentId;
        this.sourceKey = sourceKey;
        this.action = action;
        this.connectorType = connectorType;
        this.fileName = fileName;
        this.state = "NotStarted";
        this.result = "Undetermined";
    }

    public String getId() { return id; }
    public String getRunId() { return runId; }
    public String getJobId() { return jobId; }
    public int getPosition() { return position; }
    public String getDocumentId() { return documentId; }
    public String getSourceKey() { return sourceKey; }
    public String getAction() { return action; }
    public String getConnectorType() { return connectorType; }
    public String getFileName() { return fileName; }
    public long getStartAt() { return startAt; }
    public long getEndAt() { return endAt; }
    public int getRetryAttempts() { return retryAttempts; }
    public String getState() { return state; }
    public String getResult() { return result; }
    public String getErrorKey() { return errorKey; }
    public String getErrorMessage() { return errorMessage; }
    public String getErrorDetails() { return errorDetails; }
    public String getDetails() { return details; }

    public String getManifestItem() { return manifestItem; }

    public void setFileName(String fileName) { this.fileName = fileName; }
    public void setManifestItem(String manifestItem) { this.manifestItem = manifestItem; }

    /** A retryable failure: the task waits for its back-off and starts again from download. */
    public void retry() {
        this.retryAttempts++;
        this.state = "WaitingToRetry";
    }

    /** Back to the start after an interrupted attempt (shutdown or crash); retry count kept. */
    public void reset() {
        this.state = "NotStarted";
        this.startAt = 0;
    }

    public void start(long now) {
        this.startAt = now;
        this.state = "Executing";
    }

    public void complete(String result, String errorKey, String errorMessage, String errorDetails, String details, long now) {
        this.state = "Completed";
        this.result = result;
        this.errorKey = errorKey;
        this.errorMessage = errorMessage == null ? null : errorMessage.substring(0, Math.min(1024, errorMessage.length()));
        this.errorDetails = errorDetails == null ? null : errorDetails.substring(0, Math.min(4000, errorDetails.length()));
        this.details = details;
        this.endAt = now;
        if (this.startAt == 0) {
            this.startAt = now;
        }
    }
}
