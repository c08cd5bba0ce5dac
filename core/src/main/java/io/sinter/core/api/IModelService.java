package io.sinter.core.api;

import org.osgi.annotation.versioning.ProviderType;

/** iModels (api.md section 3.2). Validation failures use code {@code InvalidiModelsRequest}. */
@ProviderType
public interface IModelService {
    /** The 422 code of the iModels area. */
    String INVALID = "InvalidiModelsRequest";

    /** What a create or PATCH sets; a null field is left as it is (PATCH) or unset (create). */
    record Changes(String name, String description, boolean descriptionSet, IModelInfo.Extent extent, boolean extentSet,
            String horizontalCrsId, boolean crsSet) {
    }

    /** Creates an iModel in {@code iTwinId}. */
    IModelInfo create(String iTwinId, Changes values);

    /** @throws ServiceException {@code iModelNotFound} */
    IModelInfo get(String id);

    /**
     * Lists the iModels of an iTwin.
     *
     * @param name exact name, or null
     * @param orderBy {@code name} or {@code createdDateTime}
     * @param descending order
     */
    Page<IModelInfo> list(String iTwinId, String name, String orderBy, boolean descending, int skip, int top);

    /** Applies a PATCH. */
    IModelInfo update(String id, Changes changes);

    /** Deletes an iModel and everything it holds. */
    void delete(String id);
}
