package io.sinter.core.api;

import java.util.Set;

/**
 * The authenticated principal of one request, with the scopes its token grants.
 *
 * @param principal who
 * @param scopes granted scopes (api.md section 2.5)
 * @param tokenId the token's {@code jti}
 */
public record Caller(Principal principal, Set<String> scopes, String tokenId) {

    /** @return the principal's id */
    public String id() {
        return principal.id();
    }

    /**
     * @param group {@code imodels}, {@code storage}, {@code synchronization} or {@code itwins}
     * @param modify whether the operation changes something
     * @return whether the scopes allow it: {@code itwin-platform}, {@code group:modify}, or {@code group:read} for reads
     */
    public boolean hasScope(String group, boolean modify) {
        return scopes.contains("itwin-platform") || scopes.contains(group + ":modify") || (!modify && scopes.contains(group + ":read"));
    }
}
