package io.sinter.core.api;

/**
 * A valid connector type.
 *
 * @param name the canonical, upper-case name
 * @param installed whether an installed connector serves it
 * @param connectorId the id of the connector that would serve it, or null
 */
public record ConnectorTypeInfo(String name, boolean installed, String connectorId) {
}
