package io.sinter.core.internal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sinter.core.api.AuthException;
import io.sinter.core.api.AuthService;
import io.sinter.core.api.Caller;
import io.sinter.core.api.Principal;
import io.sinter.core.internal.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded issuer: RS256 access tokens (nimbus-jose-jwt) signed with an RSA-2048 key generated at
 * first start and kept in {@code <data>/auth/jwt-signing.jwk}; the bearer check of api.md section 2.3.
 */
@Component(service = AuthService.class, configurationPid = AuthConfig.PID)
public final class TokenIssuer implements AuthService {
    static final List<String> SCOPES = List.of("itwin-platform", "imodels:read", "imodels:modify", "storage:read", "storage:modify",
            "synchronization:read", "synchronization:modify", "itwins:read", "itwins:modify");
    private static final long LEEWAY_SECONDS = 60;
    private static final int MAX_FAILURES = 5;
    private static final long LOCK_MILLIS = 5 * 60_000L;
    private static final int MAX_TRACKED = 10_000;

    private final Logger logger = LoggerFactory.getLogger(TokenIssuer.class);
    private final PrincipalStore principals;
    private final RSAKey key;
    private final RSASSAVerifier verifier;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private volatile AuthConfig config;
    private volatile ExternalIssuer external;

    @Activate
    public TokenIssuer(BundleContext context, @Reference PrincipalStore principals, AuthConfig config) {
        this(DataFolder.of(context).resolve("auth").resolve("jwt-signing.jwk"), principals, config);
    }

    TokenIssuer(Path keyFile, PrincipalStore principals, AuthConfig config) {
        this.principals = principals;
        modified(config);
        this.key = loadOrCreate(keyFile);
        try {
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable token signing key " + keyFile, e);
        }
    }

    @Modified
    void modified(AuthConfig config) {
        this.config = config;
        String mode = mode(config);
        String issuer = config.external_issuer().trim();
        if (!mode.equals("embedded") && issuer.isEmpty()) {
            logger.error("sinter.auth.mode is {} but sinter.auth.external.issuer is empty: no external token is accepted", mode);
        }
        this.external = mode.equals("embedded") || issuer.isEmpty() ? null
                : new ExternalIssuer(issuer, config.external_audience().trim(), config.external_jwksUri().trim());
    }

    private static String mode(AuthConfig config) {
        String mode = config.mode() == null ? "embedded" : config.mode().trim().toLowerCase(Locale.ROOT);
        return mode.equals("external") || mode.equals("both") ? mode : "embedded";
    }

    private void requireEmbedded() {
        if (mode(config).equals("external")) {
            throw new AuthException(400, "unsupported_grant_type", "Sinter issues no tokens: sinter.auth.mode is external.");
        }
    }

    private RSAKey loadOrCreate(Path keyFile) {
        try {
            if (Files.isRegularFile(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            }
            RSAKey fresh = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            Files.createDirectories(keyFile.getParent());
            Path temp = Files.createTempFile(keyFile.getParent(), "jwt", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's ACL applies
            }
            Files.writeString(temp, fresh.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            logger.info("Generated the token signing key {} in {}", fresh.getKeyID(), keyFile);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key " + keyFile, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read or create the token signing key " + keyFile, e);
        }
    }

    @Override
    public Token passwordGrant(String username, String password, String scope, String issuer) {
        requireEmbedded();
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new AuthException(400, "invalid_request", "username and password are required.");
        }
        String granted = scopes(scope);
        String lockKey = username.toLowerCase(Locale.ROOT);
        long now = System.currentTimeMillis();
        if (failures.size() > MAX_TRACKED) {
            // names tried with wrong passwords are remembered for the lock window only: the map cannot grow without bound
            failures.values().removeIf(d -> {
                synchronized (d) {
                    return d.isEmpty() || d.peekLast() < now - LOCK_MILLIS;
                }
            });
        }
        Deque<Long> recent = failures.computeIfAbsent(lockKey, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.removeIf(t -> t < now - LOCK_MILLIS);
            if (recent.size() >= MAX_FAILURES) {
                throw new AuthException(400, "invalid_grant", "Too many failed sign-ins for this user; try again in 5 minutes.");
            }
        }
        PrincipalEntity user = principals.user(username);
        boolean ok = PasswordHash.matches(password, user == null ? PasswordHash.DUMMY : user.getSecretHash());
        if (!ok || user.isDisabled()) {
            synchronized (recent) {
                recent.addLast(now);
            }
            throw new AuthException(400, "invalid_grant", "The username or password is wrong, or the user is disabled.");
        }
        failures.remove(lockKey);
        return token(PrincipalStore.info(user), "sinter-public", granted, issuer);
    }

    @Override
    public Token clientCredentialsGrant(String clientId, String clientSecret, String scope, String issuer) {
        requireEmbedded();
        if (clientId == null || clientId.isEmpty() || clientSecret == null || clientSecret.isEmpty()) {
            throw new AuthException(401, "invalid_client", "client_id and client_secret are required.");
        }
        PrincipalEntity client = principals.client(clientId);
        boolean ok = PasswordHash.matches(clientSecret, client == null ? PasswordHash.DUMMY : client.getSecretHash());
        if (!ok || client.isDisabled()) {
            throw new AuthException(401, "invalid_client", "The client credentials are wrong.");
        }
        return token(PrincipalStore.info(client), client.getId(), scopes(scope), issuer);
    }

