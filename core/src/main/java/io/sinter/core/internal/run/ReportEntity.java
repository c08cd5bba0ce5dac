package io.sinter.core.internal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The diagnostics report of one task (api.md section 7.4), written with the task's result. */
@Entity
@Table(name = "SINTER_REPORT", indexes = {
        @Index(name = "SINTER_REPORT_RUN", columnList = "RUN_ID, CREATED_AT"),
        @Index(name = "SINTER_REPORT_IMODEL", columnList = "IMODEL_ID, CREATED_AT")})
public class ReportEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "IMODEL_ID", nullable = false, length = 36)
    private String iModelId;

    @Column(name = "RUN_ID", nullable = false, length = 36)
    private String runId;

    @Column(name = "TASK_ID", nullable = false, length = 36)
    private String taskId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Lob
    @Column(name = "REPORT", nullable = false)
    private String report;

    protected ReportEntity() {
    }

    public ReportEntity(String id, String iModelId, String runId, String taskId, long createdAt, String report) {
        this.id = id;
        this.iModelId = iModelId;
        this.runId = runId;
        this.taskId = taskId;
        this.createdAt = createdAt;
        this.report = report;
    }

    public String getId() { return id; }
    public String getIModelId() { return iModelId; }
    public String getRunId() { return runId; }
    public String getTaskId() { return taskId; }
    public long getCreatedAt() { return createdAt; }
    public String getReport() { return report; }
}
