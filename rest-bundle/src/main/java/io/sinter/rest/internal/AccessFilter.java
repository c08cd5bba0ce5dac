package io.sinter.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sinter.core.api.AccessService;
import io.sinter.core.api.AccessService.Target;
import io.sinter.core.api.AuthException;
import io.sinter.core.api.AuthService;
import io.sinter.core.api.Caller;
import io.sinter.core.api.Role;
import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The one gate in front of every resource (api.md sections 1.10, 2.3, 2.5 and 2.6), in the order of
 * api.md's precedence: bearer token (401) → rate limit (429) → body size (413) → the addressed object
 * exists and belongs to an iTwin where the caller is a member, else 404 as if it did not exist → the
 * caller's role is high enough (403). Resources therefore never check permissions themselves; they
 * read the caller with {@link #caller(SecurityContext)} where they need its identity.
 */
final class AccessFilter implements ContainerRequestFilter, jakarta.ws.rs.container.ContainerResponseFilter {
    private final AuthService auth;
    private final AccessService access;
    private final HttpEndpoint endpoint;

    AccessFilter(AuthService auth, AccessService access, HttpEndpoint endpoint) {
        this.auth = auth;
        this.access = access;
        this.endpoint = endpoint;
    }

    /** @return the authenticated caller of the request, or null on unauthenticated paths */
    static Caller caller(SecurityContext context) {
        return context != null && context.getUserPrincipal() instanceof CallerPrincipal p ? p.caller() : null;
    }

    /** @return whether {@code method path} needs no bearer token (api.md section 2.1) */
    static boolean open(String method, String path) {
        return path.equals("health") || path.equals("openapi.yaml") || path.startsWith("storage/blobs/")
                || path.equals("auth/token") || path.startsWith("auth/.well-known/")
                || (path.equals("auth/consent") && !"DELETE".equals(method));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = trim(request.getUriInfo().getPath());
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            // CORS preflight (api.md section 1.11): answered without a token, and only for allowed origins
            String origin = request.getHeaderString("Origin");
            if (endpoint.corsAllowed(origin) && request.getHeaderString("Access-Control-Request-Method") != null) {
                request.abortWith(Response.noContent().header("Access-Control-Allow-Origin", origin).header("Vary", "Origin")
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
                        .header("Access-Control-Allow-Headers", "Authorization, Content-Type, Prefer, X-Correlation-Id, Last-Event-ID")
                        .header("Access-Control-Max-Age", "600").build());
            }
            return;
        }
        if (open(method, path)) {
            return;
        }
        Caller caller;
        try {
            caller = auth.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), endpoint.baseUrl() + "/auth");
        } catch (AuthException refused) {
            drain(request);
            request.abortWith(unauthorized(refused.code(), refused.getMessage()));
            return;
        }
        boolean modify = !"GET".equals(method) && !"HEAD".equals(method);
        String group = group(path);
        if (group != null && !caller.hasScope(group, modify)) {
            request.abortWith(unauthorized("RequiredScopeMissing", "The access token lacks the scope " + group + (modify ? ":modify." : ":read.")));
            return;
        }
        long retryAfter = endpoint.rateLimiter().acquire(caller.id());
        if (retryAfter > 0) {
            request.abortWith(Response.status(429).type(Wire.JSON).header("Retry-After", retryAfter)
                    .entity(ErrorMapper.envelope("RateLimitExceeded", "Too many requests; retry in " + retryAfter + " s.")).build());
            return;
        }
        request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
        byte[] body = modify ? readBody(request) : null;
        if (modify && body == null) {
            drain(request);
            request.abortWith(ErrorMapper.refusal(new ServiceException(ServiceException.Kind.TOO_LARGE, "PayloadTooLarge",
                    "The request body is larger than " + endpoint.maxJsonBytes() + " bytes.")));
            return;
        }
        Response refusal = permission(request, path, method, caller, body);
        if (refusal != null) {
            request.abortWith(refusal);
        }
    }

    /** CORS headers on answers to allowed origins (api.md section 1.11). */
    @Override
    public void filter(ContainerRequestContext request, jakarta.ws.rs.container.ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (!"OPTIONS".equals(request.getMethod()) && endpoint.corsAllowed(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().add("Vary", "Origin");
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Location, Preference-Applied, Retry-After, X-Correlation-Id");
        }
    }

    /** Reads a JSON or form body (at most the configured limit) and puts it back; null when too large. */
    private byte[] readBody(ContainerRequestContext request) {
        int max = endpoint.maxJsonBytes();
        if (request.getLength() > max) {
            return null;
        }
        // not closed here: a body found too large is drained from the same stream before the 413
        InputStream in = request.getEntityStream();
        try {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                return null;
            }
            request.setEntityStream(new ByteArrayInputStream(bytes));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(ContainerRequestContext request) {
        if (request.hasEntity() && request.getLength() <= Bodies.DRAIN_LIMIT) {
            Bodies.drain(request.getEntityStream());
        }
    }

    private Response permission(ContainerRequestContext request, String path, String method, Caller caller, byte[] body) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        String connectionKind = params.getFirst("kind");
        Addressed addressed = null;
        if (params.containsKey("iTwinId")) {
            addressed = new Addressed(Target.ITWIN, params.getFirst("iTwinId"), false);
        } else if (params.containsKey("iModelId")) {
            addressed = new Addressed(Target.IMODEL, params.getFirst("iModelId"), false);
        } else if (params.containsKey("connectionId")) {
            addressed = new Addressed(Target.CONNECTION, params.getFirst("connectionId"), false);
        } else if (params.containsKey("folderId")) {
            addressed = new Addressed(Target.FOLDER, params.getFirst("folderId"), false);
        } else if (params.containsKey("fileId")) {
            addressed = new Addressed(Target.FILE, params.getFirst("fileId"), false);
        } else if (nonBlank(query.getFirst("iTwinId")) && (path.equals("imodels") || path.equals("storage"))) {
            addressed = new Addressed(Target.ITWIN, query.getFirst("iTwinId"), false);
        } else if (nonBlank(query.getFirst("imodelId")) && path.startsWith("synchronization/")) {
            addressed = new Addressed(Target.IMODEL, query.getFirst("imodelId"), false);
        } else if (nonBlank(query.getFirst("runId")) && path.equals("synchronization/reports")) {
            addressed = new Addressed(Target.RUN, query.getFirst("runId"), false);
        } else if ("POST".equals(method) && path.equals("imodels")) {
            addressed = new Addressed(Target.ITWIN, bodyField(body, "iTwinId"), true);
        } else if ("POST".equals(method) && (path.equals("synchronization/imodels/storageconnections")
                || path.equals("synchronization/imodels/manifestconnections"))) {
            addressed = new Addressed(Target.IMODEL, bodyField(body, "iModelId"), true);
        }
        if (addressed == null || addressed.id() == null) {
            return null;
        }
        Optional<String> iTwin = access.owner(addressed.target(), addressed.id());
        if (iTwin.isEmpty()) {
            return null; // the resource answers as for any unknown id
        }
        Optional<Role> role = access.role(caller.principal(), iTwin.get());
        if (role.isEmpty()) {
            if (addressed.inBody()) {
                String field = addressed.target() == Target.ITWIN ? "iTwinId" : "iModelId";
                String what = addressed.target() == Target.ITWIN ? "iTwin" : "iModel";
                String code = addressed.target() == Target.ITWIN ? "InvalidiModelsRequest"
                        : path.endsWith("storageconnections") ? "InvalidStorageConnectionRequest" : "InvalidManifestConnectionRequest";
                return ErrorMapper.refusal(ServiceException.invalid(code, "InvalidValue", what + " '" + addressed.id() + "' does not exist.", field));
            }
            return ErrorMapper.refusal(ServiceException.notFound(notFoundCode(addressed.target(), connectionKind),
                    notFoundMessage(addressed.target(), addressed.id())));
        }
        Role needed = needed(method, path);
        if (!role.get().includes(needed)) {
            return ErrorMapper.refusal(new ServiceException(ServiceException.Kind.FORBIDDEN, "InsufficientPermissions",
                    describe(method, path) + " needs the " + needed.wire() + " role in iTwin " + iTwin.get() + "."));
        }
        return null;
    }

    record Addressed(Target target, String id, boolean inBody) {
    }

    /** @return the role an operation needs (api.md section 2.6) */
    static Role needed(String method, String path) {
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return Role.READ;
        }
        String[] s = path.split("/");
        if ("DELETE".equals(method) && s.length == 2 && s[0].equals("imodels")) {
            return Role.ADMIN;
        }
        if (s[0].equals("itwins") && s.length >= 2 && (s.length == 2 || s[2].equals("members"))) {
            return Role.ADMIN;
        }
        return Role.MODIFY;
    }

    private static String describe(String method, String path) {
        if (path.endsWith("/run") || path.endsWith("/runs")) {
            return "POST".equals(method) ? "Starting a run" : "Reading runs";
        }
        if (path.endsWith("/cancel")) {
            return "Cancelling a run";
        }
        return method + " /" + path;
    }

    static String notFoundCode(Target target, String connectionKind) {
        return switch (target) {
            case ITWIN -> "iTwinNotFound";
            case IMODEL -> "iModelNotFound";
            case CONNECTION -> "manifestconnections".equals(connectionKind) ? "ManifestConnectionNotFound" : "StorageConnectionNotFound";
            case FOLDER -> "FolderNotFound";
            case FILE -> "FileNotFound";
            case RUN -> "ConnectionRunNotFound";
        };
    }

    private static String notFoundMessage(Target target, String id) {
        String what = switch (target) {
            case ITWIN -> "iTwin";
            case IMODEL -> "iModel";
            case CONNECTION -> "Connection";
            case FOLDER -> "Folder";
            case FILE -> "File";
            case RUN -> "Run";
        };
        return what + " '" + id + "' does not exist.";
    }

    /** @return the scope group of a path: its first segment among imodels, storage, synchronization, itwins */
    static String group(String path) {
        String first = path.split("/", 2)[0];
        return switch (first) {
            case "imodels", "storage", "synchronization", "itwins" -> first;
            default -> null;
        };
    }

    private static String bodyField(byte[] body, String name) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = ObjectMapperResolver.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase(name) && e.getValue().isTextual()) {
                    return e.getValue().asText();
                }
            }
            return null;
        } catch (IOException malformed) {
            return null; // the resource answers 422 InvalidJson
        }
    }

    static Response unauthorized(String code, String message) {
        return Response.status(401).type(Wire.JSON)
                .header("WWW-Authenticate", "Bearer realm=\"sinter\", error=\"invalid_token\"")
                .entity(ErrorMapper.envelope(code, message)).build();
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String trim(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The caller as the request's security context. */
    record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public java.security.Principal getUserPrincipal() {
            return new CallerPrincipal(caller);
        }

        @Override
        public boolean isUserInRole(String role) {
            return "serverAdmin".equals(role) && caller.principal().serverAdmin();
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }

    /** A {@link java.security.Principal} carrying the caller. */
    record CallerPrincipal(Caller caller) implements java.security.Principal {
        @Override
        public String getName() {
            return caller.id();
        }
    }
}
