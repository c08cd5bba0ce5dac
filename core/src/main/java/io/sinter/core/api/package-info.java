/**
 * Services that core provides to the REST bundle, the shell and tests, with the plain value types
 * they exchange. No JPA, Jersey or Jackson type crosses this boundary.
 */
@Export
@Version("1.2.0")
package io.sinter.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
