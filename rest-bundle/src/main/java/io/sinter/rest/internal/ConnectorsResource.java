package io.sinter.rest.internal;

import io.sinter.core.api.ConnectorCatalog;
import io.sinter.core.api.ConnectorInfo;
import io.sinter.core.api.ConnectorTypeInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

/** {@code GET /synchronization/connectors} (api.md section 7.1): installed connectors and valid types. */
@Component(service = ConnectorsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.connectors")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("synchronization/connectors")
public final class ConnectorsResource {
    private final ConnectorCatalog catalog;

    @Activate
    public ConnectorsResource(@Reference ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> connectors() {
        return body(catalog.connectors(), catalog.connectorTypes());
    }

    static Map<String, Object> body(List<ConnectorInfo> connectors, List<ConnectorTypeInfo> types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectors", connectors.stream().map(ConnectorsResource::connector).toList());
        body.put("connectorTypes", types.stream().map(t -> {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("name", t.name());
            type.put("installed", t.installed());
            type.put("connectorId", t.connectorId());
            return type;
        }).toList());
        return body;
    }

    private static Map<String, Object> connector(ConnectorInfo c) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("symbolicName", c.bundleSymbolicName());
        bundle.put("version", c.bundleVersion());
        bundle.put("state", c.bundleState());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("displayName", c.displayName());
        json.put("types", c.types());
        json.put("extensions", c.extensions());
        json.put("version", c.version());
        json.put("bundle", bundle);
        return json;
    }
}
