package io.sinter.rest.internal;

import io.sinter.core.api.BlobSigner;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import io.sinter.core.api.StorageService;
import io.sinter.core.api.StorageService.FileInfo;
import io.sinter.core.api.StorageService.FolderInfo;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /storage} (api.md section 4.2): folders, files, upload protocol, download redirect. */
@Component(service = StorageResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.storage")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("storage")
@Produces(Wire.JSON)
public final class StorageResource {
    private static final String INVALID = StorageService.INVALID;
    private final StorageService storage;
    private final BlobSigner signer;
    private final HttpEndpoint endpoint;

    @Activate
    public StorageResource(@Reference StorageService storage, @Reference BlobSigner signer, @Reference HttpEndpoint endpoint) {
        this.storage = storage;
        this.signer = signer;
        this.endpoint = endpoint;
    }

    private String base() {
        return endpoint.baseUrl();
    }

    /** @return the signed URL for {@code sp} ({@code r} or {@code w}) of a blob */
    private String signedUrl(String sp, String blobId) {
        long expires = System.currentTimeMillis() / 1000 + signer.lifetimeSeconds(sp);
        return base() + "/storage/blobs/" + blobId + "?sp=" + sp + "&se=" + expires + "&sig=" + signer.sign(sp, blobId, expires);
    }

    private Map<String, Object> file(FileInfo f) {
        return Wire.file(base(), f, f.openBlobId() == null ? null : signedUrl("w", f.openBlobId()));
    }

    @GET
    public Map<String, Object> root(@QueryParam("iTwinId") String iTwinId, @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        if (iTwinId == null || iTwinId.isBlank()) {
            throw ServiceException.invalid(INVALID, "MissingRequiredProperty", "Query parameter 'iTwinId' is required.", "iTwinId");
        }
        int t = Paging.top(top, INVALID);
        int s = Paging.skip(skip, INVALID);
        FolderInfo root = storage.root(iTwinId);
        Page<StorageService.Item> page = storage.list(root.id(), s, t);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("folder", Wire.link(base() + "/storage/folders/" + root.id()));
        links.putAll(Paging.links(base(), "/storage", Map.of("iTwinId", iTwinId), page));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("folder", Wire.folder(base(), root));
        json.put("items", items(page));
        json.put("_links", links);
        return json;
    }

    private java.util.List<Map<String, Object>> items(Page<StorageService.Item> page) {
        return page.items().stream().map(i -> i.folder() != null ? Wire.folder(base(), i.folder()) : file(i.file())).toList();
    }

    @GET
    @Path("folders/{folderId}")
    public Map<String, Object> folder(@PathParam("folderId") String folderId) {
        return Map.of("folder", Wire.folder(base(), storage.folder(folderId)));
    }

    @GET
    @Path("folders/{folderId}/list")
    public Map<String, Object> list(@PathParam("folderId") String folderId, @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        Page<StorageService.Item> page = storage.list(folderId, Paging.skip(skip, INVALID), Paging.top(top, INVALID));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items(page));
        json.put("_links", Paging.links(base(), "/storage/folders/" + folderId + "/list", Map.of(), page));
        return json;
    }

    @GET
    @Path("folders/{folderId}/files")
    public Map<String, Object> files(@PathParam("folderId") String folderId, @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        Page<FileInfo> page = storage.files(folderId, Paging.skip(skip, INVALID), Paging.top(top, INVALID));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", page.items().stream().map(this::file).toList());
        json.put("_links", Paging.links(base(), "/storage/folders/" + folderId + "/files", Map.of(), page));
        return json;
    }

    @GET
    @Path("folders/{folderId}/folders")
    public Map<String, Object> folders(@PathParam("folderId") String folderId, @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        Page<FolderInfo> page = storage.folders(folderId, Paging.skip(skip, INVALID), Paging.top(top, INVALID));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("folders", page.items().stream().map(f -> Wire.folder(base(), f)).toList());
        json.put("_links", Paging.links(base(), "/storage/folders/" + folderId + "/folders", Map.of(), page));
        return json;
    }

    @POST
    @Path("folders/{folderId}/folders")
    public Response createFolder(@PathParam("folderId") String folderId, String text) {
        storage.folder(folderId); // 404 before 422
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String displayName = body.string("displayName", true);
        String description = body.string("description", false);
        body.done();
        FolderInfo created = storage.createFolder(folderId, displayName, description);
        return Response.created(URI.create(base() + "/storage/folders/" + created.id())).entity(Map.of("folder", Wire.folder(base(), created))).build();
    }

    @PATCH
    @Path("folders/{folderId}")
    public Map<String, Object> updateFolder(@PathParam("folderId") String folderId, String text) {
        storage.folder(folderId);
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String displayName = body.string("displayName", false);
        boolean descriptionSet = body.has("description");
        String description = body.string("description", false);
        body.done();
        return Map.of("folder", Wire.folder(base(), storage.updateFolder(folderId, displayName, description, descriptionSet)));
    }

    @DELETE
    @Path("folders/{folderId}")
    public Response deleteFolder(@PathParam("folderId") String folderId) {
        storage.deleteFolder(folderId);
        return Response.noContent().build();
    }

    @POST
    @Path("folders/{folderId}/files")
    public Response createFile(@PathParam("folderId") String folderId, String text) {
        storage.folder(folderId);
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String displayName = body.string("displayName", true);
        String description = body.string("description", false);
        body.done();
        return uploadTicket(storage.createFile(folderId, displayName, description));
    }

    /** 202 {@code {file, _links:{uploadUrl, completeUrl}}}. */
    private Response uploadTicket(FileInfo f) {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> file = file(f);
        json.put("file", file);
        @SuppressWarnings("unchecked")
        Map<String, Object> fileLinks = (Map<String, Object>) file.get("_links");
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("uploadUrl", fileLinks.get("uploadUrl"));
        links.put("completeUrl", fileLinks.get("completeUrl"));
        json.put("_links", links);
        return Response.accepted(json).build();
    }

    @GET
    @Path("files/{fileId}")
    public Map<String, Object> getFile(@PathParam("fileId") String fileId) {
        return Map.of("file", file(storage.file(fileId)));
    }

    @PATCH
    @Path("files/{fileId}")
    public Map<String, Object> updateFile(@PathParam("fileId") String fileId, String text) {
        storage.file(fileId);
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String displayName = body.string("displayName", false);
        boolean descriptionSet = body.has("description");
        String description = body.string("description", false);
        body.done();
        return Map.of("file", file(storage.updateFile(fileId, displayName, description, descriptionSet)));
    }

    @DELETE
    @Path("files/{fileId}")
    public Response deleteFile(@PathParam("fileId") String fileId) {
        storage.deleteFile(fileId);
        return Response.noContent().build();
    }

    @POST
    @Path("files/{fileId}/complete")
    public Map<String, Object> complete(@PathParam("fileId") String fileId) {
        return Map.of("file", file(storage.complete(fileId)));
    }

    @POST
    @Path("files/{fileId}/updatecontent")
    public Response updateContent(@PathParam("fileId") String fileId) {
        return uploadTicket(storage.updateContent(fileId));
    }

    @GET
    @Path("files/{fileId}/download")
    public Response download(@PathParam("fileId") String fileId) {
        return Response.status(302).location(URI.create(signedUrl("r", storage.currentBlob(fileId)))).build();
    }
}
