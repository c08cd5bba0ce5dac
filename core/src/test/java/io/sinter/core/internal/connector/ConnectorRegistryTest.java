package io.sinter.core.internal.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sinter.connector.api.Connector;
import io.sinter.core.api.ConnectorInfo;
import io.sinter.core.api.ConnectorTypeInfo;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

class ConnectorRegistryTest {
    private final ConnectorRegistry registry = new ConnectorRegistry();

    @Test
    void typesAreValidIfBentleyOrRegisteredInAnyCase() {
        assertEquals("IFC", registry.canonicalType("ifc"));
        assertEquals("REVIT", registry.canonicalType(" Revit "));
        assertNull(registry.canonicalType("CSV"), "not valid until a connector registers it");
        assertNull(registry.canonicalType("NotSet"));
        assertNull(registry.canonicalType(""));
        registry.bindConnector(connector(), reference(1, 0, "csv.Connector", new String[] {"CSV", "ShelledWCSV"}, new String[] {".CSV", "tsv"}));
        assertEquals("CSV", registry.canonicalType("csv"));
    }

    @Test
    void highestRankingThenLowestServiceIdWins() {
        Connector first = connector();
        Connector ranked = connector();
        Connector later = connector();
        registry.bindConnector(first, reference(10, 0, "a.First", new String[] {"DXF"}, new String[] {"dxf"}));
        registry.bindConnector(later, reference(12, 0, "c.Later", new String[] {"DXF"}, new String[] {"dxf"}));
        assertSame(first, registry.forType("dxf").orElseThrow().connector());
        ServiceReference<Connector> rankedRef = reference(11, 5, "b.Ranked", new String[] {"DXF", "DWG"}, new String[] {"dxf"});
        registry.bindConnector(ranked, rankedRef);
        assertSame(ranked, registry.forType("DXF").orElseThrow().connector());
        registry.unbindConnector(ranked, rankedRef);
        assertSame(first, registry.forType("DXF").orElseThrow().connector());
        assertTrue(registry.forType("DWG").isEmpty());
    }

    @Test
    void catalogListsConnectorsAndEveryValidType() {
        registry.bindConnector(connector(), reference(3, 0, "csv.Connector", new String[] {"CSV"}, new String[] {".Csv"}));
        List<ConnectorInfo> connectors = registry.connectors();
        assertEquals(1, connectors.size());
        ConnectorInfo csv = connectors.get(0);
        assertEquals("csv.Connector", csv.id());
        assertEquals(List.of("CSV"), csv.types());
        assertEquals(List.of("csv"), csv.extensions());
        assertEquals("CSV connector", csv.displayName());
        assertEquals("ACTIVE", csv.bundleState());
        assertEquals("io.sinter.connector.test", csv.bundleSymbolicName());

        List<ConnectorTypeInfo> types = registry.connectorTypes();
        assertEquals(ConnectorRegistry.BENTLEY_TYPES.size() + 1, types.size());
        ConnectorTypeInfo csvType = types.stream().filter(t -> t.name().equals("CSV")).findFirst().orElseThrow();
        assertTrue(csvType.installed());
        assertEquals("csv.Connector", csvType.connectorId());
        ConnectorTypeInfo revit = types.stream().filter(t -> t.name().equals("REVIT")).findFirst().orElseThrow();
        assertFalse(revit.installed());
        assertNull(revit.connectorId());
    }

    @Test
    void connectorWithoutTypesIsIgnored() {
        registry.bindConnector(connector(), reference(4, 0, "x.NoType", null, new String[] {"x"}));
        assertTrue(registry.connectors().isEmpty());
    }

    private static Connector connector() {
        return (file, context) -> { };
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<Connector> reference(long serviceId, int ranking, String componentName, String[] types, String[] extensions) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.id", serviceId);
        properties.put("service.ranking", ranking);
        properties.put("component.name", componentName);
        if (types != null) {
            properties.put("connector.type", types);
        }
        properties.put("connector.extensions", extensions);
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> "io.sinter.connector.test";
                    case "getVersion" -> new Version(1, 2, 3);
                    case "getState" -> Bundle.ACTIVE;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ServiceReference<Connector>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> bundle;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
