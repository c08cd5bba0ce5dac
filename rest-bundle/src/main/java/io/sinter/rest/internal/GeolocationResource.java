package io.sinter.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sinter.core.api.GeolocationService;
import io.sinter.core.api.IModelService;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /imodels/{id}/geolocation} (api.md section 7.8). */
@Component(service = GeolocationResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.geolocation")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("imodels/{iModelId}/geolocation")
@Produces(Wire.JSON)
public final class GeolocationResource {
    private final GeolocationService geolocation;

    @Activate
    public GeolocationResource(@Reference GeolocationService geolocation) {
        this.geolocation = geolocation;
    }

    @GET
    public Map<String, Object> get(@PathParam("iModelId") String iModelId, @QueryParam("changesetIndex") String changesetIndex) {
        Integer index = null;
        if (changesetIndex != null) {
            if (!changesetIndex.trim().matches("\\d{1,9}")) {
                throw ServiceException.invalid(IModelService.INVALID, "InvalidValue", "'changesetIndex' must be a non-negative integer.", "changesetIndex");
            }
            index = Integer.valueOf(changesetIndex.trim());
        }
        try {
            return Map.of("geolocation", ObjectMapperResolver.MAPPER.readTree(geolocation.geolocation(iModelId, index).json()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the geolocation is not JSON", e);
        }
    }
}
