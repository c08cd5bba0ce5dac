package io.sinter.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs and checks pre-authenticated blob URLs (api.md section 4.3):
 * {@code sig = base64url(HMAC-SHA256(key, sp + "\n" + "/storage/blobs/" + blobId + "\n" + se))}.
 */
@ProviderType
public interface BlobSigner {

    /** @return the signature for {@code sp} ({@code r} or {@code w}), blob and expiry (Unix seconds) */
    String sign(String sp, String blobId, long expiresEpochSecond);

    /**
     * Checks a signed request in the order of section 4.3.
     *
     * @param method the HTTP method (GET needs {@code r}, PUT needs {@code w})
     * @throws ServiceException FORBIDDEN {@code SignatureInvalid} or {@code SignatureExpired}
     */
    void verify(String method, String blobId, String sp, String se, String sig);

    /** @return how long a signed URL lives, in seconds */
    long lifetimeSeconds(String sp);

    /**
     * Signs any text with the same key (api.md section 5.11 tickets).
     *
     * @return base64url of HMAC-SHA256(key, text), without padding
     */
    String mac(String text);
}
