package io.sinter.core.internal.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.sinter.core.api.AuthException;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validation of tokens from an external OIDC provider (api.md section 2.4) with nimbus-jose-jwt: keys
 * from the provider's JWKS (its discovery document names it unless {@code external.jwksUri} does),
 * cached and refetched when a token names an unknown {@code kid} (at most once a minute); issuer,
 * audience and expiry (60 s leeway) checked.
 */
final class ExternalIssuer {
    private static final long LEEWAY_SECONDS = 60;
    private final String issuer;
    private final String audience;
    private final String configuredJwks;
    private volatile DefaultJWTProcessor<SecurityContext> processor;

    ExternalIssuer(String issuer, String audience, String jwksUri) {
        this.issuer = issuer;
        this.audience = audience;
        this.configuredJwks = jwksUri;
    }

    String issuer() {
        return issuer;
    }

    /** @return the verified claims */
    JWTClaimsSet verify(String token) {
        try {
            return processor().process(token, null);
        } catch (BadJWTException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            throw new AuthException(401, "Unauthorized", m.contains("expired") ? "The access token has expired."
                    : "The external access token was refused: " + e.getMessage());
        } catch (BadJOSEException | JOSEException | ParseException e) {
            throw new AuthException(401, "Unauthorized", "The external access token was refused: " + e.getMessage());
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> p = processor;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (processor == null) {
                URL jwks;
                try {
                    jwks = URI.create(configuredJwks.isBlank() ? discoverJwks() : configuredJwks).toURL();
                } catch (IOException | IllegalArgumentException e) {
                    throw new AuthException(401, "Unauthorized", "The external issuer's keys are not available: " + e.getMessage());
                }
                // cached; an unknown kid triggers a refetch, rate limited to one a minute
                JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwks)
                        .cache(Duration.ofHours(1).toMillis(), Duration.ofSeconds(15).toMillis())
                        .rateLimited(Duration.ofMinutes(1).toMillis()).retrying(true).build();
                DefaultJWTProcessor<SecurityContext> created = new DefaultJWTProcessor<>();
                created.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
                        JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256), keys));
                DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience.isBlank() ? null : audience,
                        new JWTClaimsSet.Builder().issuer(issuer).build(), new HashSet<>(List.of("sub", "exp")));
                claims.setMaxClockSkew((int) LEEWAY_SECONDS);
                created.setJWTClaimsSetVerifier(claims);
                processor = created;
            }
            return processor;
        }
    }

    /** @return the {@code jwks_uri} of {@code {issuer}/.well-known/openid-configuration} */
    private String discoverJwks() throws IOException {
        String url = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/.well-known/openid-configuration";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("GET " + url + " answered " + answer.statusCode());
            }
            JsonNode doc = new ObjectMapper().readTree(answer.body());
            String jwks = doc.path("jwks_uri").asText("");
            if (jwks.isEmpty()) {
                throw new IOException(url + " names no jwks_uri");
            }
            return jwks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** @return whether an unverified {@code iss} claim is this issuer's */
    boolean issued(String unverifiedIssuer) {
        return issuer.equals(unverifiedIssuer);
    }
}
