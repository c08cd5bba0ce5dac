package io.sinter.core.internal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A job: the tasks of one connector type within a run. */
@Entity
@Table(name = "SINTER_JOB", indexes = @Index(name = "SINTER_JOB_RUN", columnList = "RUN_ID, POSITION"))
public class JobEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "RUN_ID", nullable = false, length = 36)
    private String runId;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "CONNECTOR_TYPE", nullable = false, length = 64)
    private String connectorType;

    @Column(name = "START_AT", nullable = false)
    private long startAt;

    @Column(name = "END_AT", nullable = false)
    private long endAt;

    @Column(name = "STATE", nullable = false, length = 24)
    private String state;

    @Column(name = "RESULT", nullable = false, length = 24)
    private String result;

    protected JobEntity() {
    }

    public JobEntity(String id, String runId, int position, String connectorType) {
        this.id = id;
        this.runId = runId;
        this.position = position;
        this.connectorType = connectorType;
        this.state = "NotStarted";
        this.result = "Undetermined";
    }

    public String getId() { return id; }
    public String getRunId() { return runId; }
    public int getPosition() { return position; }
    public String getConnectorType() { return connectorType; }
    public long getStartAt() { return startAt; }
    public long getEndAt() { return endAt; }
    public String getState() { return state; }
    public String getResult() { return result; }

    public void start(long now) {
        if (startAt == 0) {
            startAt = now;
        }
        state = "Executing";
    }

    public void complete(String result, long now) {
        this.state = "Completed";
        this.result = result;
        this.endAt = now;
    }
}
