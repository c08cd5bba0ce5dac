package io.sinter.core.api;

import org.osgi.annotation.versioning.ProviderType;

/** iTwins [ext]: the owners of iModels and storage. */
@ProviderType
public interface ITwinService {

    /** Creates an iTwin with its storage root folder. */
    default ITwinInfo create(String displayName, String description) {
        return create(displayName, description, null);
    }

    /** Creates an iTwin with its storage root folder; {@code creatorId} (if not null) becomes its admin. */
    ITwinInfo create(String displayName, String description, String creatorId);

    /** @throws ServiceException {@code iTwinNotFound} */
    ITwinInfo get(String id);

    /**
     * Changes name and description; null keeps the value ({@code descriptionSet} tells an explicit null).
     *
     * @throws ServiceException 404 {@code iTwinNotFound}; 422
     */
    ITwinInfo update(String id, String displayName, String description, boolean descriptionSet);

    /**
     * Deletes an iTwin with its storage (folders, files and their contents) and memberships, in one transaction.
     *
     * @throws ServiceException 404 {@code iTwinNotFound}; 409 {@code iTwinNotEmpty} while it holds iModels
     */
    void delete(String id);

    /** @return iTwins by creation time */
    default Page<ITwinInfo> list(int skip, int top) {
        return list(null, skip, top);
    }

    /** @return the iTwins among {@code only} (all when null) by creation time */
    Page<ITwinInfo> list(java.util.Set<String> only, int skip, int top);
}
