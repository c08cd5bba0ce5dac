package io.sinter.core.api;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sinter's embedded token issuer and the bearer check of every protected call (api.md sections 2.2
 * and 2.3): RS256 JWTs signed with a key generated at first start and kept in the data folder.
 */
@ProviderType
public interface AuthService {

    /**
     * An issued access token.
     *
     * @param accessToken compact JWS
     * @param expiresIn lifetime in seconds
     * @param scope granted scopes, space-separated
     */
    record Token(String accessToken, long expiresIn, String scope) {
    }

    /**
     * The password grant.
     *
     * @param issuer {@code {base}/auth}
     * @throws AuthException 400 {@code invalid_grant} for unknown users, wrong passwords, disabled or locked users;
     *         400 {@code invalid_scope}
     */
    Token passwordGrant(String username, String password, String scope, String issuer);

    /**
     * The client-credentials grant.
     *
     * @throws AuthException 401 {@code invalid_client}; 400 {@code invalid_scope}
     */
    Token clientCredentialsGrant(String clientId, String clientSecret, String scope, String issuer);

    /**
     * Checks an {@code Authorization} header in the order of api.md section 2.3.
     *
     * @param authorization the header value, or null
     * @param issuer the expected {@code iss}
     * @return the caller
     * @throws AuthException 401 with the code of the first failed check
     */
    Caller authenticate(String authorization, String issuer);

    /** @return the public keys as a JWK set (JSON object) */
    Map<String, Object> jwks();

    /** @return the scopes tokens can carry */
    java.util.List<String> supportedScopes();
}
