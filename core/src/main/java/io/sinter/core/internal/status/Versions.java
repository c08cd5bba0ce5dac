package io.sinter.core.internal.status;

import org.osgi.framework.Bundle;

/** The Sinter version as people write it (0.1.0-SNAPSHOT), from the bundle's {@code Sinter-Version} header. */
final class Versions {
    static final String HEADER = "Sinter-Version";

    private Versions() {
    }

    static String of(Bundle bundle) {
        String version = bundle.getHeaders("").get(HEADER);
        return version == null || version.isBlank() ? bundle.getVersion().toString() : version;
    }
}
