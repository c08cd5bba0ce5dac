package io.sinter.core.api;

import org.osgi.annotation.versioning.ProviderType;

/** The spatial frame of iModels (api.md sections 6.8 and 7.8). */
@ProviderType
public interface GeolocationService {

    /**
     * The geolocation as of a changeset.
     *
     * @param json the {@code geolocation} object of api.md section 7.8 as JSON
     */
    record GeolocationInfo(String json) {
    }

    /**
     * @param changesetIndex null for the latest; 0 for the empty iModel
     * @throws ServiceException {@code iModelNotFound}, {@code ChangesetNotFound} above the latest index
     */
    GeolocationInfo geolocation(String iModelId, Integer changesetIndex);
}
