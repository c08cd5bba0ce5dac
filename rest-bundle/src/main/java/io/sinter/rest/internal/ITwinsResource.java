package io.sinter.rest.internal;

import io.sinter.core.api.ITwinInfo;
import io.sinter.core.api.ITwinService;
import io.sinter.core.api.Page;
import jakarta.ws.rs.GET;
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

/** {@code /itwins} [ext]: the owners of iModels and storage (members and roles come with security). */
@Component(service = ITwinsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.itwins")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("itwins")
@Produces(Wire.JSON)
public final class ITwinsResource {
    private static final String INVALID = "InvalidRequest";
    private final ITwinService iTwins;
    private final HttpEndpoint endpoint;

    @Activate
    public ITwinsResource(@Reference ITwinService iTwins, @Reference HttpEndpoint endpoint) {
        this.iTwins = iTwins;
        this.endpoint = endpoint;
    }

    @POST
    public Response create(String text) {
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String displayName = body.string("displayName", true);
        String description = body.string("description", false);
        body.done();
        ITwinInfo created = iTwins.create(displayName, description);
        return Response.created(URI.create(endpoint.baseUrl() + "/itwins/" + created.id())).entity(Map.of("iTwin", Wire.iTwin(created))).build();
    }

    @GET
    public Map<String, Object> list(@QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        Page<ITwinInfo> page = iTwins.list(Paging.skip(skip, INVALID), Paging.top(top, INVALID));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("iTwins", page.items().stream().map(Wire::iTwin).toList());
        json.put("_links", Paging.links(endpoint.baseUrl(), "/itwins", Map.of(), page));
        return json;
    }

    @GET
    @Path("{iTwinId}")
    public Map<String, Object> get(@PathParam("iTwinId") String id) {
        return Map.of("iTwin", Wire.iTwin(iTwins.get(id)));
    }
}
