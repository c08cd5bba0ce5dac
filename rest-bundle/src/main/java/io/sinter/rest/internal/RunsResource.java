package io.sinter.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sinter.core.api.ConnectionService.Kind;
import io.sinter.core.api.Page;
import io.sinter.core.api.RunService;
import io.sinter.core.api.RunService.JobInfo;
import io.sinter.core.api.RunService.RunInfo;
import io.sinter.core.api.RunService.TaskError;
import io.sinter.core.api.RunService.TaskInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
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

/** Runs of connections (api.md sections 5.1, 5.5 to 5.7), cancel (7.2) and run events (7.3). */
@Component(service = RunsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.runs")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("synchronization/imodels")
@Produces(Wire.JSON)
public final class RunsResource {
    private static final String KINDS = "{kind: storageconnections|manifestconnections}";
    private final RunService runs;
    private final HttpEndpoint endpoint;

    @Activate
    public RunsResource(@Reference RunService runs, @Reference HttpEndpoint endpoint) {
        this.runs = runs;
        this.endpoint = endpoint;
    }

    private String runUrl(RunInfo run) {
        return endpoint.baseUrl() + "/synchronization/imodels/" + ConnectionsResource.segment(run.connectionKind()) + "/"
                + run.connectionId() + "/runs/" + run.id();
    }

    @POST
    @Path(KINDS + "/{connectionId}/{verb: run|runs}")
    public Response start(@PathParam("kind") String segment, @PathParam("connectionId") String connectionId,
            @HeaderParam("Prefer") String prefer, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security, String text) {
        Kind kind = ConnectionsResource.kind(segment);
        RunService.Manifest manifest = null;
        if (kind == Kind.MANIFEST) {
            runs.list(kind, connectionId, 0, 1); // 404 for an unknown connection before any 422 (api.md section 1.9)
            manifest = manifest(JsonBody.parse(text, "InvalidManifestConnectionRequest", endpoint.maxJsonBytes()));
        }
        io.sinter.core.api.Caller caller = AccessFilter.caller(security);
        RunService.Start start = runs.start(kind, connectionId, caller == null ? null : caller.id(), manifest);
        URI location = URI.create(runUrl(start.run()));
        if (!start.created()) {
            return Response.seeOther(location).build();
        }
        boolean full = Paging.representation(prefer);
        Response.ResponseBuilder answer = Response.accepted().location(location).header("Preference-Applied", Paging.applied(full));
        return (full ? answer.entity(Map.of("run", run(start.run()))) : answer).build();
    }

    /** Reads a manifest run request (api.md section 5.5); the run service checks the values. */
    static RunService.Manifest manifest(JsonBody body) {
        List<JsonBody> items = body.objects("sourceFiles", true);
        String schemaUrl = body.string("documentAttributeSchemaUrl", false);
        List<RunService.ManifestItem> result = new ArrayList<>();
        if (items != null) {
            for (JsonBody item : items) {
                if (item == null) {
                    continue;
                }
                List<RunService.ManifestChild> children = new ArrayList<>();
                List<JsonBody> childBodies = item.objects("children", false);
                if (childBodies != null) {
                    for (JsonBody child : childBodies) {
                        if (child != null) {
                            children.add(new RunService.ManifestChild(child.string("id", false), child.string("parentId", false),
                                    child.string("name", false), child.string("url", false), connectorType(child),
                                    child.string("relativePath", false), attribute(child)));
                        }
                    }
                }
                result.add(new RunService.ManifestItem(item.string("id", false), item.string("name", false), item.string("action", false),
                        item.string("url", false), connectorType(item), item.string("relativePath", false), attribute(item),
                        item.optionalBool("isSpatialRoot"), children));
            }
        }
        body.done();
        return new RunService.Manifest(result, schemaUrl);
    }

    /** {@code connectorType}, or its deprecated synonym {@code connector}; both and different is a problem. */
    private static String connectorType(JsonBody item) {
        String type = item.string("connectorType", false);
        String synonym = item.string("connector", false);
        if (type != null && synonym != null && !type.equalsIgnoreCase(synonym)) {
            item.problem("InvalidValue", "'connectorType' and its synonym 'connector' differ.", item.pathOf("connectorType"));
        }
        return type != null ? type : synonym;
    }

    /** {@code documentAttribute}, or its synonym {@code documentMetadata}. */
    private static String attribute(JsonBody item) {
        String attribute = item.objectJson("documentAttribute");
        return attribute != null ? attribute : item.objectJson("documentMetadata");
    }

    @POST
    @Path(KINDS + "/{connectionId}/runs/{runId}/cancel")
    public Response cancel(@PathParam("kind") String segment, @PathParam("connectionId") String connectionId, @PathParam("runId") String runId) {
        RunInfo run = runs.cancel(ConnectionsResource.kind(segment), connectionId, runId);
        return Response.accepted(Map.of("run", run(run))).build();
    }

    @GET
    @Path(KINDS + "/{connectionId}/runs/{runId}/events")
    @Produces(RunEventStream.MEDIA_TYPE)
    public Response events(@PathParam("kind") String segment, @PathParam("connectionId") String connectionId, @PathParam("runId") String runId,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        Long last = null;
        if (lastEventId != null && lastEventId.matches("\\d{1,18}")) {
            last = Long.valueOf(lastEventId);
        }
        RunEventStream stream = new RunEventStream();
        AutoCloseable subscription = runs.follow(ConnectionsResource.kind(segment), connectionId, runId, last, stream::offer);
        return Response.ok(stream.output(subscription), RunEventStream.MEDIA_TYPE).header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no").build();
    }

    @GET
    @Path(KINDS + "/{connectionId}/runs")
    public Response list(@PathParam("kind") String segment, @PathParam("connectionId") String connectionId, @QueryParam("$top") String top,
            @QueryParam("$skip") String skip, @HeaderParam("Prefer") String prefer) {
        Kind kind = ConnectionsResource.kind(segment);
        String code = kind == Kind.STORAGE ? "InvalidStorageConnectionRequest" : "InvalidManifestConnectionRequest";
        boolean full = Paging.representation(prefer);
        Page<RunInfo> page = runs.list(kind, connectionId, Paging.skip(skip, code), Paging.top(top, code));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runs", page.items().stream().map(r -> full ? run(r) : minimal(r)).toList());
        json.put("_links", Paging.links(endpoint.baseUrl(), "/synchronization/imodels/" + segment + "/" + connectionId + "/runs", Map.of(), page));
        return Response.ok(json).header("Preference-Applied", Paging.applied(full)).build();
    }

    @GET
    @Path(KINDS + "/{connectionId}/runs/{runId}")
    public Map<String, Object> get(@PathParam("kind") String segment, @PathParam("connectionId") String connectionId,
            @PathParam("runId") String runId) {
        return Map.of("run", run(runs.get(ConnectionsResource.kind(segment), connectionId, runId)));
    }

    static Map<String, Object> minimal(RunInfo r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("state", r.state());
        json.put("result", r.result());
        return json;
    }

    static Map<String, Object> run(RunInfo r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("connectionId", r.connectionId());
        json.put("iModelId", r.iModelId());
        json.put("ownerId", r.ownerId());
        json.put("startDateTime", Dates.orUnset(r.startDateTime()));
        json.put("endDateTime", Dates.orUnset(r.endDateTime()));
        json.put("phase", r.phase());
        json.put("state", r.state());
        json.put("result", r.result());
        if (r.errorKey() != null) {
            json.put("error", Map.of("errorKey", r.errorKey(), "description", r.errorDescription()));
        }
        json.put("jobs", r.jobs().stream().map(j -> job(r, j)).toList());
        return json;
    }

    static Map<String, Object> job(RunInfo r, JobInfo j) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", j.id());
        json.put("connectorType", j.connectorType());
        json.put("startDateTime", Dates.orUnset(j.startDateTime()));
        json.put("endDateTime", Dates.orUnset(j.endDateTime()));
        json.put("state", j.state());
        json.put("result", j.result());
        json.put("tasks", j.tasks().stream().map(t -> task(r, t)).toList());
        return json;
    }

    static Map<String, Object> task(RunInfo r, TaskInfo t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put(r.connectionKind() == Kind.STORAGE ? "storageFileId" : "sourceFileId", t.sourceKey());
        json.put("sourceFileRecordId", t.sourceFileRecordId());
        json.put("action", t.action());
        json.put("fileName", t.fileName());
        json.put("startDateTime", Dates.orUnset(t.startDateTime()));
        json.put("endDateTime", Dates.orUnset(t.endDateTime()));
        json.put("retryAttempts", t.retryAttempts());
        json.put("state", t.state());
        json.put("result", t.result());
        if (t.error() != null) {
            json.put("error", error(t.error()));
        }
        if (t.detailsJson() != null) {
            try {
                json.put("details", ObjectMapperResolver.MAPPER.readTree(t.detailsJson()));
            } catch (JsonProcessingException e2) {
                throw new IllegalStateException("stored task details are not JSON", e2);
            }
        }
        return json;
    }

    static Map<String, Object> error(TaskError e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", e.errorCode());
        error.put("message", e.message());
        error.put("details", e.details());
        error.put("system", e.system());
        error.put("phase", e.phase());
        error.put("category", e.category());
        error.put("descriptionKey", e.descriptionKey());
        error.put("description", e.description());
        error.put("canUserFix", e.canUserFix());
        return error;
    }
}
