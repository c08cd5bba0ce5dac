package io.sinter.core.api;

import org.osgi.annotation.versioning.ProviderType;

/** iTwins [ext]: the owners of iModels and storage. */
@ProviderType
public interface ITwinService {

    /** Creates an iTwin with its storage root folder. */
    ITwinInfo create(String displayName, String description);

    /** @throws ServiceException {@code iTwinNotFound} */
    ITwinInfo get(String id);

    /** @return iTwins by creation time */
    Page<ITwinInfo> list(int skip, int top);
}