    private String scopes(String requested) {
        if (requested == null || requested.isBlank()) {
            return "itwin-platform";
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String s : requested.trim().split("\\s+")) {
            if (SCOPES.contains(s)) {
                granted.add(s);
            }
        }
        if (granted.isEmpty()) {
            throw new AuthException(400, "invalid_scope", "None of the requested scopes is supported: " + requested);
        }
        return String.join(" ", granted);
    }

    private Token token(Principal principal, String clientId, String scope, String issuer) {
        long lifetime = config.tokenLifetime();
        long now = System.currentTimeMillis() / 1000 * 1000;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(principal.id()).audience(config.audience())
                .issueTime(new Date(now)).notBeforeTime(new Date(now)).expirationTime(new Date(now + lifetime * 1000))
                .jwtID(UUID.randomUUID().toString()).claim("scope", scope).claim("client_id", clientId)
                .claim("sinter_ptype", principal.type().wire()).claim("name", principal.displayName());
        if (principal.type() == Principal.Type.USER) {
            claims.claim("preferred_username", principal.username());
            if (principal.email() != null) {
                claims.claim("email", principal.email());
            }
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return new Token(jwt.serialize(), lifetime, scope);
    }

    @Override
    public Caller authenticate(String authorization, String issuer) {
        if (authorization == null) {
            throw new AuthException(401, "HeaderNotFound", "The request has no Authorization header.");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (!"bearer".equalsIgnoreCase(parts[0])) {
            throw new AuthException(401, "InvalidAuthorizationScheme", "The Authorization scheme must be Bearer.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            if (parts.length < 2) {
                throw new ParseException("no token", 0);
            }
            jwt = SignedJWT.parse(parts[1].trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthException(401, "InvalidHeaderValue", "The bearer token is not a JWT.");
        }
        ExternalIssuer outside = external;
        if (outside != null && outside.issued(claims.getIssuer())) {
            return externalCaller(outside, parts[1].trim());
        }
        if (mode(config).equals("external")) {
            throw unauthorized("The access token has another issuer.");
        }
        try {
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !key.getKeyID().equals(jwt.getHeader().getKeyID())
                    || !jwt.verify(verifier)) {
                throw unauthorized("The access token's signature is not valid.");
            }
        } catch (JOSEException e) {
            throw unauthorized("The access token's signature is not valid.");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw unauthorized("The access token has another issuer.");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(config.audience())) {
            throw unauthorized("The access token is meant for another audience.");
        }
        long now = System.currentTimeMillis();
        if (claims.getExpirationTime() == null || claims.getExpirationTime().getTime() + LEEWAY_SECONDS * 1000 < now) {
            throw unauthorized("The access token has expired.");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().getTime() - LEEWAY_SECONDS * 1000 > now) {
            throw unauthorized("The access token is not valid yet.");
        }
        Principal principal = principals.lookup(claims.getSubject());
        if (principal == null || principal.disabled()) {
            throw unauthorized("The access token's principal is disabled or deleted.");
        }
        Object scope = claims.getClaim("scope");
        Set<String> scopes = scope == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(scope.toString().trim().split("\\s+")));
        return new Caller(principal, scopes, claims.getJWTID());
    }

    /** A caller from an external token; an unknown (iss, sub) becomes a new principal without memberships. */
    private Caller externalCaller(ExternalIssuer outside, String token) {
        JWTClaimsSet claims = outside.verify(token);
        String subject = claims.getSubject();
        String clientId = claim(claims, "client_id");
        String azp = claim(claims, "azp");
        String username = claim(claims, "preferred_username");
        String email = claim(claims, "email");
        boolean service = subject.equals(clientId) || subject.equals(azp) || (username == null && email == null);
        String name = claim(claims, "name");
        Principal principal = principals.external(outside.issuer(), subject, service ? Principal.Type.SERVICE : Principal.Type.USER,
                name != null ? name : username != null ? username : subject, email);
        if (principal.disabled()) {
            throw unauthorized("The access token's principal is disabled or deleted.");
        }
        Object scope = claims.getClaim(config.external_scopeClaim().isBlank() ? "scope" : config.external_scopeClaim().trim());
        Set<String> scopes = new LinkedHashSet<>();
        if (scope instanceof java.util.Collection<?> list) {
            list.forEach(v -> scopes.add(String.valueOf(v)));
        } else if (scope != null) {
            scopes.addAll(Arrays.asList(scope.toString().trim().split("\\s+")));
        } else {
            scopes.add("itwin-platform");
        }
        return new Caller(principal, scopes, claims.getJWTID());
    }

    private static String claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }

    private static AuthException unauthorized(String message) {
        return new AuthException(401, "Unauthorized", message);
    }

    @Override
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    @Override
    public List<String> supportedScopes() {
        return SCOPES;
    }
}
