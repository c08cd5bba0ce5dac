package io.sinter.core.api;

import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Long-running-job consent of users (api.md section 5.11): runs of User connections need a valid one. */
@ProviderType
public interface ConsentService {

    /**
     * A consent.
     *
     * @param userId who consented
     * @param grantedDateTime when
     * @param expiresDateTime until when runs may execute on the user's behalf
     */
    record Consent(String userId, Instant grantedDateTime, Instant expiresDateTime) {
    }

    /** Stores a consent valid for the configured lifetime (90 days by default), replacing an older one. */
    Consent grant(String userId);

    /** Revokes the user's consent, if any. */
    void revoke(String userId);

    /**
     * @return whether the consent page may redirect to {@code url}: it starts with one of the prefixes of
     *         {@code sinter.auth.consent.redirectAllowlist} (at a path boundary)
     */
    boolean redirectAllowed(String url);

    /** @return the user's consent if it is still valid at {@code at} */
    Optional<Consent> valid(String userId, Instant at);
}
