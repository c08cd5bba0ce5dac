package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * The security suite of the security issue on the assembled server: for every route of
 * {@code /openapi.yaml} that needs a token, requests without one, with a malformed one, with another
 * scheme, with an expired one (signed with the server's own key), with the token of a principal of
 * another iTwin (404 as if nothing existed, no data of the iTwin in any body) and with a read-only
 * member's token on write routes (403). Then signed URLs, body and rate limits, and long-running-job
 * consent of User connections.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT {
    private static final String REDIRECT = "http://127.0.0.1:9/back";
    /** Names and content of iTwin A that no other principal may ever see. */
    private static final List<String> SECRETS = List.of("Secret iTwin A", "secret-model-a", "secret-folder-a", "secret-a.csv",
            "secret-row-value");
    private static Fixture fixture;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        int port = SinterRuntime.freePort();
        Path home = SinterRuntime.newHome("security", port);
        Files.writeString(home.resolve("etc/io.sinter.auth.cfg"), "bootstrapPassword = " + SinterRuntime.ADMIN_PASSWORD
                + "\nconsent.redirectAllowlist = " + REDIRECT + "\n");
        return SinterRuntime.options(home, port);
    }

    private SyncClient client() {
        return new SyncClient(context);
    }

    private Path home() {
        return Path.of(context.getProperty(SinterRuntime.HOME));
    }

    /** iTwin A with one of everything, user bob (admin of his own iTwin B only), rita (read in A), victor (no role). */
    private static final class Fixture {
        String tw, im, root, folder, file, conn, mconn, run, sourceFile, msourceFile, element, clientId;
        String bobId, ritaId, victorId;
        String bob, rita, expired;
    }

    private Fixture fixture() throws Exception {
        if (fixture != null) {
            return fixture;
        }
        SyncClient c = client();
        int port = c.port();
        c.installConnector("connector-csv.jar", "CSV");
        Fixture f = new Fixture();
        f.tw = c.call(201, "POST", "/itwins", "{\"displayName\":\"Secret iTwin A\"}").path("iTwin").path("id").asText();
        f.im = c.call(201, "POST", "/imodels", "{\"iTwinId\":\"" + f.tw + "\",\"name\":\"secret-model-a\"}").path("iModel").path("id").asText();
        f.root = c.call(200, "GET", "/storage?iTwinId=" + f.tw, null).path("folder").path("id").asText();
        f.folder = c.call(201, "POST", "/storage/folders/" + f.root + "/folders", "{\"displayName\":\"secret-folder-a\"}").path("folder").path("id").asText();
        f.file = c.upload(f.root, "secret-a.csv", "id,name\nA1,secret-row-value\nA2,other\n");
        f.conn = c.call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + f.im
                + "\",\"authenticationType\":\"Service\",\"sourceFiles\":[{\"storageFileId\":\"" + f.file + "\",\"connectorType\":\"CSV\"}]}")
                .path("connection").path("id").asText();
        Http.Answer started = Http.send(port, "POST", "/synchronization/imodels/storageconnections/" + f.conn + "/run", null);
        assertEquals(started.body(), 202, started.status());
        JsonNode run = c.awaitRun(started.header("Location"), Duration.ofSeconds(60));
        assertEquals(run.toString(), "Success", run.path("result").asText());
        f.run = run.path("id").asText();
        f.sourceFile = c.call(200, "GET", "/synchronization/imodels/storageconnections/" + f.conn + "/sourcefiles", null)
                .path("sourceFiles").path(0).path("id").asText();
        f.mconn = c.call(201, "POST", "/synchronization/imodels/manifestconnections", "{\"iModelId\":\"" + f.im
                + "\",\"sourceFiles\":[{\"sourceFileId\":\"doc-1\"}]}").path("connection").path("id").asText();
        f.msourceFile = c.call(200, "GET", "/synchronization/imodels/manifestconnections/" + f.mconn + "/sourcefiles", null)
                .path("sourceFiles").path(0).path("id").asText();
        f.element = c.call(200, "GET", "/imodels/" + f.im + "/elements", null).path("elements").path(0).path("id").asText();
        f.clientId = c.call(201, "POST", "/auth/clients", "{\"displayName\":\"victim client\"}").path("client").path("id").asText();
        f.bobId = user(c, "bob");
        f.ritaId = user(c, "rita");
        f.victorId = user(c, "victor");
        c.call(200, "PUT", "/itwins/" + f.tw + "/members/" + f.ritaId, "{\"role\":\"read\"}");
        f.bob = "Bearer " + Http.signIn(port, "bob", "bob-password-123");
        f.rita = "Bearer " + Http.signIn(port, "rita", "rita-password-123");
        c.call(201, "POST", "/itwins", "{\"displayName\":\"Bob's own\"}", "Authorization", f.bob);
        f.expired = "Bearer " + expiredToken(port, f.ritaId);
        fixture = f;
        return f;
    }

    private static String user(SyncClient c, String name) throws Exception {
        return c.call(201, "POST", "/auth/users", "{\"username\":\"" + name + "\",\"password\":\"" + name + "-password-123\"}")
                .path("user").path("id").asText();
    }

    /** A token that is right in every way except its expiry, signed with the server's own key. */
    private String expiredToken(int port, String subject) throws Exception {
        RSAKey key = RSAKey.parse(Files.readString(home().resolve("data/auth/jwt-signing.jwk")));
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://127.0.0.1:" + port + "/auth").subject(subject).audience("sinter")
                .issueTime(new Date(now - 7_200_000)).notBeforeTime(new Date(now - 7_200_000)).expirationTime(new Date(now - 3_600_000))
                .jwtID(UUID.randomUUID().toString()).claim("scope", "itwin-platform").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    record Route(String method, String template) {
    }

    /** @return every operation of /openapi.yaml that needs a token */
    private List<Route> securedRoutes(int port) throws Exception {
        Http.Answer doc = Http.send(port, "GET", "/openapi.yaml", null, "Authorization", "");
        assertEquals(200, doc.status());
        List<Route> routes = new ArrayList<>();
        String path = null;
        Route pending = null;
        boolean open = false;
        for (String line : doc.body().split("\n")) {
            Matcher p = Pattern.compile("^  (/\\S*):\\s*$").matcher(line);
            Matcher m = Pattern.compile("^    (get|put|post|patch|delete):\\s*$").matcher(line);
            if (p.matches() || m.matches() || line.startsWith("components:")) {
                if (pending != null && !open) {
                    routes.add(pending);
                }
                pending = null;
                open = false;
            }
            if (p.matches()) {
                path = p.group(1);
            } else if (m.matches()) {
                pending = new Route(m.group(1).toUpperCase(), path);
            } else if (line.trim().equals("security: []")) {
                open = true;
            }
            if (line.startsWith("components:")) {
                break;
            }
        }
        return routes;
    }

    /** The concrete URL of a route in iTwin A (list routes get the filter that addresses A). */
    private static String url(Route r, Fixture f) {
        boolean manifest = r.template().contains("manifestconnections");
        String url = r.template().replace("{iTwinId}", f.tw).replace("{iModelId}", f.im)
                .replace("{connectionId}", manifest ? f.mconn : f.conn).replace("{runId}", f.run)
                .replace("{sourceFileId}", manifest ? f.msourceFile : f.sourceFile).replace("{folderId}", f.folder)
                .replace("{fileId}", f.file).replace("{idOrIndex}", "1").replace("{elementId}", f.element)
                .replace("{userId}", f.victorId).replace("{clientId}", f.clientId).replace("{principalId}", f.ritaId);
        assertFalse(url, url.contains("{"));
        if (r.method().equals("GET")) {
            switch (r.template()) {
                case "/imodels", "/storage" -> url += "?iTwinId=" + f.tw;
                case "/synchronization/imodels/connections", "/synchronization/imodels/storageconnections",
                        "/synchronization/imodels/manifestconnections", "/synchronization/reports" -> url += "?imodelId=" + f.im;
                default -> {
                }
            }
        }
        return url;
    }

    private static String body(Route r, Fixture f) {
        if (r.method().equals("GET") || r.method().equals("DELETE")) {
            return null;
        }
        return switch (r.template()) {
            case "/imodels" -> "{\"iTwinId\":\"" + f.tw + "\",\"name\":\"intruder\"}";
            case "/synchronization/imodels/storageconnections" -> "{\"iModelId\":\"" + f.im
                    + "\",\"sourceFiles\":[{\"storageFileId\":\"" + f.file + "\",\"connectorType\":\"CSV\"}]}";
            case "/synchronization/imodels/manifestconnections" -> "{\"iModelId\":\"" + f.im + "\",\"sourceFiles\":[{\"sourceFileId\":\"x\"}]}";
            default -> "{\"displayName\":\"intruder\",\"role\":\"admin\",\"name\":\"intruder\"}";
        };
    }

    /** @return whether the route addresses an object of iTwin A by path or filter */
    private static boolean addressesA(Route r) {
        String t = r.template();
        return t.contains("{iTwinId}") || t.contains("{iModelId}") || t.contains("{connectionId}") || t.contains("{folderId}")
                || t.contains("{fileId}") || (r.method().equals("GET") && List.of("/imodels", "/storage", "/synchronization/imodels/connections",
                        "/synchronization/imodels/storageconnections", "/synchronization/imodels/manifestconnections",
                        "/synchronization/reports").contains(t));
    }

    private static boolean createsInA(Route r) {
        return r.method().equals("POST") && List.of("/imodels", "/synchronization/imodels/storageconnections",
                "/synchronization/imodels/manifestconnections").contains(r.template());
    }

    private static boolean serverAdminRoute(Route r) {
        return r.template().startsWith("/auth/users") || r.template().startsWith("/auth/clients");
    }

    private static String code(Http.Answer a) throws Exception {
        return a.body().startsWith("{") ? SyncClient.JSON.readTree(a.body()).path("error").path("code").asText() : "";
    }

    @Test
    public void everyRouteRefusesMissingBadExpiredForeignAndTooLowTokens() throws Exception {
        Fixture f = fixture();
        int port = client().port();
        List<Route> routes = securedRoutes(port);
        assertTrue("routes parsed from /openapi.yaml: " + routes.size(), routes.size() >= 70);
        Map<String, Integer> tally = new LinkedHashMap<>();
        for (Route r : routes) {
            try {
                check(r, f, port, tally);
            } catch (java.io.IOException e) {
                throw new AssertionError(r.method() + " " + r.template() + ": " + e, e);
            }
        }
        System.out.println("SecurityIT: " + routes.size() + " secured routes checked; " + tally);
        afterMatrix(f, port);
    }

    private void check(Route r, Fixture f, int port, Map<String, Integer> tally) throws Exception {
        {
            String url = url(r, f);
            String body = body(r, f);
            String what = r.method() + " " + r.template();

            Http.Answer none = Http.send(port, r.method(), url, body, "Authorization", "");
            assertEquals(what + " without token: " + none.body(), 401, none.status());
            assertEquals(what, "HeaderNotFound", code(none));
            assertTrue(what + ": " + none.contentType(), none.contentType().toLowerCase().matches("application/json; ?charset=utf-8"));
            assertTrue(what, String.valueOf(none.header("WWW-Authenticate")).startsWith("Bearer realm=\"sinter\""));

            Http.Answer scheme = Http.send(port, r.method(), url, body, "Authorization", "Basic YWRtaW46YWRtaW4=");
            assertEquals(what, "InvalidAuthorizationScheme", code(scheme));
            Http.Answer malformed = Http.send(port, r.method(), url, body, "Authorization", "Bearer not-a-jwt");
            assertEquals(what + " malformed: " + malformed.body(), 401, malformed.status());
            assertEquals(what, "InvalidHeaderValue", code(malformed));
            Http.Answer expired = Http.send(port, r.method(), url, body, "Authorization", f.expired);
            assertEquals(what + " expired: " + expired.body(), 401, expired.status());
            assertEquals(what, "Unauthorized", code(expired));
            assertTrue(what, expired.body().contains("expired"));

            Http.Answer foreign = Http.send(port, r.method(), url, body, "Authorization", f.bob);
            for (String secret : SECRETS) {
                assertFalse(what + " as bob leaks '" + secret + "': " + foreign.body(), foreign.body().contains(secret));
            }
            if (addressesA(r)) {
                assertEquals(what + " as bob: " + foreign.body(), 404, foreign.status());
                assertTrue(what + ": " + foreign.body(), code(foreign).endsWith("NotFound"));
            } else if (createsInA(r)) {
                assertEquals(what + " as bob: " + foreign.body(), 422, foreign.status());
            } else if (serverAdminRoute(r)) {
                assertEquals(what + " as bob: " + foreign.body(), 403, foreign.status());
            }
            tally.merge("foreign " + foreign.status(), 1, Integer::sum);

            if (!r.method().equals("GET") && (addressesA(r) || createsInA(r) || serverAdminRoute(r))) {
                Http.Answer reader = Http.send(port, r.method(), url, body, "Authorization", f.rita);
                assertEquals(what + " as reader: " + reader.body(), 403, reader.status());
                assertEquals(what, "InsufficientPermissions", code(reader));
                tally.merge("reader 403", 1, Integer::sum);
            } else if (r.method().equals("GET") && addressesA(r)) {
                Http.Answer reader = Http.send(port, r.method(), url, body, "Authorization", f.rita);
                // a reader reads (CSV rows have no geometry: that 404 is about the element, not the reader)
                // (a 404 about the element or run itself is fine: CSV rows have no geometry, manifest routes get a storage run id)
                assertTrue(what + " as reader: " + reader.status() + " " + reader.body(), reader.status() != 401 && reader.status() != 403
                        && !List.of("iTwinNotFound", "iModelNotFound", "StorageConnectionNotFound", "ManifestConnectionNotFound",
                                "FolderNotFound", "FileNotFound").contains(code(reader)));
            }
        }
    }

    private void afterMatrix(Fixture f, int port) throws Exception {
        // nothing of A changed under all these refused writes
        SyncClient c = client();
        assertEquals("secret-model-a", c.call(200, "GET", "/imodels/" + f.im, null).path("iModel").path("name").asText());
        assertEquals(1, c.call(200, "GET", "/imodels/" + f.im + "/changesets", null).path("changesets").size());
        assertEquals(2, c.call(200, "GET", "/itwins/" + f.tw + "/members", null).path("members").size());
        assertEquals(200, Http.send(port, "GET", "/storage/files/" + f.file, null).status());
        // lists without a filter show each principal only what its iTwins hold
        for (String list : List.of("/synchronization/imodels/connections", "/synchronization/imodels/storageconnections",
                "/synchronization/imodels/manifestconnections")) {
            Http.Answer bobs = Http.send(port, "GET", list, null, "Authorization", f.bob);
            assertEquals(list + ": " + bobs.body(), 200, bobs.status());
            assertFalse(list + " shows bob connections of iTwin A: " + bobs.body(), bobs.body().contains(f.conn) || bobs.body().contains(f.mconn));
            Http.Answer ritas = Http.send(port, "GET", list + "?$top=1000", null, "Authorization", f.rita);
            assertTrue(list + " hides iTwin A's connections from its reader: " + ritas.body(),
                    ritas.body().contains(list.endsWith("manifestconnections") ? f.mconn : f.conn));
        }
        // lists without a filter show bob only his own iTwin
        JsonNode bobs = c.call(200, "GET", "/itwins", null, "Authorization", f.bob).path("iTwins");
        assertFalse(bobs.toString(), bobs.toString().contains(f.tw));
        assertTrue(bobs.toString(), bobs.size() >= 1);
    }

    @Test
    public void signedUrlsRefuseTamperingExpiryAndTheWrongMethod() throws Exception {
        Fixture f = fixture();
        SyncClient c = client();
        int port = c.port();
        JsonNode ticket = c.call(202, "POST", "/storage/folders/" + f.root + "/files", "{\"displayName\":\"signed.csv\"}");
        String upload = ticket.path("_links").path("uploadUrl").path("href").asText();
        String tampered = upload.substring(0, upload.length() - 1) + (upload.endsWith("A") ? "B" : "A");
        Http.Answer bad = Http.send(port, "PUT", tampered, "id\n1\n");
        assertEquals(bad.body(), 403, bad.status());
        assertEquals("SignatureInvalid", code(bad));
        assertEquals("SignatureInvalid", code(Http.send(port, "GET", upload, null)));
        Matcher blob = Pattern.compile("/storage/blobs/([^?]+)\\?").matcher(upload);
        assertTrue(upload, blob.find());
        long past = System.currentTimeMillis() / 1000 - 10;
        byte[] key = Base64.getUrlDecoder().decode(Files.readString(home().resolve("data/storage/signing.key")).trim());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("w\n/storage/blobs/" + blob.group(1) + "\n" + past).getBytes(StandardCharsets.UTF_8)));
        Http.Answer expired = Http.send(port, "PUT", "/storage/blobs/" + blob.group(1) + "?sp=w&se=" + past + "&sig=" + sig, "id\n1\n");
        assertEquals(expired.body(), 403, expired.status());
        assertEquals("SignatureExpired", code(expired));
        assertEquals(201, Http.send(port, "PUT", upload, "id\n1\n").status());

        Http.Answer download = Http.send(port, "GET", "/storage/files/" + f.file + "/download", null);
        assertEquals(302, download.status());
        String read = download.header("Location");
        Http.Answer tamperedRead = Http.send(port, "GET", read.replace("sp=r", "sp=w"), null);
        assertEquals(403, tamperedRead.status());
        assertFalse(tamperedRead.body().contains("secret-row-value"));
        assertTrue(Http.send(port, "GET", read, null, "Authorization", "").body().contains("secret-row-value"));
    }

    @Test
    public void bodiesAboveTheLimitAnswer413AndTheRateLimitAnswers429() throws Exception {
        Fixture f = fixture();
        SyncClient c = client();
        int port = c.port();
        int before = c.call(200, "GET", "/itwins?$top=1000", null).path("iTwins").size();
        String huge = "{\"displayName\":\"big\",\"description\":\"" + "x".repeat(1_200_000) + "\"}";
        Http.Answer tooLarge = Http.send(port, "POST", "/itwins", huge);
        assertEquals(tooLarge.body(), 413, tooLarge.status());
        assertEquals("PayloadTooLarge", code(tooLarge));
        assertEquals("401 comes before 413", 401, Http.send(port, "POST", "/itwins", huge, "Authorization", "").status());
        assertEquals(before, c.call(200, "GET", "/itwins?$top=1000", null).path("iTwins").size());

        Path httpCfg = home().resolve("etc/io.sinter.http.cfg");
        String original = Files.readString(httpCfg);
        Files.writeString(httpCfg, original + "rateLimit = 3/60\ncors.allowedOrigins = https://app.example.com\n");
        try {
            Http.Answer limited = null;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                Http.Answer a = Http.send(port, "GET", "/auth/me", null, "Authorization", f.bob);
                if (a.status() == 429) {
                    limited = a;
                    break;
                }
                assertEquals(a.body(), 200, a.status());
                Thread.sleep(100);
            }
            assertNotNull("no 429 within 20 s of rateLimit = 3/60", limited);
            assertEquals("RateLimitExceeded", code(limited));
            long retryAfter = Long.parseLong(limited.header("Retry-After"));
            assertTrue("Retry-After " + retryAfter, retryAfter >= 1 && retryAfter <= 60);
            // another principal has its own budget; CORS (api.md 1.11) for the configured origin only
            Http.Answer cors = Http.send(port, "GET", "/auth/me", null, "Authorization", f.rita, "Origin", "https://app.example.com");
            assertEquals(200, cors.status());
            assertEquals("https://app.example.com", cors.header("Access-Control-Allow-Origin"));
            assertTrue(String.valueOf(cors.header("Access-Control-Expose-Headers")).contains("Location"));
            Http.Answer preflight = Http.send(port, "OPTIONS", "/synchronization/imodels/manifestconnections/x/runs", null,
                    "Authorization", "", "Origin", "https://app.example.com", "Access-Control-Request-Method", "POST");
            assertEquals(preflight.body(), 204, preflight.status());
            assertEquals("https://app.example.com", preflight.header("Access-Control-Allow-Origin"));
            assertTrue(String.valueOf(preflight.header("Access-Control-Allow-Headers")).contains("Authorization"));
            Http.Answer stranger = Http.send(port, "OPTIONS", "/imodels", null, "Authorization", "", "Origin", "https://evil.example",
                    "Access-Control-Request-Method", "POST");
            assertNull(stranger.header("Access-Control-Allow-Origin"));
        } finally {
            Files.writeString(httpCfg, original);
        }
        Http.Answer again = null;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && (again == null || again.status() == 429)) {
            Thread.sleep(200);
            again = Http.send(port, "GET", "/auth/me", null, "Authorization", f.bob);
        }
        assertEquals("limit lifted when the setting is removed", 200, again.status());
    }

    @Test
    public void userConnectionRunsNeedConsentGivenOnTheConsentPage() throws Exception {
        Fixture f = fixture();
        SyncClient c = client();
        int port = c.port();
        String ursulaId = user(c, "ursula");
        c.call(200, "PUT", "/itwins/" + f.tw + "/members/" + ursulaId, "{\"role\":\"modify\"}");
        String ursula = "Bearer " + Http.signIn(port, "ursula", "ursula-password-123");
        String file = c.upload(f.root, "ursula.csv", "id,name\nU1,one\nU2,two\n");
        String conn = c.call(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + f.im
                + "\",\"sourceFiles\":[{\"storageFileId\":\"" + file + "\",\"connectorType\":\"CSV\"}]}", "Authorization", ursula)
                .path("connection").path("id").asText();
        assertEquals("User", c.call(200, "GET", "/synchronization/imodels/storageconnections/" + conn, null)
                .path("connection").path("authenticationType").asText());
        int changesets = c.call(200, "GET", "/imodels/" + f.im + "/changesets", null).path("changesets").size();

        JsonNode refused = runAs(c, port, conn, ursula);
        assertEquals(refused.toString(), "Error", refused.path("result").asText());
        assertEquals("UserNotAuthenticated", refused.path("error").path("errorKey").asText());
        assertEquals(ursulaId, refused.path("ownerId").asText());
        assertEquals(changesets, c.call(200, "GET", "/imodels/" + f.im + "/changesets", null).path("changesets").size());

        JsonNode info = c.call(200, "GET", "/synchronization/imodels/connections/authorizationinformation?redirectUrl="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8), null, "Authorization", ursula).path("authorizationInformation");
        assertFalse(info.path("isUserAuthorized").asBoolean());
        String consentUrl = info.path("_links").path("authorizationUrl").path("href").asText();
        Matcher t = Pattern.compile("ticket=([^&]+)").matcher(consentUrl);
        assertTrue(consentUrl, t.find());
        String ticket = t.group(1);

        Http.Answer page = Http.send(port, "GET", consentUrl, null, "Authorization", "");
        assertEquals(page.body(), 200, page.status());
        assertTrue(page.contentType(), page.contentType().startsWith("text/html"));
        assertTrue(page.body(), page.body().contains("ursula") && page.body().contains("Allow"));
        String forged = ticket.substring(0, ticket.indexOf('.') + 1) + "AAAA" + ticket.substring(ticket.indexOf('.') + 5);
        assertEquals(403, Http.send(port, "GET", "/auth/consent?ticket=" + forged, null, "Authorization", "").status());

        String origin = "http://127.0.0.1:" + port;
        String form = "ticket=" + ticket + "&redirectUrl=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&decision=grant";
        Http.Answer crossSite = Http.send(port, "POST", "/auth/consent", form, "Content-Type", "application/x-www-form-urlencoded",
                "Origin", "http://evil.example", "Authorization", "");
        assertEquals(403, crossSite.status());
        assertFalse(c.call(200, "GET", "/synchronization/imodels/connections/authorizationinformation", null, "Authorization", ursula)
                .path("authorizationInformation").path("isUserAuthorized").asBoolean());
        Http.Answer elsewhere = Http.send(port, "POST", "/auth/consent", "ticket=" + ticket + "&redirectUrl="
                + URLEncoder.encode(REDIRECT + "door", StandardCharsets.UTF_8) + "&decision=deny", "Content-Type",
                "application/x-www-form-urlencoded", "Origin", origin, "Authorization", "");
        assertEquals("a redirect target outside the allowlist is not followed", 200, elsewhere.status());
        assertNull(elsewhere.header("Location"));
        Http.Answer granted = Http.send(port, "POST", "/auth/consent", form, "Content-Type", "application/x-www-form-urlencoded",
                "Origin", origin, "Authorization", "");
        assertEquals(granted.body(), 302, granted.status());
        assertEquals(REDIRECT, granted.header("Location"));
        assertTrue(c.call(200, "GET", "/synchronization/imodels/connections/authorizationinformation", null, "Authorization", ursula)
                .path("authorizationInformation").path("isUserAuthorized").asBoolean());

        JsonNode done = runAs(c, port, conn, ursula);
        assertEquals(done.toString(), "Success", done.path("result").asText());
        assertEquals(changesets + 1, c.call(200, "GET", "/imodels/" + f.im + "/changesets", null).path("changesets").size());

        assertEquals(204, Http.send(port, "DELETE", "/auth/consent", null, "Authorization", ursula).status());
        assertFalse(c.call(200, "GET", "/synchronization/imodels/connections/authorizationinformation", null, "Authorization", ursula)
                .path("authorizationInformation").path("isUserAuthorized").asBoolean());
    }

    @Test
    public void scopesAndAdministrationRules() throws Exception {
        Fixture f = fixture();
        SyncClient c = client();
        int port = c.port();
        Http.Answer narrow = Http.send(port, "POST", "/auth/token", "grant_type=password&username=rita&password=rita-password-123"
                + "&scope=imodels:read", "Content-Type", "application/x-www-form-urlencoded", "Authorization", "");
        assertEquals(narrow.body(), 200, narrow.status());
        String readOnly = "Bearer " + SyncClient.JSON.readTree(narrow.body()).path("access_token").asText();
        assertEquals(200, Http.send(port, "GET", "/imodels/" + f.im, null, "Authorization", readOnly).status());
        Http.Answer noScope = Http.send(port, "GET", "/storage/files/" + f.file, null, "Authorization", readOnly);
        assertEquals(401, noScope.status());
        assertEquals("RequiredScopeMissing", code(noScope));
        Http.Answer badScope = Http.send(port, "POST", "/auth/token", "grant_type=password&username=rita&password=rita-password-123"
                + "&scope=everything", "Content-Type", "application/x-www-form-urlencoded", "Authorization", "");
        assertEquals(400, badScope.status());
        assertTrue(badScope.body(), badScope.body().contains("\"error\":\"invalid_scope\""));
        Http.Answer wrong = Http.send(port, "POST", "/auth/token", "grant_type=password&username=rita&password=wrong-password",
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", "");
        assertEquals(400, wrong.status());
        assertTrue(wrong.body(), wrong.body().contains("\"error\":\"invalid_grant\""));
        assertFalse(wrong.body(), wrong.body().contains("rita-password"));
        Http.Answer badClient = Http.send(port, "POST", "/auth/token", "grant_type=client_credentials&client_id=" + f.clientId
                + "&client_secret=nope", "Content-Type", "application/x-www-form-urlencoded", "Authorization", "");
        assertEquals(401, badClient.status());
        assertTrue(badClient.body(), badClient.body().contains("invalid_client"));

        assertEquals("UserExists", c.call(409, "POST", "/auth/users", "{\"username\":\"BOB\",\"password\":\"0123456789\"}")
                .path("error").path("code").asText());
        assertEquals("InvalidRequest", c.call(422, "POST", "/auth/users", "{\"username\":\"shorty\",\"password\":\"123\"}")
                .path("error").path("code").asText());
        assertEquals("PrincipalNotFound", c.call(404, "PUT", "/itwins/" + f.tw + "/members/" + UUID.randomUUID(), "{\"role\":\"read\"}")
                .path("error").path("code").asText());
        String onlyAdmin = null;
        for (JsonNode m : c.call(200, "GET", "/itwins/" + f.tw + "/members", null).path("members")) {
            if (m.path("role").asText().equals("admin")) {
                onlyAdmin = m.path("principalId").asText();
            }
        }
        assertNotNull(onlyAdmin);
        assertEquals("LastAdmin", c.call(409, "DELETE", "/itwins/" + f.tw + "/members/" + onlyAdmin, null).path("error").path("code").asText());
        // bob cannot map iTwin A's storage file into an iModel of his own (and so read it through a run)
        String bobTw = c.call(201, "POST", "/itwins", "{\"displayName\":\"Bob's lab\"}", "Authorization", f.bob).path("iTwin").path("id").asText();
        String bobIm = c.call(201, "POST", "/imodels", "{\"iTwinId\":\"" + bobTw + "\",\"name\":\"lab\"}", "Authorization", f.bob)
                .path("iModel").path("id").asText();
        Http.Answer steal = Http.send(port, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + bobIm
                + "\",\"sourceFiles\":[{\"storageFileId\":\"" + f.file + "\",\"connectorType\":\"CSV\"}]}", "Authorization", f.bob);
        assertEquals(steal.body(), 422, steal.status());
        assertFalse(steal.body(), steal.body().contains("secret-a.csv"));
        // an iTwin is deleted with its storage only once it holds no iModel; its creator is recorded
        String[] ids = c.iModel("Short-lived");
        assertNotNull(c.call(200, "GET", "/itwins/" + ids[0], null).path("iTwin").path("createdBy").textValue());
        c.upload(ids[2], "doomed.csv", "id\n1\n");
        assertEquals("Renamed", c.call(200, "PATCH", "/itwins/" + ids[0], "{\"displayName\":\"Renamed\"}").path("iTwin")
                .path("displayName").asText());
        assertEquals("iTwinNotEmpty", c.call(409, "DELETE", "/itwins/" + ids[0], null).path("error").path("code").asText());
        c.call(204, "DELETE", "/imodels/" + ids[1], null);
        c.call(204, "DELETE", "/itwins/" + ids[0], null);
        assertEquals("iTwinNotFound", c.call(404, "GET", "/itwins/" + ids[0], null).path("error").path("code").asText());
        assertEquals(404, Http.send(port, "GET", "/storage/folders/" + ids[2], null).status());
        // a disabled user's tokens stop working at once
        String victor = "Bearer " + Http.signIn(port, "victor", "victor-password-123");
        assertEquals(200, Http.send(port, "GET", "/auth/me", null, "Authorization", victor).status());
        c.call(200, "PATCH", "/auth/users/" + f.victorId, "{\"disabled\":true}");
        Http.Answer disabled = Http.send(port, "GET", "/auth/me", null, "Authorization", victor);
        assertEquals(401, disabled.status());
        assertEquals("Unauthorized", code(disabled));
        c.call(200, "PATCH", "/auth/users/" + f.victorId, "{\"disabled\":false}");
    }

    private static JsonNode runAs(SyncClient c, int port, String conn, String token) throws Exception {
        Http.Answer started = Http.send(port, "POST", "/synchronization/imodels/storageconnections/" + conn + "/run", null, "Authorization", token);
        assertEquals(started.body(), 202, started.status());
        return c.awaitRun(started.header("Location"), Duration.ofSeconds(60));
    }
}
