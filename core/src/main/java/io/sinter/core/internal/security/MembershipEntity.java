package io.sinter.core.internal.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A principal's role in an iTwin; the key is {@code iTwinId/principalId}. */
@Entity
@Table(name = "SINTER_MEMBER")
@NamedQuery(name = "Member.ofITwin", query = "SELECT m FROM MembershipEntity m WHERE m.iTwinId = :iTwin ORDER BY m.principalId")
@NamedQuery(name = "Member.ofPrincipal", query = "SELECT m FROM MembershipEntity m WHERE m.principalId = :principal ORDER BY m.iTwinId")
@NamedQuery(name = "Member.countAdmins", query = "SELECT COUNT(m) FROM MembershipEntity m WHERE m.iTwinId = :iTwin AND m.role = 'ADMIN'")
@NamedQuery(name = "Member.deleteOfPrincipal", query = "DELETE FROM MembershipEntity m WHERE m.principalId = :principal")
@NamedQuery(name = "Member.deleteOfITwin", query = "DELETE FROM MembershipEntity m WHERE m.iTwinId = :iTwin")
public class MembershipEntity {
    @Id
    @Column(name = "ID", length = 73)
    private String id;

    @Column(name = "ITWIN_ID", nullable = false, length = 36)
    private String iTwinId;

    @Column(name = "PRINCIPAL_ID", nullable = false, length = 36)
    private String principalId;

    @Column(name = "ROLE", nullable = false, length = 8)
    private String role;

    protected MembershipEntity() {
    }

    public MembershipEntity(String iTwinId, String principalId, String role) {
        this.id = key(iTwinId, principalId);
        this.iTwinId = iTwinId;
        this.principalId = principalId;
        this.role = role;
    }

    /** @return the primary key of a membership */
    public static String key(String iTwinId, String principalId) {
        return iTwinId + "/" + principalId;
    }

    public String getId() { return id; }
    public String getITwinId() { return iTwinId; }
    public String getPrincipalId() { return principalId; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
}
