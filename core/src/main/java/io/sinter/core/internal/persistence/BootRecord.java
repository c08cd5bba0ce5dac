package io.sinter.core.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/** One start of the server; {@code stoppedAt} is set when it stops cleanly. */
@Entity
@Table(name = "SINTER_BOOT")
@NamedQuery(name = "BootRecord.newestFirst", query = "SELECT b FROM BootRecord b ORDER BY b.id DESC")
public class BootRecord {
    @Id
    @TableGenerator(name = "BOOT_ID", table = "SINTER_ID", pkColumnName = "NAME", valueColumnName = "NEXT_ID",
            pkColumnValue = "BOOT", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "BOOT_ID")
    private long id;

    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;

    @Column(name = "STOPPED_AT")
    private Long stoppedAt;

    @Column(name = "VERSION", nullable = false, length = 64)
    private String version;

    protected BootRecord() {
    }

    public BootRecord(long startedAt, String version) {
        this.startedAt = startedAt;
        this.version = version;
    }

    public long getId() { return id; }
    public long getStartedAt() { return startedAt; }
    public Long getStoppedAt() { return stoppedAt; }
    public String getVersion() { return version; }
    public void setStoppedAt(Long stoppedAt) { this.stoppedAt = stoppedAt; }
}
