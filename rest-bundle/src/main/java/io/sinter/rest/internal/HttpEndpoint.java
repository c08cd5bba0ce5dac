package io.sinter.rest.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Sinter's HTTP settings (PID {@value #PID}, i.e. {@code sinter.http.host} and
 * {@code sinter.http.port}) into the configurations of Felix HTTP (Jetty) and of the Jakarta REST
 * servlet whiteboard. The distribution starts Jetty disabled, so the server only ever listens where
 * these settings say; a changed file in {@code etc/} moves it without a restart.
 */
@Component(configurationPid = HttpEndpoint.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = HttpEndpoint.class)
@Designate(ocd = HttpEndpoint.Config.class)
public final class HttpEndpoint {
    /** Configuration PID of Sinter's HTTP settings. */
    public static final String PID = "io.sinter.http";
    static final String FELIX_HTTP_PID = "org.apache.felix.http";
    static final String WHITEBOARD_PID = "JakartarsServletWhiteboardRuntimeComponent";

    /** Sinter's HTTP settings. */
    @ObjectClassDefinition(name = "Sinter HTTP", description = "Where the server listens")
    public @interface Config {
        @AttributeDefinition(description = "Interface to bind (sinter.http.host)")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "TCP port (sinter.http.port)", min = "1", max = "65535")
        int port() default 8080;

        @AttributeDefinition(description = "Start of every URL the server emits, scheme://host[:port] without path "
                + "(sinter.http.publicBaseUrl); empty: http://<host>:<port>")
        String publicBaseUrl() default "";

        @AttributeDefinition(description = "Largest accepted JSON request body in bytes")
        int maxJsonBytes() default 1024 * 1024;

        @AttributeDefinition(description = "Requests per principal and time window, e.g. 600/60 (600 per 60 s); empty: no limit "
                + "(sinter.http.rateLimit)")
        String rateLimit() default "";

        @AttributeDefinition(description = "Origins browsers may call from, e.g. https://app.example.com; empty: CORS off "
                + "(sinter.http.cors.allowedOrigins)")
        String[] cors_allowedOrigins() default {};
    }

    private final Logger logger = LoggerFactory.getLogger(HttpEndpoint.class);
    private final ConfigurationAdmin configurationAdmin;
    private volatile String baseUrl;
    private volatile int maxJsonBytes;
    private volatile RateLimiter rateLimiter = RateLimiter.parse("");
    private volatile java.util.Set<String> corsOrigins = java.util.Set.of();

    @Activate
    public HttpEndpoint(@Reference ConfigurationAdmin configurationAdmin, Config config) throws IOException {
        this.configurationAdmin = configurationAdmin;
        // Jersey serves the whole URL space: /health, /imodels, /storage, /synchronization, ...
        apply(WHITEBOARD_PID, Map.of("jersey.context.path", "/"));
        modified(config);
    }

    @Modified
    void modified(Config config) throws IOException {
        this.baseUrl = baseUrl(config);
        this.maxJsonBytes = config.maxJsonBytes();
        this.corsOrigins = config.cors_allowedOrigins() == null ? java.util.Set.of()
                : java.util.Arrays.stream(config.cors_allowedOrigins()).map(String::trim).filter(o -> !o.isEmpty())
                        .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).collect(java.util.stream.Collectors.toUnmodifiableSet());
        try {
            this.rateLimiter = RateLimiter.parse(config.rateLimit());
        } catch (IllegalArgumentException e) {
            logger.error("{}; requests are not rate limited", e.getMessage());
            this.rateLimiter = RateLimiter.parse("");
        }
        if (apply(FELIX_HTTP_PID, jettyProperties(config))) {
            logger.info("HTTP endpoint: http://{}:{}", config.host(), config.port());
        }
    }

    /** @return {@code {base}}: the public base URL without a trailing slash */
    public String baseUrl() {
        return baseUrl;
    }

    /** @return whether browsers on {@code origin} may call the API (api.md section 1.11) */
    boolean corsAllowed(String origin) {
        return origin != null && (corsOrigins.contains(origin) || corsOrigins.contains("*"));
    }

    /** @return the per-principal request limit */
    RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** @return the largest accepted JSON body in bytes */
    public int maxJsonBytes() {
        return maxJsonBytes;
    }

    static String baseUrl(Config config) {
        String configured = config.publicBaseUrl().trim();
        if (configured.isEmpty()) {
            String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
            return "http://" + host + ":" + config.port();
        }
        return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    static Map<String, Object> jettyProperties(Config config) {
        Map<String, Object> jetty = new TreeMap<>();
        jetty.put("org.apache.felix.http.enable", Boolean.TRUE);
        jetty.put("org.apache.felix.https.enable", Boolean.FALSE);
        jetty.put("org.apache.felix.http.host", config.host());
        jetty.put("org.osgi.service.http.port", config.port());
        jetty.put("org.apache.felix.http.jetty.sendServerHeader", Boolean.FALSE);
        return jetty;
    }

    /** Writes {@code wanted} into configuration {@code pid} unless it already holds these values. */
    private boolean apply(String pid, Map<String, Object> wanted) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> current = configuration.getProperties();
        if (current != null && wanted.entrySet().stream().allMatch(e -> Objects.equals(String.valueOf(current.get(e.getKey())), String.valueOf(e.getValue())))) {
            return false;
        }
        Dictionary<String, Object> update = new Hashtable<>();
        if (current != null) {
            for (var keys = current.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                update.put(key, current.get(key));
            }
        }
        wanted.forEach(update::put);
        configuration.update(update);
        return true;
    }
}
