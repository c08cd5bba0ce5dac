package io.sinter.rest.internal;

import io.sinter.core.api.AccessService;
import io.sinter.core.api.Caller;
import io.sinter.core.api.ITwinInfo;
import io.sinter.core.api.ITwinService;
import io.sinter.core.api.Page;
import io.sinter.core.api.Principal;
import io.sinter.core.api.PrincipalService;
import io.sinter.core.api.Role;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
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

/**
 * {@code /itwins} [ext] (api.md section 2.7): the owners of iModels and storage, and their members.
 * Permissions are checked by {@link AccessFilter}; the creator of an iTwin becomes its admin.
 */
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
    private final AccessService access;
    private final PrincipalService principals;
    private final HttpEndpoint endpoint;

    @Activate
    public ITwinsResource(@Reference ITwinService iTwins, @Reference AccessService access, @Reference PrincipalService principals,
            @Reference HttpEndpoint endpoint) {
        this.iTwins = iTwins;
        this.access = access;
        this.principals = principals;
        this.endpoint = endpoint;
    }

    @POST
    public Response create(@Context SecurityContext security, String text) {
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String displayName = body.string("displayName", true);
        String description = body.string("description", false);
        body.done();
        Caller caller = AccessFilter.caller(security);
        ITwinInfo created = iTwins.create(displayName, description, caller.id());
        return Response.created(URI.create(endpoint.baseUrl() + "/itwins/" + created.id())).entity(Map.of("iTwin", Wire.iTwin(created))).build();
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        Caller caller = AccessFilter.caller(security);
        Page<ITwinInfo> page = iTwins.list(caller.principal().serverAdmin() ? null : access.iTwins(caller.id()),
                Paging.skip(skip, INVALID), Paging.top(top, INVALID));
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

    @jakarta.ws.rs.PATCH
    @Path("{iTwinId}")
    public Map<String, Object> update(@PathParam("iTwinId") String id, String text) {
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String displayName = body.string("displayName", false);
        boolean descriptionSet = body.has("description");
        String description = body.string("description", false);
        body.done();
        return Map.of("iTwin", Wire.iTwin(iTwins.update(id, displayName, description, descriptionSet)));
    }

    @DELETE
    @Path("{iTwinId}")
    public Response delete(@PathParam("iTwinId") String id) {
        iTwins.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{iTwinId}/members")
    public Map<String, Object> members(@PathParam("iTwinId") String id, @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        iTwins.get(id);
        int s = Paging.skip(skip, INVALID);
        int t = Paging.top(top, INVALID);
        List<AccessService.Membership> all = access.members(id);
        List<AccessService.Membership> slice = all.subList(Math.min(s, all.size()), Math.min(all.size(), s + t + 1));
        Page<AccessService.Membership> page = Page.of(slice, s, t);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("members", page.items().stream().map(this::member).toList());
        json.put("_links", Paging.links(endpoint.baseUrl(), "/itwins/" + id + "/members", Map.of(), page));
        return json;
    }

    @PUT
    @Path("{iTwinId}/members/{principalId}")
    public Map<String, Object> putMember(@PathParam("iTwinId") String id, @PathParam("principalId") String principalId, String text) {
        iTwins.get(id);
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String roleText = body.string("role", true);
        body.done();
        Role role = Role.parse(roleText);
        if (role == null) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "role is read, modify or admin.", "role");
        }
        return Map.of("member", member(access.put(id, principalId, role)));
    }

    @DELETE
    @Path("{iTwinId}/members/{principalId}")
    public Response removeMember(@PathParam("iTwinId") String id, @PathParam("principalId") String principalId) {
        iTwins.get(id);
        access.remove(id, principalId);
        return Response.noContent().build();
    }

    private Map<String, Object> member(AccessService.Membership m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("principalId", m.principalId());
        Principal p;
        try {
            p = principals.get(m.principalId());
        } catch (ServiceException gone) {
            p = null;
        }
        json.put("principalType", p == null ? null : p.type().wire());
        json.put("displayName", p == null ? null : p.displayName());
        json.put("role", m.role().wire());
        return json;
    }
}
