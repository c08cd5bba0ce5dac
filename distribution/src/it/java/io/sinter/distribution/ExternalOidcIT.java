package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * An external OIDC issuer (api.md section 2.4) played by a loopback server inside the test: its discovery
 * document and JWKS are fetched by the server, its tokens are checked for signature, issuer, audience and
 * expiry, and an unknown subject becomes a principal without memberships. Embedded tokens keep working
 * ({@code mode = both}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExternalOidcIT {
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        int port = SinterRuntime.freePort();
        int issuerPort = SinterRuntime.freePort();
        Path home = SinterRuntime.newHome("oidc", port);
        Files.writeString(home.resolve("etc/io.sinter.auth.cfg"), "bootstrapPassword = " + SinterRuntime.ADMIN_PASSWORD + "\nmode = both\n"
                + "external.issuer = http://127.0.0.1:" + issuerPort + "\nexternal.audience = sinter-api\n");
        return SinterRuntime.options(home, port);
    }

    private static String token(RSAKey key, String issuer, String subject, String audience, long expiresInSeconds, Map<String, Object> claims)
            throws Exception {
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(new Date(now - 1000)).expirationTime(new Date(now + expiresInSeconds * 1000)).jwtID(UUID.randomUUID().toString());
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), set.build());
        jwt.sign(new RSASSASigner(key));
        return "Bearer " + jwt.serialize();
    }

    @Test
    public void externalTokensAreCheckedAndTheirSubjectsProvisioned() throws Exception {
        SyncClient c = new SyncClient(context);
        int port = c.port();
        Path cfg = Path.of(context.getProperty(SinterRuntime.HOME), "etc/io.sinter.auth.cfg");
        Matcher m = Pattern.compile("external.issuer = http://127.0.0.1:(\\d+)").matcher(Files.readString(cfg));
        assertTrue(m.find());
        int issuerPort = Integer.parseInt(m.group(1));
        String issuer = "http://127.0.0.1:" + issuerPort;
        RSAKey key = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-1").generate();
        try (SourceServer idp = new SourceServer(InetAddress.getByName("127.0.0.1"), issuerPort)) {
            idp.serve("/.well-known/openid-configuration", SourceServer.ok("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}"));
            idp.serve("/jwks", SourceServer.ok(new JWKSet(key.toPublicJWK()).toString()));

            String alice = token(key, issuer, "alice-at-idp", "sinter-api", 600, Map.of("preferred_username", "alice", "name", "Alice External"));
            JsonNode me = c.call(200, "GET", "/auth/me", null, "Authorization", alice).path("principal");
            assertEquals("user", me.path("type").asText());
            assertEquals("Alice External", me.path("displayName").asText());
            assertEquals(0, me.path("memberships").size());
            String aliceId = me.path("id").asText();
            assertEquals("the same subject is the same principal", aliceId,
                    c.call(200, "GET", "/auth/me", null, "Authorization", alice).path("principal").path("id").asText());
            assertEquals(1, idp.hits("/.well-known/openid-configuration"));
            assertEquals("keys are cached", 1, idp.hits("/jwks"));

            String[] ids = c.iModel("External");
            assertEquals(404, Http.send(port, "GET", "/itwins/" + ids[0], null, "Authorization", alice).status());
            c.call(200, "PUT", "/itwins/" + ids[0] + "/members/" + aliceId, "{\"role\":\"read\"}");
            assertEquals("External", c.call(200, "GET", "/itwins/" + ids[0], null, "Authorization", alice).path("iTwin").path("displayName").asText());
            assertEquals(403, Http.send(port, "DELETE", "/imodels/" + ids[1], null, "Authorization", alice).status());

            String service = token(key, issuer, "pipeline-7", "sinter-api", 600, Map.of("client_id", "pipeline-7"));
            assertEquals("service", c.call(200, "GET", "/auth/me", null, "Authorization", service).path("principal").path("type").asText());

            Http.Answer audience = Http.send(port, "GET", "/auth/me", null, "Authorization",
                    token(key, issuer, "alice-at-idp", "someone-else", 600, Map.of()));
            assertEquals(audience.body(), 401, audience.status());
            assertTrue(audience.body(), audience.body().contains("\"code\":\"Unauthorized\""));
            Http.Answer expired = Http.send(port, "GET", "/auth/me", null, "Authorization",
                    token(key, issuer, "alice-at-idp", "sinter-api", -3600, Map.of()));
            assertEquals(401, expired.status());
            assertTrue(expired.body(), expired.body().contains("expired"));
            Http.Answer forged = Http.send(port, "GET", "/auth/me", null, "Authorization",
                    token(stranger, issuer, "alice-at-idp", "sinter-api", 600, Map.of()));
            assertEquals("a token signed with a key the issuer did not publish", 401, forged.status());
            Http.Answer otherIssuer = Http.send(port, "GET", "/auth/me", null, "Authorization",
                    token(key, "http://127.0.0.1:1", "alice-at-idp", "sinter-api", 600, Map.of()));
            assertEquals(401, otherIssuer.status());
        }
        // mode = both: Sinter's own tokens keep working
        assertEquals(200, Http.send(port, "GET", "/auth/me", null).status());
    }
}
