package io.sinter.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A tiny HTTP client for the tests, loopback only; polls with a deadline instead of sleeping blindly.
 * Requests to Sinter carry the bearer token of the bootstrap administrator (whose password
 * {@link SinterRuntime#newHome} configures) unless they name their own {@code Authorization} header;
 * an empty value sends none.
 */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final java.util.Map<Integer, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private Http() {
    }

    record Answer(int status, String contentType, String body, java.util.Map<String, java.util.List<String>> headers) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, java.util.Map.of());
        }

        /** @return the first value of header {@code name} (any case), or null */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    /** Sends {@code method} to {@code url} (absolute, or a path on 127.0.0.1:{@code port}) with an optional body. */
    static Answer send(int port, String method, String url, String body, String... headers) throws IOException, InterruptedException {
        URI uri = URI.create(url.startsWith("http") ? url : "http://127.0.0.1:" + port + url);
        boolean own = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            own |= headers[i].equalsIgnoreCase("Authorization");
        }
        boolean authenticate = !own && uri.getPort() == port && needsToken(uri.getPath());
        Answer answer = sendOnce(uri, method, body, headers, authenticate ? token(port, false) : null);
        if (authenticate && answer.status() == 401) {
            // the server's users changed (another database): sign in again once
            answer = sendOnce(uri, method, body, headers, token(port, true));
        }
        return answer;
    }

    private static Answer sendOnce(URI uri, String method, String body, String[] headers, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (!headers[i + 1].isEmpty()) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = null;
            for (int attempt = 1; response == null; attempt++) {
                try {
                    response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.EOFException staleConnection) {
                    // a pooled keep-alive connection the server had closed (after it refused a large body): again, a few times
                    if (attempt == 3) {
                        throw staleConnection;
                    }
                }
            }
        } catch (IOException e) {
            throw new IOException(method + " " + uri + (token == null ? "" : " (with the tests' token)") + ": " + e, e);
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                response.headers().map());
    }

    /** @return whether Sinter wants a bearer token for {@code path} (api.md section 2.1) */
    static boolean needsToken(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return !(p.equals("/health") || p.equals("/openapi.yaml") || p.startsWith("/storage/blobs/") || p.equals("/auth/token")
                || p.startsWith("/auth/.well-known/") || p.equals("/auth/consent"));
    }

    /**
     * @return a token of a service client with server-admin rights on the server on {@code port} (cached),
     *         created by the bootstrap administrator: runs it starts need no user consent (api.md section 5.11)
     */
    static String token(int port, boolean fresh) throws IOException, InterruptedException {
        String cached = TOKENS.get(port);
        if (cached != null && !fresh) {
            return cached;
        }
        String admin = signIn(port, "admin", SinterRuntime.ADMIN_PASSWORD);
        Answer client = sendOnce(URI.create("http://127.0.0.1:" + port + "/auth/clients"), "POST",
                "{\"displayName\":\"integration tests\",\"isServerAdmin\":true}", new String[0], admin);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"client\":\\{\"id\":\"([^\"]+)\"").matcher(client.body());
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("\"clientSecret\":\"([^\"]+)\"").matcher(client.body());
        if (client.status() != 201 || !id.find() || !secret.find()) {
            throw new AssertionError("cannot create the tests' service client: " + client.status() + " " + client.body());
        }
        String token = clientToken(port, id.group(1), secret.group(1));
        TOKENS.put(port, token);
        return token;
    }

    /** @return an access token of a service client (client-credentials grant) */
    static String clientToken(int port, String clientId, String secret) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret;
        return accessToken(port, form, clientId);
    }

    /** @return an access token for a user of the server on {@code port} (password grant) */
    static String signIn(int port, String username, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&username=" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        return accessToken(port, form, username);
    }

    private static String accessToken(int port, String form, String who) throws IOException, InterruptedException {
        Answer answer = sendOnce(URI.create("http://127.0.0.1:" + port + "/auth/token"), "POST", form,
                new String[] {"Content-Type", "application/x-www-form-urlencoded"}, null);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
        if (answer.status() != 200 || !m.find()) {
            throw new AssertionError("cannot sign in as " + who + " on port " + port + ": " + answer.status() + " " + answer.body());
        }
        return m.group(1);
    }

    static Answer get(int port, String path) throws IOException, InterruptedException {
        return send(port, "GET", path, null);
    }

    /** GETs {@code path} until it answers {@code status}, or fails after {@code timeout}. */
    static Answer await(int port, String path, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                Answer answer = get(port, path);
                if (answer.status() == status) {
                    return answer;
                }
                last = answer.status() + " " + answer.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET 127.0.0.1:" + port + path + " did not answer " + status + " within " + timeout + "; last: " + last);
    }

    /** GETs {@code path} until its body contains {@code fragment}, or fails after {@code timeout}; returns that body. */
    static String awaitBody(int port, String path, String fragment, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = get(port, path).body();
            if (last.contains(fragment)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never contained " + fragment + " within " + timeout + "; last: " + last);
    }

    /** Waits until nothing accepts connections on {@code port} any more. */
    static void awaitClosed(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                get(port, "/health");
            } catch (IOException closed) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("port " + port + " still answers after " + timeout);
    }
}
