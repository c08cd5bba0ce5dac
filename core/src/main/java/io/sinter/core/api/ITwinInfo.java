package io.sinter.core.api;

import java.time.Instant;

/**
 * An iTwin: the owner of iModels and of one storage tree.
 *
 * @param id UUID
 * @param displayName its name
 * @param description free text, or null
 * @param rootFolderId the id of its storage root folder
 * @param createdDateTime creation time
 * @param createdBy the creator's principal id, or null (created from the console or before authentication)
 */
public record ITwinInfo(String id, String displayName, String description, String rootFolderId, Instant createdDateTime,
        String createdBy) {
}
