package io.sinter.rest.internal;

import io.sinter.core.api.ConnectionService;
import io.sinter.core.api.ConnectionService.ConnectionInfo;
import io.sinter.core.api.ConnectionService.Kind;
import io.sinter.core.api.ConnectionService.SourceFileInfo;
import io.sinter.core.api.ConnectionService.SourceFileSpec;
import io.sinter.core.api.Page;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import io.sinter.core.api.Caller;
import java.net.URI;
import java.util.ArrayList;
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

/** Storage and manifest connections and their source files (api.md sections 5.1, 5.3, 5.4). */
@Component(service = ConnectionsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.connections")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("synchronization/imodels")
@Produces(Wire.JSON)
public final class ConnectionsResource {
    private final io.sinter.core.api.AccessService access;
    private static final String KINDS = "{kind: storageconnections|manifestconnections}";
    private final ConnectionService connections;
    private final HttpEndpoint endpoint;

    @Activate
    public ConnectionsResource(@Reference ConnectionService connections, @Reference HttpEndpoint endpoint,
            @Reference io.sinter.core.api.AccessService access) {
        this.access = access;
        this.connections = connections;
        this.endpoint = endpoint;
    }

    private String base() {
        return endpoint.baseUrl();
    }

    static Kind kind(String segment) {
        return "storageconnections".equals(segment) ? Kind.STORAGE : Kind.MANIFEST;
    }

    static String segment(Kind kind) {
        return kind == Kind.STORAGE ? "storageconnections" : "manifestconnections";
    }

    private Map<String, Object> connection(ConnectionInfo c, boolean full) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("displayName", c.displayName());
        if (!full) {
            return json;
        }
        json.put("iModelId", c.iModelId());
        json.put("iTwinId", c.iTwinId());
        json.put("authenticationType", c.authenticationType());
        json.put("connectionType", c.kind() == Kind.STORAGE ? "storage" : "manifest");
        json.put("createdDateTime", Dates.format(c.createdDateTime()));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("iModel", Wire.link(base() + "/imodels/" + c.iModelId()));
        links.put("iTwin", Wire.link(base() + "/itwins/" + c.iTwinId()));
        if (c.lastRunId() != null) {
            links.put("lastRun", Wire.link(base() + "/synchronization/imodels/" + segment(c.kind()) + "/" + c.id() + "/runs/" + c.lastRunId()));
        }
        json.put("_links", links);
        return json;
    }

    private Map<String, Object> sourceFile(SourceFileInfo f, boolean full) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", f.id());
        if (f.kind() == Kind.STORAGE) {
            json.put("storageFileId", f.key());
            if (full) {
                json.put("connectorType", f.connectorType());
            }
            json.put("lastKnownFileName", f.lastKnownFileName());
        } else {
            json.put("sourceFileId", f.key());
            if (full) {
                json.put("lastKnownFileName", f.lastKnownFileName());
                json.put("connectorType", f.connectorType());
            }
        }
        if (full) {
            json.put("isSpatialRoot", f.spatialRoot());
            json.put("modelId", f.modelId());
        }
        if (f.kind() == Kind.STORAGE) {
            json.put("_links", Map.of("file", Wire.link(base() + "/storage/files/" + f.key())));
        }
        return json;
    }

    private static SourceFileSpec spec(Kind kind, JsonBody item) {
        if (item == null) {
            return null;
        }
        if (kind == Kind.STORAGE) {
            return new SourceFileSpec(item.string("storageFileId", true), item.string("connectorType", true), item.optionalBool("isSpatialRoot"));
        }
        return new SourceFileSpec(item.string("sourceFileId", true), null, null);
    }

    private String invalid(Kind kind) {
        return kind == Kind.STORAGE ? ConnectionService.INVALID_STORAGE : ConnectionService.INVALID_MANIFEST;
    }

    private String invalidFile(Kind kind) {
        return kind == Kind.STORAGE ? ConnectionService.INVALID_STORAGE_FILE : ConnectionService.INVALID_MANIFEST_FILE;
    }

    @GET
    @Path("connections")
    public Response all(@Context SecurityContext security, @QueryParam("imodelId") String iModelId, @QueryParam("$top") String top,
            @QueryParam("$skip") String skip, @HeaderParam("Prefer") String prefer) {
        return list(security, null, iModelId, top, skip, prefer, "/synchronization/imodels/connections", ConnectionService.INVALID_STORAGE);
    }

    @GET
    @Path(KINDS)
    public Response list(@Context SecurityContext security, @PathParam("kind") String segment, @QueryParam("imodelId") String iModelId,
            @QueryParam("$top") String top, @QueryParam("$skip") String skip, @HeaderParam("Prefer") String prefer) {
        Kind kind = kind(segment);
        return list(security, kind, iModelId, top, skip, prefer, "/synchronization/imodels/" + segment, invalid(kind));
    }

    private Response list(SecurityContext security, Kind kind, String iModelId, String top, String skip, String prefer, String path,
            String code) {
        boolean full = Paging.representation(prefer);
        String filter = iModelId == null || iModelId.isBlank() ? null : iModelId;
        // without an iModel filter, only connections of the caller's iTwins (api.md section 2.6)
        Caller caller = AccessFilter.caller(security);
        java.util.Set<String> only = filter != null || caller == null || caller.principal().serverAdmin() ? null : access.iTwins(caller.id());
        Page<ConnectionInfo> page = connections.list(kind, filter, only, Paging.skip(skip, code), Paging.top(top, code));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connections", page.items().stream().map(c -> connection(c, full)).toList());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("imodelId", iModelId);
        json.put("_links", Paging.links(base(), path, query, page));
        return Response.ok(json).header("Preference-Applied", Paging.applied(full)).build();
    }

    @POST
    @Path(KINDS)
    public Response create(@PathParam("kind") String segment, String text) {
        Kind kind = kind(segment);
        JsonBody body = JsonBody.parse(text, invalid(kind), endpoint.maxJsonBytes());
        String iModelId = body.string("iModelId", true);
        String displayName = body.string("displayName", false);
        String auth = body.string("authenticationType", false);
        List<JsonBody> items = body.objects("sourceFiles", true);
        List<SourceFileSpec> specs = null;
        if (items != null) {
            specs = new ArrayList<>();
            for (JsonBody item : items) {
                specs.add(spec(kind, item));
            }
        }
        body.done();
        ConnectionInfo created = connections.create(kind, iModelId, displayName, auth, specs);
        return Response.created(URI.create(base() + "/synchronization/imodels/" + segment + "/" + created.id()))
                .entity(Map.of("connection", connection(created, true))).build();
    }

    @GET
    @Path(KINDS + "/{connectionId}")
    public Map<String, Object> get(@PathParam("kind") String segment, @PathParam("connectionId") String id) {
        return Map.of("connection", connection(connections.get(kind(segment), id), true));
    }

    @PUT
    @Path(KINDS + "/{connectionId}")
    public Map<String, Object> update(@PathParam("kind") String segment, @PathParam("connectionId") String id, String text) {
        Kind kind = kind(segment);
        connections.get(kind, id);
        JsonBody body = JsonBody.parse(text, invalid(kind), endpoint.maxJsonBytes());
        String displayName = body.string("displayName", false);
        String auth = body.string("authenticationType", false);
        body.done();
        return Map.of("connection", connection(connections.update(kind, id, displayName, auth), true));
    }

    @DELETE
    @Path(KINDS + "/{connectionId}")
    public Response delete(@PathParam("kind") String segment, @PathParam("connectionId") String id) {
        connections.delete(kind(segment), id);
        return Response.noContent().build();
    }

    @POST
    @Path(KINDS + "/{connectionId}/sourcefiles")
    public Response addSourceFile(@PathParam("kind") String segment, @PathParam("connectionId") String id, String text) {
        Kind kind = kind(segment);
        connections.get(kind, id);
        JsonBody body = JsonBody.parse(text, invalidFile(kind), endpoint.maxJsonBytes());
        SourceFileSpec spec = spec(kind, body);
        body.done();
        SourceFileInfo added = connections.addSourceFile(kind, id, spec);
        return Response.created(URI.create(base() + "/synchronization/imodels/" + segment + "/" + id + "/sourcefiles/" + added.id()))
                .entity(Map.of("sourceFile", sourceFile(added, true))).build();
    }

    @GET
    @Path(KINDS + "/{connectionId}/sourcefiles")
    public Response sourceFiles(@PathParam("kind") String segment, @PathParam("connectionId") String id, @QueryParam("$top") String top,
            @QueryParam("$skip") String skip, @HeaderParam("Prefer") String prefer) {
        Kind kind = kind(segment);
        boolean full = Paging.representation(prefer);
        Page<SourceFileInfo> page = connections.sourceFiles(kind, id, Paging.skip(skip, invalidFile(kind)), Paging.top(top, invalidFile(kind)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sourceFiles", page.items().stream().map(f -> sourceFile(f, full)).toList());
        json.put("_links", Paging.links(base(), "/synchronization/imodels/" + segment + "/" + id + "/sourcefiles", Map.of(), page));
        return Response.ok(json).header("Preference-Applied", Paging.applied(full)).build();
    }

    @GET
    @Path(KINDS + "/{connectionId}/sourcefiles/{sourceFileId}")
    public Map<String, Object> sourceFile(@PathParam("kind") String segment, @PathParam("connectionId") String id,
            @PathParam("sourceFileId") String sourceFileId) {
        return Map.of("sourceFile", sourceFile(connections.sourceFile(kind(segment), id, sourceFileId), true));
    }

    @PUT
    @Path(KINDS + "/{connectionId}/sourcefiles/{sourceFileId}")
    public Map<String, Object> updateSourceFile(@PathParam("kind") String segment, @PathParam("connectionId") String id,
            @PathParam("sourceFileId") String sourceFileId, String text) {
        Kind kind = kind(segment);
        connections.sourceFile(kind, id, sourceFileId);
        JsonBody body = JsonBody.parse(text, invalidFile(kind), endpoint.maxJsonBytes());
        SourceFileSpec spec = spec(kind, body);
        body.done();
        return Map.of("sourceFile", sourceFile(connections.updateSourceFile(kind, id, sourceFileId, spec), true));
    }

    @DELETE
    @Path(KINDS + "/{connectionId}/sourcefiles/{sourceFileId}")
    public Response removeSourceFile(@PathParam("kind") String segment, @PathParam("connectionId") String id,
            @PathParam("sourceFileId") String sourceFileId) {
        connections.removeSourceFile(kind(segment), id, sourceFileId);
        return Response.noContent().build();
    }
}
