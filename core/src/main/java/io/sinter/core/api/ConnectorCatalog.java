package io.sinter.core.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The connectors installed right now (api.md section 7.1) and the connector types a source file may
 * be mapped with (section 5.2). Follows hot deployment: a connector bundle that starts or stops
 * changes the answer at once.
 */
@ProviderType
public interface ConnectorCatalog {

    /** @return installed connectors, ordered by id */
    List<ConnectorInfo> connectors();

    /** @return every valid connector type, ordered by name, with the connector that would serve it */
    List<ConnectorTypeInfo> connectorTypes();

    /**
     * @param type a connector type in any case
     * @return the canonical (upper-case) type if it is valid: a Bentley type name or one an installed
     *         connector registers; null otherwise
     */
    String canonicalType(String type);
}
