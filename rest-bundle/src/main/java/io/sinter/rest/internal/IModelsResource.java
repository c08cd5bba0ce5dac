package io.sinter.rest.internal;

import io.sinter.core.api.IModelInfo;
import io.sinter.core.api.IModelService;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

/** {@code /imodels} (api.md section 3.2). */
@Component(service = IModelsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.imodels")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("imodels")
@Produces(Wire.JSON)
public final class IModelsResource {
    private static final String INVALID = IModelService.INVALID;
    private final IModelService iModels;
    private final HttpEndpoint endpoint;

    @Activate
    public IModelsResource(@Reference IModelService iModels, @Reference HttpEndpoint endpoint) {
        this.iModels = iModels;
        this.endpoint = endpoint;
    }

    @POST
    public Response create(String text) {
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String iTwinId = body.string("iTwinId", true);
        IModelService.Changes values = changes(body, true);
        body.done();
        IModelInfo created = iModels.create(iTwinId, values);
        return Response.created(URI.create(endpoint.baseUrl() + "/imodels/" + created.id()))
                .entity(Map.of("iModel", Wire.iModel(endpoint.baseUrl(), created, true))).build();
    }

    /** Reads name, description, extent and geographicCoordinateSystem of a create or PATCH body. */
    static IModelService.Changes changes(JsonBody body, boolean create) {
        String name = body.string("name", create);
        boolean descriptionSet = body.has("description");
        String description = body.string("description", false);
        boolean extentSet = body.has("extent");
        IModelInfo.Extent extent = null;
        JsonBody e = body.object("extent", false);
        if (e != null) {
            JsonBody sw = e.object("southWest", true);
            JsonBody ne = e.object("northEast", true);
            Double south = sw == null ? null : sw.number("latitude", true);
            Double west = sw == null ? null : sw.number("longitude", true);
            Double north = ne == null ? null : ne.number("latitude", true);
            Double east = ne == null ? null : ne.number("longitude", true);
            if (south != null && west != null && north != null && east != null) {
                extent = new IModelInfo.Extent(south, west, north, east);
            }
        }
        boolean crsSet = body.has("geographicCoordinateSystem");
        JsonBody gcs = body.object("geographicCoordinateSystem", false);
        String crs = gcs == null ? null : gcs.string("horizontalCRSId", true);
        return new IModelService.Changes(name, description, descriptionSet, extent, extentSet, crs, crsSet);
    }

    @GET
    public Response list(@QueryParam("iTwinId") String iTwinId, @QueryParam("name") String name, @QueryParam("$orderBy") String orderBy,
            @QueryParam("$top") String top, @QueryParam("$skip") String skip, @HeaderParam("Prefer") String prefer) {
        String[] order = orderBy == null ? new String[] {"createdDateTime", "asc"} : orderBy.trim().split("\\s+");
        boolean validOrder = order.length <= 2 && (order[0].equals("name") || order[0].equals("createdDateTime"))
                && (order.length == 1 || order[1].equalsIgnoreCase("asc") || order[1].equalsIgnoreCase("desc"));
        if (!validOrder) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "'$orderBy' must be name or createdDateTime, optionally asc or desc.", "$orderBy");
        }
        boolean full = Paging.representation(prefer);
        Page<IModelInfo> page = iModels.list(iTwinId, name, order[0], order.length == 2 && order[1].toLowerCase(Locale.ROOT).equals("desc"),
                Paging.skip(skip, INVALID), Paging.top(top, INVALID));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("iTwinId", iTwinId);
        query.put("name", name);
        query.put("$orderBy", orderBy);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("iModels", page.items().stream().map(m -> Wire.iModel(endpoint.baseUrl(), m, full)).toList());
        json.put("_links", Paging.links(endpoint.baseUrl(), "/imodels", query, page));
        return Response.ok(json).header("Preference-Applied", Paging.applied(full)).build();
    }

    @GET
    @Path("{iModelId}")
    public Map<String, Object> get(@PathParam("iModelId") String id) {
        return Map.of("iModel", Wire.iModel(endpoint.baseUrl(), iModels.get(id), true));
    }

    @PATCH
    @Path("{iModelId}")
    public Map<String, Object> update(@PathParam("iModelId") String id, String text) {
        iModels.get(id); // 404 before 422 (api.md section 1.9 precedence)
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        IModelService.Changes changes = changes(body, false);
        body.done();
        return Map.of("iModel", Wire.iModel(endpoint.baseUrl(), iModels.update(id, changes), true));
    }

    @DELETE
    @Path("{iModelId}")
    public Response delete(@PathParam("iModelId") String id) {
        iModels.delete(id);
        return Response.noContent().build();
    }
}
