package io.sinter.core.api;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/** Changesets of iModels (api.md section 3.4). */
@ProviderType
public interface ChangesetService {

    /** A changeset. */
    record ChangesetInfo(String id, String iModelId, int index, String parentId, String description, String creatorId, Instant pushDateTime,
            int containingChanges, long fileSize, String taskId, String fileName, int inserted, int updated, int deleted) {
    }

    /**
     * Lists changesets.
     *
     * @param afterIndex only index above it, or null
     * @param lastIndex only index up to it, or null
     */
    Page<ChangesetInfo> list(String iModelId, boolean descending, Integer afterIndex, Integer lastIndex, int skip, int top);

    /** @param idOrIndex all digits: index; otherwise the id. @throws ServiceException {@code ChangesetNotFound} */
    ChangesetInfo get(String iModelId, String idOrIndex);
}
