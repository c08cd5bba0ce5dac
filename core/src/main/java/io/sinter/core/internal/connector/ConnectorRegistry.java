package io.sinter.core.internal.connector;

import io.sinter.connector.api.Connector;
import io.sinter.connector.api.ConnectorType;
import io.sinter.core.api.ConnectorCatalog;
import io.sinter.core.api.ConnectorInfo;
import io.sinter.core.api.ConnectorTypeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whiteboard of {@link Connector} services. Connector bundles come and go while the server runs;
 * the next lookup sees the change. Only core looks connectors up.
 */
@Component(service = {ConnectorRegistry.class, ConnectorCatalog.class})
public final class ConnectorRegistry implements ConnectorCatalog {
    /** The Bentley connector type names (api.md section 5.2), valid whether installed or not. */
    static final Set<String> BENTLEY_TYPES = Set.of("AUTOPLANT", "AVEVADIAGRAMS", "AVEVAPID", "AFFINITYCHECKER", "CIVIL",
            "CIVIL3D", "DWG", "GEOSPATIAL", "IFC", "INTELLIPID", "MSTN", "NWD", "OBD", "OPENTOWER", "PROSTRUCTURES",
            "PSEXCEL", "REVIT", "SHELLEDWCSV", "SPPID", "SPXREVIEW");

    private final Logger logger = LoggerFactory.getLogger(ConnectorRegistry.class);
    private final Map<Long, Registered> registered = new ConcurrentHashMap<>();

    /** A connector service with what its properties say. */
    public record Registered(Connector connector, long serviceId, int ranking, String id, String displayName, List<String> types,
            List<String> extensions, String version, Bundle bundle) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConnector(Connector connector, ServiceReference<Connector> reference) {
        Registered r = describe(connector, reference);
        if (r.types().isEmpty()) {
            logger.warn("Connector {} from bundle {} has no {} property: ignored", r.id(), r.bundle().getSymbolicName(), ConnectorType.TYPE);
            return;
        }
        registered.put(r.serviceId(), r);
        logger.info("Connector installed: {} {} for {} ({})", r.id(), r.version(), r.types(), r.extensions());
    }

    void unbindConnector(Connector connector, ServiceReference<Connector> reference) {
        Registered r = registered.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        if (r != null) {
            logger.info("Connector removed: {} for {}", r.id(), r.types());
        }
    }

    static Registered describe(Connector connector, ServiceReference<Connector> reference) {
        List<String> types = strings(reference.getProperty(ConnectorType.TYPE)).stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
        List<String> extensions = strings(reference.getProperty(ConnectorType.EXTENSIONS)).stream()
                .map(e -> e.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")).toList();
        String id = String.valueOf(Optional.ofNullable(reference.getProperty("component.name"))
                .orElse(reference.getBundle().getSymbolicName() + "/" + reference.getProperty(Constants.SERVICE_ID)));
        String name = strings(reference.getProperty(ConnectorType.NAME)).stream().findFirst()
                .filter(n -> !n.isBlank()).orElse(String.join("/", types) + " connector");
        String version = strings(reference.getProperty(ConnectorType.VERSION)).stream().findFirst().orElse("1");
        Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
        return new Registered(connector, (Long) reference.getProperty(Constants.SERVICE_ID),
                ranking instanceof Integer i ? i : 0, id, name, types, extensions, version, reference.getBundle());
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Iterable<?> items) {
            List<String> out = new ArrayList<>();
            items.forEach(i -> out.add(String.valueOf(i)));
            return out;
        }
        return List.of(String.valueOf(value));
    }

    /** The order in which connectors registering the same type win: highest ranking, then lowest service id. */
    private static final Comparator<Registered> PRECEDENCE =
            Comparator.comparingInt(Registered::ranking).reversed().thenComparingLong(Registered::serviceId);

    /** @return the connector serving {@code type} (any case), if one is installed */
    public Optional<Registered> forType(String type) {
        String wanted = type.toUpperCase(Locale.ROOT);
        return registered.values().stream().filter(r -> r.types().contains(wanted)).min(PRECEDENCE);
    }

    @Override
    public List<ConnectorInfo> connectors() {
        return registered.values().stream().sorted(Comparator.comparing(Registered::id).thenComparing(PRECEDENCE))
                .map(ConnectorRegistry::info).toList();
    }

    private static ConnectorInfo info(Registered r) {
        return new ConnectorInfo(r.id(), r.displayName(), r.types(), r.extensions(), r.version(),
                r.bundle().getSymbolicName(), r.bundle().getVersion().toString(), state(r.bundle().getState()));
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }

    @Override
    public List<ConnectorTypeInfo> connectorTypes() {
        Set<String> names = new TreeSet<>(BENTLEY_TYPES);
        registered.values().forEach(r -> names.addAll(r.types()));
        Map<String, ConnectorTypeInfo> result = new TreeMap<>();
        for (String name : names) {
            Optional<Registered> serving = forType(name);
            result.put(name, new ConnectorTypeInfo(name, serving.isPresent(), serving.map(Registered::id).orElse(null)));
        }
        return List.copyOf(result.values());
    }

    @Override
    public String canonicalType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String upper = type.trim().toUpperCase(Locale.ROOT);
        if (BENTLEY_TYPES.contains(upper) || registered.values().stream().anyMatch(r -> r.types().contains(upper))) {
            return upper;
        }
        return null;
    }
}
