package io.sinter.rest.internal;

import io.sinter.core.api.ChangesetService;
import io.sinter.core.api.ChangesetService.ChangesetInfo;
import io.sinter.core.api.IModelService;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /imodels/{id}/changesets} (api.md sections 3.3 and 3.4). Changesets are made by runs only. */
@Component(service = ChangesetsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.changesets")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("imodels/{iModelId}/changesets")
@Produces(Wire.JSON)
public final class ChangesetsResource {
    private static final String INVALID = IModelService.INVALID;
    private final ChangesetService changesets;
    private final HttpEndpoint endpoint;

    @Activate
    public ChangesetsResource(@Reference ChangesetService changesets, @Reference HttpEndpoint endpoint) {
        this.changesets = changesets;
        this.endpoint = endpoint;
    }

    private static Integer index(String raw, String target) {
        if (raw == null) {
            return null;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "'" + target + "' must be an integer.", target);
        }
    }

    @GET
    public Response list(@PathParam("iModelId") String iModelId, @QueryParam("$top") String top, @QueryParam("$skip") String skip,
            @QueryParam("$orderBy") String orderBy, @QueryParam("afterIndex") String afterIndex, @QueryParam("lastIndex") String lastIndex,
            @HeaderParam("Prefer") String prefer) {
        boolean descending = false;
        if (orderBy != null) {
            String o = orderBy.trim().replaceAll("\\s+", " ");
            if (o.equalsIgnoreCase("index desc")) {
                descending = true;
            } else if (!o.equalsIgnoreCase("index asc") && !o.equalsIgnoreCase("index")) {
                throw ServiceException.invalid(INVALID, "InvalidValue", "'$orderBy' must be 'index asc' or 'index desc'.", "$orderBy");
            }
        }
        boolean full = Paging.representation(prefer);
        Page<ChangesetInfo> page = changesets.list(iModelId, descending, index(afterIndex, "afterIndex"), index(lastIndex, "lastIndex"),
                Paging.skip(skip, INVALID), Paging.top(top, INVALID));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("$orderBy", orderBy);
        query.put("afterIndex", afterIndex);
        query.put("lastIndex", lastIndex);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("changesets", page.items().stream().map(c -> changeset(c, full)).toList());
        json.put("_links", Paging.links(endpoint.baseUrl(), "/imodels/" + iModelId + "/changesets", query, page));
        return Response.ok(json).header("Preference-Applied", Paging.applied(full)).build();
    }

    @GET
    @Path("{idOrIndex}")
    public Map<String, Object> get(@PathParam("iModelId") String iModelId, @PathParam("idOrIndex") String idOrIndex) {
        return Map.of("changeset", changeset(changesets.get(iModelId, idOrIndex), true));
    }

    private Map<String, Object> changeset(ChangesetInfo c, boolean full) {
        String self = endpoint.baseUrl() + "/imodels/" + c.iModelId() + "/changesets/" + c.index();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("displayName", Integer.toString(c.index()));
        json.put("description", c.description());
        json.put("index", c.index());
        json.put("parentId", c.parentId());
        json.put("creatorId", c.creatorId());
        json.put("pushDateTime", Dates.format(c.pushDateTime()));
        json.put("state", "fileUploaded");
        json.put("containingChanges", c.containingChanges());
        json.put("fileSize", c.fileSize());
        json.put("briefcaseId", 2);
        json.put("groupId", null);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", Wire.link(self));
        links.put("changes", Wire.link(self + "/changes"));
        if (full) {
            json.put("application", Map.of("id", "sinter", "name", "Sinter"));
            json.put("synchronizationInfo", Map.of("taskId", c.taskId(), "changedFiles", List.of(c.fileName())));
            links.put("namedVersion", null);
            links.put("currentOrPrecedingCheckpoint", null);
            links.put("download", null);
        }
        json.put("_links", links);
        return json;
    }
}
