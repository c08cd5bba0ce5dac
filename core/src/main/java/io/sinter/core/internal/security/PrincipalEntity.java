package io.sinter.core.internal.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A user or service client; the secret is a PBKDF2 hash ({@link PasswordHash}). */
@Entity
@Table(name = "SINTER_PRINCIPAL")
@NamedQuery(name = "Principal.byType", query = "SELECT p FROM PrincipalEntity p WHERE p.type = :type ORDER BY p.createdAt, p.id")
@NamedQuery(name = "Principal.byUsername", query = "SELECT p FROM PrincipalEntity p WHERE p.usernameKey = :key")
@NamedQuery(name = "Principal.countAdmins", query = "SELECT COUNT(p) FROM PrincipalEntity p WHERE p.serverAdmin = TRUE AND p.disabled = FALSE")
@NamedQuery(name = "Principal.countUsers", query = "SELECT COUNT(p) FROM PrincipalEntity p WHERE p.type = 'USER'")
@NamedQuery(name = "Principal.byExternal", query = "SELECT p FROM PrincipalEntity p WHERE p.externalKey = :key")
public class PrincipalEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TYPE", nullable = false, length = 8)
    private String type;

    @Column(name = "USERNAME", length = 255)
    private String username;

    /** lower-case username, unique among users */
    @Column(name = "USERNAME_KEY", length = 255, unique = true)
    private String usernameKey;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 255)
    private String displayName;

    @Column(name = "EMAIL", length = 320)
    private String email;

    @Column(name = "SECRET_HASH", nullable = false, length = 200)
    private String secretHash;

    @Column(name = "SERVER_ADMIN", nullable = false)
    private boolean serverAdmin;

    @Column(name = "DISABLED", nullable = false)
    private boolean disabled;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** {@code iss + " " + sub} of a principal provisioned from an external issuer's token, else null */
    @Column(name = "EXTERNAL_KEY", length = 1024, unique = true)
    private String externalKey;

    protected PrincipalEntity() {
    }

    public PrincipalEntity(String id, String type, String username, String displayName, String email, String secretHash,
            boolean serverAdmin, long createdAt) {
        this.id = id;
        this.type = type;
        this.username = username;
        this.usernameKey = username == null ? null : username.toLowerCase(java.util.Locale.ROOT);
        this.displayName = displayName;
        this.email = email;
        this.secretHash = secretHash;
        this.serverAdmin = serverAdmin;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getType() { return type; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getSecretHash() { return secretHash; }
    public void setSecretHash(String secretHash) { this.secretHash = secretHash; }
    public boolean isServerAdmin() { return serverAdmin; }
    public void setServerAdmin(boolean serverAdmin) { this.serverAdmin = serverAdmin; }
    public boolean isDisabled() { return disabled; }
    public void setDisabled(boolean disabled) { this.disabled = disabled; }
    public long getCreatedAt() { return createdAt; }
    public String getExternalKey() { return externalKey; }
    public void setExternalKey(String externalKey) { this.externalKey = externalKey; }
}
