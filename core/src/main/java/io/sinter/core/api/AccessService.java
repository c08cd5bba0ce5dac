package io.sinter.core.api;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may do what in which iTwin (api.md section 2.6): iTwin memberships with a role, and the owning
 * iTwin of every addressable object, so one permission check in front of the resources covers all.
 */
@ProviderType
public interface AccessService {

    /** Things the REST API addresses by id. */
    enum Target {
        /** an iTwin: its own id */
        ITWIN,
        /** an iModel */
        IMODEL,
        /** a storage or manifest connection */
        CONNECTION,
        /** a storage folder */
        FOLDER,
        /** a storage file */
        FILE,
        /** a run (through its iModel) */
        RUN
    }

    /**
     * A membership.
     *
     * @param iTwinId the iTwin
     * @param principalId the member
     * @param role its role
     */
    record Membership(String iTwinId, String principalId, Role role) {
    }

    /** @return the iTwin owning the object, empty when the object does not exist */
    Optional<String> owner(Target target, String id);

    /** @return the caller's role in the iTwin (admin for server admins), empty when none */
    Optional<Role> role(Principal principal, String iTwinId);

    /** @return the iTwins where the principal has at least read */
    Set<String> iTwins(String principalId);

    /** @return the members of an iTwin by principal id */
    java.util.List<Membership> members(String iTwinId);

    /**
     * Adds or changes a membership.
     *
     * @throws ServiceException 404 {@code PrincipalNotFound}; 409 {@code LastAdmin} when it demotes the last admin
     */
    Membership put(String iTwinId, String principalId, Role role);

    /**
     * Removes a membership.
     *
     * @throws ServiceException 404 {@code PrincipalNotFound} when not a member; 409 {@code LastAdmin}
     */
    void remove(String iTwinId, String principalId);
}
