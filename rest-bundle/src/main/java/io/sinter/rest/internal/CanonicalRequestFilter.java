package io.sinter.rest.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The request rules of api.md sections 1.2 and 1.3, before resources are matched: literal path
 * segments and query parameter names match case-insensitively, a trailing slash is ignored, and
 * {@code X-Correlation-Id} is echoed (or generated), {@code Accept} is ignored.
 */
@PreMatching
public final class CanonicalRequestFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** Literal path segments, in their canonical spelling. */
    static final Map<String, String> SEGMENTS = canonical("imodels", "storage", "synchronization", "storageconnections",
            "manifestconnections", "connections", "authorizationinformation", "sourcefiles", "runs", "run", "cancel", "events",
            "connectors", "reports", "changesets", "elements", "history", "geometry", "changes", "schema", "geolocation",
            "folders", "files", "list", "complete", "updatecontent", "download", "blobs", "health", "itwins", "auth",
            "openapi.yaml", "token", "me", "users", "clients", "members", "consent", ".well-known", "jwks.json",
            "openid-configuration");

    /** Query parameter names, in their canonical spelling. */
    static final Map<String, String> QUERY_NAMES = canonical("$top", "$skip", "$orderBy", "imodelId", "iTwinId", "name",
            "redirectUrl", "runId", "taskId", "changesetIndex", "className", "category", "sourceFileId", "modelId", "operation",
            "afterIndex", "lastIndex", "sp", "se", "sig", "access_token", "ticket");

    private static final Pattern CORRELATION = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final String CORRELATION_PROPERTY = "sinter.correlationId";

    private static Map<String, String> canonical(String... names) {
        return Arrays.stream(names).collect(Collectors.toUnmodifiableMap(n -> n.toLowerCase(Locale.ROOT), Function.identity()));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String rawPath = uri.getRawPath();
        String path = canonicalPath(rawPath);
        String rawQuery = uri.getRawQuery();
        String query = rawQuery == null ? null : canonicalQuery(rawQuery);
        if (!path.equals(rawPath) || (query != null && !query.equals(rawQuery))) {
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(path).replaceQuery(query).build());
        }
        // Accept is ignored (api.md section 1.2): Sinter never answers 406
        request.getHeaders().remove("Accept");
        String correlation = request.getHeaderString(CORRELATION_HEADER);
        request.setProperty(CORRELATION_PROPERTY,
                correlation != null && CORRELATION.matcher(correlation).matches() ? correlation : UUID.randomUUID().toString());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object correlation = request.getProperty(CORRELATION_PROPERTY);
        if (correlation != null) {
            response.getHeaders().putSingle(CORRELATION_HEADER, correlation);
        }
    }

    static String canonicalPath(String rawPath) {
        List<String> segments = Arrays.asList(rawPath.split("/", -1));
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/').append(SEGMENTS.getOrDefault(segment.toLowerCase(Locale.ROOT), segment));
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    static String canonicalQuery(String rawQuery) {
        StringBuilder out = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decoded = name.replace("%24", "$");
            String canonical = QUERY_NAMES.get(decoded.toLowerCase(Locale.ROOT));
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(canonical == null ? name : canonical.replace("$", "%24")).append(eq < 0 ? "" : pair.substring(eq));
        }
        return out.toString();
    }
}
