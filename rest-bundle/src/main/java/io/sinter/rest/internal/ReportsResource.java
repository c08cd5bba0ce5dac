package io.sinter.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sinter.core.api.Page;
import io.sinter.core.api.ReportService;
import io.sinter.core.api.ReportService.ReportInfo;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** {@code /synchronization/reports}: the diagnostics reports of tasks (api.md section 7.4). */
@Component(service = ReportsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.reports")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("synchronization/reports")
@Produces(Wire.JSON)
public final class ReportsResource {
    static final String INVALID = "InvalidReportsRequest";
    private final ReportService reports;
    private final HttpEndpoint endpoint;

    @Activate
    public ReportsResource(@Reference ReportService reports, @Reference HttpEndpoint endpoint) {
        this.reports = reports;
        this.endpoint = endpoint;
    }

    @GET
    public Map<String, Object> list(@QueryParam("imodelId") String iModelId, @QueryParam("runId") String runId, @QueryParam("taskId") String taskId,
            @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        String m = blankToNull(iModelId);
        String r = blankToNull(runId);
        String t = blankToNull(taskId);
        if (m == null && r == null) {
            throw ServiceException.invalid(INVALID, "MissingRequiredProperty", "Give 'runId' or 'imodelId' (or both).", "runId");
        }
        Page<ReportInfo> page = reports.list(m, r, t, Paging.skip(skip, INVALID), Paging.top(top, INVALID));
        Map<String, String> query = new LinkedHashMap<>();
        if (m != null) {
            query.put("imodelId", m);
        }
        if (r != null) {
            query.put("runId", r);
        }
        if (t != null) {
            query.put("taskId", t);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reports", page.items().stream().map(ReportsResource::report).toList());
        json.put("_links", Paging.links(endpoint.baseUrl(), "/synchronization/reports", query, page));
        return json;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, Object> report(ReportInfo r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("imodelId", r.iModelId());
        json.put("runId", r.runId());
        json.put("taskId", r.taskId());
        json.put("createdTimeStamp", Dates.format(r.createdTimeStamp()));
        try {
            json.put("report", ObjectMapperResolver.MAPPER.readTree(r.reportJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is not JSON", e);
        }
        return json;
    }
}
