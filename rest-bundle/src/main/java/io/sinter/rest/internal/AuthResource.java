package io.sinter.rest.internal;

import io.sinter.core.api.AccessService;
import io.sinter.core.api.AuthException;
import io.sinter.core.api.AuthService;
import io.sinter.core.api.Caller;
import io.sinter.core.api.Principal;
import io.sinter.core.api.PrincipalService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * The embedded issuer's endpoints (api.md sections 2.2 and 2.3): {@code POST /auth/token} with the
 * password and client-credentials grants, the JWKS and discovery documents, and {@code GET /auth/me}.
 */
@Component(service = AuthResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsName("sinter.auth")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + JsonFeature.NAME + ")")
@RequireJakartarsWhiteboard
@Path("auth")
@Produces(Wire.JSON)
public final class AuthResource {
    private final AuthService auth;
    private final PrincipalService principals;
    private final HttpEndpoint endpoint;

    @Activate
    public AuthResource(@Reference AuthService auth, @Reference PrincipalService principals, @Reference HttpEndpoint endpoint) {
        this.auth = auth;
        this.principals = principals;
        this.endpoint = endpoint;
    }

    @POST
    @Path("token")
    public Response token(@HeaderParam("Authorization") String authorization, String text) {
        Map<String, String> form = form(text);
        String issuer = endpoint.baseUrl() + "/auth";
        try {
            String grant = form.get("grant_type");
            AuthService.Token token;
            if (grant == null || grant.isEmpty()) {
                throw new AuthException(400, "invalid_request", "grant_type is required.");
            } else if (grant.equals("password")) {
                token = auth.passwordGrant(form.get("username"), form.get("password"), form.get("scope"), issuer);
            } else if (grant.equals("client_credentials")) {
                String id = form.get("client_id");
                String secret = form.get("client_secret");
                if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                    String pair = decodeBasic(authorization.substring(6).trim());
                    int colon = pair.indexOf(':');
                    if (colon > 0) {
                        id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
                        secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
                    }
                }
                token = auth.clientCredentialsGrant(id, secret, form.get("scope"), issuer);
            } else {
                throw new AuthException(400, "unsupported_grant_type", "grant_type must be password or client_credentials.");
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("access_token", token.accessToken());
            json.put("token_type", "Bearer");
            json.put("expires_in", token.expiresIn());
            json.put("scope", token.scope());
            return Response.ok(json).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
        } catch (AuthException refused) {
            Response.ResponseBuilder answer = Response.status(refused.status()).type(Wire.JSON)
                    .header("Cache-Control", "no-store")
                    .entity(Map.of("error", refused.code(), "error_description", refused.getMessage()));
            if (refused.status() == 401) {
                answer.header("WWW-Authenticate", "Basic realm=\"sinter\"");
            }
            return answer.build();
        }
    }

    private static String decodeBasic(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** @return the fields of an {@code application/x-www-form-urlencoded} body (first value of each) */
    static Map<String, String> form(String text) {
        Map<String, String> fields = new HashMap<>();
        if (text == null) {
            return fields;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    @GET
    @Path(".well-known/jwks.json")
    public Map<String, Object> jwks() {
        return auth.jwks();
    }

    @GET
    @Path(".well-known/openid-configuration")
    public Map<String, Object> discovery() {
        String base = endpoint.baseUrl();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issuer", base + "/auth");
        json.put("token_endpoint", base + "/auth/token");
        json.put("jwks_uri", base + "/auth/.well-known/jwks.json");
        json.put("grant_types_supported", List.of("client_credentials", "password"));
        json.put("scopes_supported", auth.supportedScopes());
        json.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        json.put("id_token_signing_alg_values_supported", List.of("RS256"));
        return json;
    }

    @GET
    @Path("me")
    public Map<String, Object> me(@Context SecurityContext security) {
        Caller caller = AccessFilter.caller(security);
        Principal p = principals.get(caller.id());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("type", p.type().wire());
        json.put("displayName", p.displayName());
        if (p.type() == Principal.Type.USER) {
            json.put("username", p.username());
            json.put("email", p.email());
        }
        json.put("isServerAdmin", p.serverAdmin());
        json.put("memberships", principals.memberships(p.id()).stream().map(AuthResource::membership).toList());
        return Map.of("principal", json);
    }

    private static Map<String, Object> membership(AccessService.Membership m) {
        return Map.of("iTwinId", m.iTwinId(), "role", m.role().wire());
    }
}
