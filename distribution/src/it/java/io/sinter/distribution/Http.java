package io.sinter.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the tests, loopback only; polls with a deadline instead of sleeping blindly. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                response.headers().map());
    }

    static Answer get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                response.headers().map());
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
