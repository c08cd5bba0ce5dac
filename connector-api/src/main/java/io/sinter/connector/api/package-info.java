/**
 * The service interface that every Sinter connector bundle implements: a connector turns one source
 * file into elements, schema and geolocation.
 */
@Export
@Version("1.2.0")
package io.sinter.connector.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
