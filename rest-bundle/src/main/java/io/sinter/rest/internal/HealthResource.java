package io.sinter.rest.internal;

import io.sinter.core.api.ServerStatus;
import io.sinter.core.api.SystemStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** {@code GET /health} (api.md section 7.9): no authentication; 200 when UP, 503 when DOWN. */
@Component(service = HealthResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.health")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("health")
public final class HealthResource {
    private final SystemStatus systemStatus;

    @Activate
    public HealthResource(@Reference SystemStatus systemStatus) {
        this.systemStatus = systemStatus;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        ServerStatus status = systemStatus.status();
        Response.ResponseBuilder answer = status.up() ? Response.ok() : Response.status(503).header("Retry-After", "10");
        return answer.entity(body(status)).build();
    }

    static Map<String, Object> body(ServerStatus status) {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", status.database().up() ? "UP" : "DOWN");
        checks.put("storage", status.storage().up() ? "UP" : "DOWN");
        checks.put("connectors", status.connectors());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.up() ? "UP" : "DOWN");
        body.put("version", status.version());
        body.put("startedAt", Dates.format(status.startedAt()));
        body.put("uptimeSeconds", status.uptime().toSeconds());
        body.put("checks", checks);
        Map<String, Object> failures = new LinkedHashMap<>();
        if (!status.database().up()) {
            failures.put("database", status.database().detail());
        }
        if (!status.storage().up()) {
            failures.put("storage", status.storage().detail());
        }
        if (!failures.isEmpty()) {
            body.put("failures", failures);
        }
        return body;
    }
}
