package io.sinter.core.api;

import java.util.List;

/**
 * An installed connector.
 *
 * @param id stable id (the connector component's name)
 * @param displayName the name people read
 * @param types connector types it serves, upper case
 * @param extensions file extensions it reads, lower case, without the dot
 * @param version its mapping version (part of the skip key)
 * @param bundleSymbolicName the bundle it comes from
 * @param bundleVersion that bundle's version
 * @param bundleState that bundle's OSGi state, e.g. {@code ACTIVE}
 */
public record ConnectorInfo(String id, String displayName, List<String> types, List<String> extensions, String version,
        String bundleSymbolicName, String bundleVersion, String bundleState) {
}
