package io.sinter.rest.internal;

import io.sinter.core.api.BlobSigner;
import io.sinter.core.api.ServiceException;
import io.sinter.core.api.StorageService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URLEncoder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * Pre-authenticated blob URLs (api.md section 4.3): {@code PUT} uploads, {@code GET} downloads; the
 * signature replaces authentication.
 */
@Component(service = BlobsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.blobs")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("storage/blobs/{blobId}")
public final class BlobsResource {
    private final StorageService storage;
    private final BlobSigner signer;

    @Activate
    public BlobsResource(@Reference StorageService storage, @Reference BlobSigner signer) {
        this.storage = storage;
        this.signer = signer;
    }

    @PUT
    public Response upload(@PathParam("blobId") String blobId, @QueryParam("sp") String sp, @QueryParam("se") String se,
            @QueryParam("sig") String sig, InputStream bytes) {
        try {
            signer.verify("PUT", blobId, sp, se, sig);
        } catch (ServiceException refused) {
            Bodies.drain(bytes);
            throw refused;
        }
        storage.upload(blobId, bytes);
        return Response.status(201).build();
    }

    @GET
    public Response download(@PathParam("blobId") String blobId, @QueryParam("sp") String sp, @QueryParam("se") String se,
            @QueryParam("sig") String sig) {
        signer.verify("GET", blobId, sp, se, sig);
        StorageService.BlobContent blob = storage.blob(blobId);
        String name = blob.fileName().replace("\"", "");
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> Files.copy(blob.path(), out))
                .type("application/octet-stream")
                .header("Content-Length", blob.size())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(blob.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("ETag", "\"sha256:" + blob.sha256() + "\"")
                .build();
    }
}
