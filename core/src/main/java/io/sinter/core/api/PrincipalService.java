package io.sinter.core.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Users and service clients (api.md section 2.7). Passwords and secrets are kept only as slow salted hashes. */
@ProviderType
public interface PrincipalService {

    /**
     * A new service client with its secret, which is not kept and cannot be read again.
     *
     * @param client the client
     * @param secret 32 random bytes, base64url
     */
    record NewClient(Principal client, String secret) {
    }

    /**
     * Creates a user.
     *
     * @throws ServiceException 409 {@code UserExists}; 422 {@code InvalidRequest} (password shorter than 10 chars, bad names)
     */
    Principal createUser(String username, String password, String displayName, String email, boolean serverAdmin);

    /**
     * Changes a user; null arguments keep their value.
     *
     * @throws ServiceException 404 {@code PrincipalNotFound}; 422
     */
    Principal updateUser(String id, String password, String displayName, String email, Boolean serverAdmin, Boolean disabled);

    /** Creates a service client. */
    NewClient createClient(String displayName, boolean serverAdmin);

    /**
     * @return the principal
     * @throws ServiceException 404 {@code PrincipalNotFound}
     */
    Principal get(String id);

    /** @return the user named {@code username} (case-insensitive) or the principal with that id */
    Principal find(String usernameOrId);

    /** @return users or service clients by creation time */
    Page<Principal> list(Principal.Type type, int skip, int top);

    /**
     * Deletes a principal and its memberships and consent; its runs keep running.
     *
     * @throws ServiceException 404 {@code PrincipalNotFound}; 409 {@code LastAdmin} for the last server admin
     */
    void delete(String id, Principal.Type type);

    /** @return the memberships of a principal */
    List<AccessService.Membership> memberships(String principalId);
}
