package io.sinter.rest.internal;

import io.sinter.core.api.ElementService;
import io.sinter.core.api.ElementService.ElementFilter;
import io.sinter.core.api.ElementService.ElementInfo;
import io.sinter.core.api.ElementService.HistoryEntry;
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
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** [ext] {@code /imodels/{id}/elements}: elements as of a changeset, their history and geometry (api.md section 7.5). */
@Component(service = ElementsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.elements")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("imodels/{iModelId}/elements")
@Produces(Wire.JSON)
public final class ElementsResource {
    /** The media type of binary glTF. */
    static final String GLB = "model/gltf-binary";
    private static final String INVALID = IModelService.INVALID;
    private final ElementService elements;
    private final IModelService iModels;
    private final HttpEndpoint endpoint;

    @Activate
    public ElementsResource(@Reference ElementService elements, @Reference IModelService iModels, @Reference HttpEndpoint endpoint) {
        this.elements = elements;
        this.iModels = iModels;
        this.endpoint = endpoint;
    }

    /**
     * Parses request parameters with {@code parse}; when one is invalid, {@code addressed} runs first so that a
     * missing iModel or changeset answers 404 before the 422 (precedence of api.md section 1.9).
     */
    static <T> T checked(Supplier<T> parse, Runnable addressed) {
        try {
            return parse.get();
        } catch (ServiceException invalid) {
            if (invalid.kind() == ServiceException.Kind.INVALID) {
                addressed.run();
            }
            throw invalid;
        }
    }

    /** @return {@code changesetIndex}: null when absent; not a non-negative integer is a 422 */
    static Integer changesetIndex(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below
        }
        throw ServiceException.invalid(INVALID, "InvalidValue", "'changesetIndex' must be an integer of 0 or more.", "changesetIndex");
    }

    @GET
    public Response list(@PathParam("iModelId") String iModelId, @QueryParam("changesetIndex") String changesetIndex,
            @QueryParam("className") String className, @QueryParam("category") String category,
            @QueryParam("sourceFileId") String sourceFileId, @QueryParam("modelId") String modelId, @QueryParam("$top") String top,
            @QueryParam("$skip") String skip, @HeaderParam("Prefer") String prefer) {
        boolean full = Paging.representation(prefer);
        Runnable addressed = () -> iModels.get(iModelId);
        Integer index = checked(() -> changesetIndex(changesetIndex), addressed);
        int skipped = checked(() -> Paging.skip(skip, INVALID), addressed);
        int size = checked(() -> Paging.top(top, INVALID), addressed);
        Page<ElementInfo> page = elements.list(iModelId, new ElementFilter(index, className, category, sourceFileId, modelId), skipped, size);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("changesetIndex", changesetIndex == null ? null : changesetIndex.trim());
        query.put("className", className);
        query.put("category", category);
        query.put("sourceFileId", sourceFileId);
        query.put("modelId", modelId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("elements", page.items().stream().map(e -> full ? e.toJson() : minimal(e)).toList());
        json.put("_links", Paging.links(endpoint.baseUrl(), "/imodels/" + iModelId + "/elements", query, page));
        return Response.ok(json).header("Preference-Applied", Paging.applied(full)).build();
    }

    static Map<String, Object> minimal(ElementInfo e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("classFullName", e.classFullName());
        json.put("modelId", e.modelId());
        json.put("category", e.category());
        json.put("userLabel", e.userLabel());
        json.put("codeValue", e.codeValue());
        return json;
    }

    @GET
    @Path("{elementId}")
    public Map<String, Object> get(@PathParam("iModelId") String iModelId, @PathParam("elementId") String elementId,
            @QueryParam("changesetIndex") String changesetIndex) {
        Integer index = checked(() -> changesetIndex(changesetIndex), () -> iModels.get(iModelId));
        return Map.of("element", elements.get(iModelId, elementId, index).toJson());
    }

    @GET
    @Path("{elementId}/history")
    public Map<String, Object> history(@PathParam("iModelId") String iModelId, @PathParam("elementId") String elementId,
            @QueryParam("$top") String top, @QueryParam("$skip") String skip) {
        Runnable addressed = () -> elements.history(iModelId, elementId, 0, 1);
        int skipped = checked(() -> Paging.skip(skip, INVALID), addressed);
        int size = checked(() -> Paging.top(top, INVALID), addressed);
        Page<HistoryEntry> page = elements.history(iModelId, elementId, skipped, size);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("history", page.items().stream().map(h -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("changesetIndex", h.changesetIndex());
            entry.put("changesetId", h.changesetId());
            entry.put("pushDateTime", h.pushDateTime() == null ? null : Dates.format(h.pushDateTime()));
            entry.put("operation", h.operation());
            entry.put("changedProperties", h.changedProperties());
            return entry;
        }).toList());
        json.put("_links", Paging.links(endpoint.baseUrl(), "/imodels/" + iModelId + "/elements/" + elementId + "/history", Map.of(), page));
        return json;
    }

    @GET
    @Path("{elementId}/geometry")
    @Produces({GLB, Wire.JSON})
    public Response geometry(@PathParam("iModelId") String iModelId, @PathParam("elementId") String elementId,
            @QueryParam("changesetIndex") String changesetIndex) {
        Integer index = checked(() -> changesetIndex(changesetIndex), () -> iModels.get(iModelId));
        byte[] glb = elements.geometry(iModelId, elementId, index);
        return Response.ok(glb, GLB).build();
    }
}
