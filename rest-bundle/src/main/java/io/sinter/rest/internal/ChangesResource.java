package io.sinter.rest.internal;

import io.sinter.core.api.ElementService;
import io.sinter.core.api.ElementService.ChangeInfo;
import io.sinter.core.api.ElementService.ChangesPage;
import io.sinter.core.api.IModelService;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * [ext] {@code /imodels/{id}/changesets/{idOrIndex}/changes} (api.md section 7.6). A root resource of its own:
 * its path has more literal characters than {@link ChangesetsResource}'s, so JAX-RS picks it for this path and
 * the changesets resource for every other one.
 */
@Component(service = ChangesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.changes")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("imodels/{iModelId}/changesets/{idOrIndex}/changes")
@Produces(Wire.JSON)
public final class ChangesResource {
    private static final String INVALID = IModelService.INVALID;
    private final ElementService elements;
    private final HttpEndpoint endpoint;

    @Activate
    public ChangesResource(@Reference ElementService elements, @Reference HttpEndpoint endpoint) {
        this.elements = elements;
        this.endpoint = endpoint;
    }

    /** @return the canonical operation name, or null when absent; an unknown one is a 422 */
    static String operation(String raw) {
        if (raw == null) {
            return null;
        }
        String operation = raw.trim().toLowerCase(Locale.ROOT);
        if (!ElementService.OPERATIONS.contains(operation)) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "'operation' must be inserted, updated or deleted.", "operation");
        }
        return operation;
    }

    @GET
    public Response list(@PathParam("iModelId") String iModelId, @PathParam("idOrIndex") String idOrIndex,
            @QueryParam("operation") String operation, @QueryParam("className") String className, @QueryParam("$top") String top,
            @QueryParam("$skip") String skip, @HeaderParam("Prefer") String prefer) {
        boolean full = Paging.representation(prefer);
        Runnable addressed = () -> elements.changes(iModelId, idOrIndex, null, null, false, 0, 1);
        String op = ElementsResource.checked(() -> operation(operation), addressed);
        int skipped = ElementsResource.checked(() -> Paging.skip(skip, INVALID), addressed);
        int size = ElementsResource.checked(() -> Paging.top(top, INVALID), addressed);
        ChangesPage changes = elements.changes(iModelId, idOrIndex, op, className, full, skipped, size);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("operation", op);
        query.put("className", className);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("inserted", changes.inserted());
        summary.put("updated", changes.updated());
        summary.put("deleted", changes.deleted());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("changes", changes.page().items().stream().map(c -> change(c, full)).toList());
        json.put("summary", summary);
        json.put("_links", Paging.links(endpoint.baseUrl(), "/imodels/" + iModelId + "/changesets/" + idOrIndex + "/changes", query,
                changes.page()));
        return Response.ok(json).header("Preference-Applied", Paging.applied(full)).build();
    }

    static Map<String, Object> change(ChangeInfo c, boolean full) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("elementId", c.elementId());
        json.put("operation", c.operation());
        json.put("classFullName", c.classFullName());
        json.put("modelId", c.modelId());
        json.put("identifier", c.identifier());
        json.put("changedProperties", c.changedProperties());
        if (full) {
            json.put("before", c.before() == null ? null : c.before().toJson());
            json.put("after", c.after() == null ? null : c.after().toJson());
        }
        return json;
    }
}
