package io.sinter.core.internal.run;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Where this server listens, read from Sinter's HTTP settings (PID {@value #PID}, owned and designated
 * by rest-bundle's HttpEndpoint): the bind host and port, and the host and port of the public base URL.
 * The download guard refuses these destinations (a manifest URL must not make Sinter call itself).
 */
@Component(service = HttpListeners.class, configurationPid = HttpListeners.PID)
public final class HttpListeners {
    static final String PID = "io.sinter.http";

    /** The part of Sinter's HTTP settings this needs; defaults as in rest-bundle. */
    @interface Config {
        String host() default "127.0.0.1";

        int port() default 8080;

        String publicBaseUrl() default "";
    }

    private volatile List<AddressGuard.Listener> listeners;

    @Activate
    public HttpListeners(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.listeners = listeners(config.host(), config.port(), config.publicBaseUrl());
    }

    /** @return the places this server listens now */
    List<AddressGuard.Listener> listeners() {
        return listeners;
    }

    static List<AddressGuard.Listener> listeners(String host, int port, String publicBaseUrl) {
        List<AddressGuard.Listener> result = new ArrayList<>();
        String bound = host == null ? "" : host.trim();
        result.add(new AddressGuard.Listener(bound.startsWith("[") && bound.endsWith("]") ? bound.substring(1, bound.length() - 1) : bound, port, true));
        String base = publicBaseUrl == null ? "" : publicBaseUrl.trim();
        if (!base.isEmpty()) {
            try {
                URI uri = URI.create(base);
                String h = uri.getHost();
                if (h != null) {
                    int p = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                    result.add(new AddressGuard.Listener(h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h, p, false));
                }
            } catch (IllegalArgumentException e) {
                // rest-bundle reports a malformed base URL; only the bind address counts then
            }
        }
        return List.copyOf(result);
    }
}
