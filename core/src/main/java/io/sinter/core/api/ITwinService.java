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

    /** @return iTwins by creation time */
    default Page<ITwinInfo> list(int skip, int top) {
        return list(null, skip, top);
    }

    /** @return the iTwins among {@code only} (all when null) by creation time */
    Page<ITwinInfo> list(java.util.Set<String> only, int skip, int top);
}
