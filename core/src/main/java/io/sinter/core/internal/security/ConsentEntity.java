package io.sinter.core.internal.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's long-running-job consent (api.md section 5.11). */
@Entity
@Table(name = "SINTER_CONSENT")
public class ConsentEntity {
    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "GRANTED_AT", nullable = false)
    private long grantedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    protected ConsentEntity() {
    }

    public ConsentEntity(String userId, long grantedAt, long expiresAt) {
        this.userId = userId;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
    }

    public String getUserId() { return userId; }
    public long getGrantedAt() { return grantedAt; }
    public long getExpiresAt() { return expiresAt; }
}
