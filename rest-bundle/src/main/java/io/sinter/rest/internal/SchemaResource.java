package io.sinter.rest.internal;

import io.sinter.core.api.ElementService;
import io.sinter.core.api.ElementService.SchemaInfo;
import io.sinter.core.api.IModelService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** [ext] {@code /imodels/{id}/schema}: classes, property paths and categories as of a changeset (api.md section 7.7). */
@Component(service = SchemaResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.schema")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("imodels/{iModelId}/schema")
@Produces(Wire.JSON)
public final class SchemaResource {
    private final ElementService elements;
    private final IModelService iModels;

    @Activate
    public SchemaResource(@Reference ElementService elements, @Reference IModelService iModels) {
        this.elements = elements;
        this.iModels = iModels;
    }

    @GET
    public Map<String, Object> get(@PathParam("iModelId") String iModelId, @QueryParam("changesetIndex") String changesetIndex) {
        Integer index = ElementsResource.checked(() -> ElementsResource.changesetIndex(changesetIndex), () -> iModels.get(iModelId));
        return Map.of("schema", schema(elements.schema(iModelId, index)));
    }

    static Map<String, Object> schema(SchemaInfo s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("changesetIndex", s.changesetIndex());
        json.put("classes", s.classes().stream().map(c -> {
            Map<String, Object> cls = new LinkedHashMap<>();
            cls.put("fullName", c.fullName());
            cls.put("elementCount", c.elementCount());
            cls.put("properties", c.properties().stream().map(p -> {
                Map<String, Object> path = new LinkedHashMap<>();
                path.put("path", p.path());
                path.put("types", p.types());
                return path;
            }).toList());
            return cls;
        }).toList());
        json.put("categories", s.categories().stream().map(c -> {
            Map<String, Object> cat = new LinkedHashMap<>();
            cat.put("name", c.name());
            cat.put("elementCount", c.elementCount());
            return cat;
        }).toList());
        return json;
    }
}
