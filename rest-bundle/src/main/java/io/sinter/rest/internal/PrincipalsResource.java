package io.sinter.rest.internal;

import io.sinter.core.api.Caller;
import io.sinter.core.api.Page;
import io.sinter.core.api.Principal;
import io.sinter.core.api.PrincipalService;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
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

/**
 * Users and service clients (api.md section 2.7): server administrators manage them; a user may change
 * their own password, display name and e-mail. Secrets are returned only when a client is created.
 */
@Component(service = PrincipalsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.principals")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("auth")
@Produces(Wire.JSON)
public final class PrincipalsResource {
    private static final String INVALID = "InvalidRequest";
    private final PrincipalService principals;
    private final HttpEndpoint endpoint;

    @Activate
    public PrincipalsResource(@Reference PrincipalService principals, @Reference HttpEndpoint endpoint) {
        this.principals = principals;
        this.endpoint = endpoint;
    }

    private static Caller admin(SecurityContext security) {
        Caller caller = AccessFilter.caller(security);
        if (!caller.principal().serverAdmin()) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "InsufficientPermissions", "This needs a server administrator.");
        }
        return caller;
    }

    @POST
    @Path("users")
    public Response createUser(@Context SecurityContext security, String text) {
        admin(security);
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String username = body.string("username", true);
        String password = body.string("password", true);
        String displayName = body.string("displayName", false);
        String email = body.string("email", false);
        Boolean serverAdmin = body.optionalBool("isServerAdmin");
        body.done();
        Principal user = principals.createUser(username, password, displayName, email, Boolean.TRUE.equals(serverAdmin));
        return Response.created(URI.create(endpoint.baseUrl() + "/auth/users/" + user.id())).entity(Map.of("user", user(user))).build();
    }

    @GET
    @Path("users")
    public Map<String, Object> users(@Context SecurityContext security, @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        admin(security);
        return page("users", "/auth/users", principals.list(Principal.Type.USER, Paging.skip(skip, INVALID), Paging.top(top, INVALID)));
    }

    @PATCH
    @Path("users/{userId}")
    public Map<String, Object> updateUser(@Context SecurityContext security, @PathParam("userId") String id, String text) {
        Caller caller = AccessFilter.caller(security);
        boolean self = caller.id().equals(id);
        if (!self && !caller.principal().serverAdmin()) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "InsufficientPermissions", "This needs a server administrator.");
        }
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String password = body.string("password", false);
        String displayName = body.string("displayName", false);
        String email = body.has("email") ? java.util.Objects.requireNonNullElse(body.string("email", false), "") : null;
        Boolean serverAdmin = body.optionalBool("isServerAdmin");
        Boolean disabled = body.optionalBool("disabled");
        body.done();
        if (!caller.principal().serverAdmin() && (serverAdmin != null || disabled != null)) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "InsufficientPermissions",
                    "Only a server administrator changes isServerAdmin or disabled.");
        }
        return Map.of("user", user(principals.updateUser(id, password, displayName, email, serverAdmin, disabled)));
    }

    @DELETE
    @Path("users/{userId}")
    public Response deleteUser(@Context SecurityContext security, @PathParam("userId") String id) {
        admin(security);
        principals.delete(id, Principal.Type.USER);
        return Response.noContent().build();
    }

    @POST
    @Path("clients")
    public Response createClient(@Context SecurityContext security, String text) {
        admin(security);
        JsonBody body = JsonBody.parse(text, INVALID, endpoint.maxJsonBytes());
        String displayName = body.string("displayName", true);
        Boolean serverAdmin = body.optionalBool("isServerAdmin");
        body.done();
        PrincipalService.NewClient created = principals.createClient(displayName, Boolean.TRUE.equals(serverAdmin));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("client", client(created.client()));
        json.put("clientSecret", created.secret());
        return Response.created(URI.create(endpoint.baseUrl() + "/auth/clients/" + created.client().id()))
                .header("Cache-Control", "no-store").entity(json).build();
    }

    @GET
    @Path("clients")
    public Map<String, Object> clients(@Context SecurityContext security, @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        admin(security);
        return page("clients", "/auth/clients", principals.list(Principal.Type.SERVICE, Paging.skip(skip, INVALID), Paging.top(top, INVALID)));
    }

    @DELETE
    @Path("clients/{clientId}")
    public Response deleteClient(@Context SecurityContext security, @PathParam("clientId") String id) {
        admin(security);
        principals.delete(id, Principal.Type.SERVICE);
        return Response.noContent().build();
    }

    private Map<String, Object> page(String key, String path, Page<Principal> page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(key, page.items().stream().map(p -> p.type() == Principal.Type.USER ? user(p) : client(p)).toList());
        json.put("_links", Paging.links(endpoint.baseUrl(), path, Map.of(), page));
        return json;
    }

    static Map<String, Object> user(Principal p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("username", p.username());
        json.put("displayName", p.displayName());
        json.put("email", p.email());
        json.put("isServerAdmin", p.serverAdmin());
        json.put("disabled", p.disabled());
        json.put("createdDateTime", Dates.format(p.createdDateTime()));
        return json;
    }

    static Map<String, Object> client(Principal p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("displayName", p.displayName());
        json.put("isServerAdmin", p.serverAdmin());
        json.put("createdDateTime", Dates.format(p.createdDateTime()));
        return json;
    }
}
