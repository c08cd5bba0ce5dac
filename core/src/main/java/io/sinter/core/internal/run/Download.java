package io.sinter.core.internal.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Fetches a manifest URL into a work file (api.md sections 5.5 and 5.10): GET without credentials,
 * up to five redirects (each hop checked against the allowed hosts and, after DNS resolution, against
 * the {@link AddressGuard} rules before any connection is opened), a size limit, a connect time limit
 * and an overall time limit; HTTP statuses mapped to the task error keys, with the retryable ones
 * marked.
 *
 * <p>DNS rebinding: the guard resolves the host itself, and the JDK HttpClient resolves it again when
 * it connects; a name whose DNS answer changes in between could still reach a refused address. The
 * JVM's DNS cache (networkaddress.cache.ttl, 30 s by default) usually answers the second lookup from
 * the first, which narrows the window; pinning the checked address is not possible with HttpClient
 * without giving up TLS host name checks, so an egress proxy is the remedy where this matters.
 */
final class Download {
    static final int MAX_REDIRECTS = 5;

    /** Limits of one download. */
    record Limits(long maxBytes, Duration connectTimeout, Duration totalTimeout, List<String> allowedHosts) {
    }

    /** A fetched file: size and lower-case hex SHA-256. */
    record Fetched(Path path, long size, String sha256) {
    }

    /** A failed download, with the task error it becomes. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String errorKey;
        private final String details;
        private final boolean retryable;

        Failure(String errorKey, String message, String details, boolean retryable) {
            super(message);
            this.errorKey = errorKey;
            this.details = details;
            this.retryable = retryable;
        }

        String errorKey() {
            return errorKey;
        }

        String details() {
            return details;
        }

        boolean retryable() {
            return retryable;
        }
    }

    private final HttpClient client;
    private final Limits limits;
    private final AddressGuard guard;

    Download(Limits limits, AddressGuard guard) {
        this.limits = limits;
        this.guard = guard;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(limits.connectTimeout()).build();
    }

    /** @return whether {@code host} may be fetched from (any host when the list is empty) */
    static boolean hostAllowed(List<String> allowedHosts, String host) {
        if (allowedHosts == null || allowedHosts.isEmpty()) {
            return true;
        }
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        for (String allowed : allowedHosts) {
            String a = allowed.trim().toLowerCase(Locale.ROOT);
            if (a.isEmpty()) {
                continue;
            }
            if (a.equals(h) || (a.startsWith("*.") && h.endsWith(a.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fetches {@code url} into {@code target}.
     *
     * @param cancelled polled while reading; a cancelled download ends with an {@link InterruptedException}
     */
    Fetched fetch(String url, Path target, BooleanSupplier cancelled) throws Failure, InterruptedException {
        URI uri = URI.create(url);
        long deadline = System.nanoTime() + limits.totalTimeout().toNanos();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!hostAllowed(limits.allowedHosts(), uri.getHost())) {
                throw new Failure("SourceFileNotAccessible", "The download of " + url + " was refused.",
                        "Host " + uri.getHost() + " is not in sinter.sync.download.allowedHosts.", false);
            }
            guard(url, uri);
            HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(remaining(deadline, url)).build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpConnectTimeoutException e) {
                throw new Failure("SourceFileNotAccessible", "Could not connect to " + uri.getHost() + ".",
                        "GET " + uri + " did not connect within " + limits.connectTimeout().toSeconds() + " s.", true);
            } catch (HttpTimeoutException e) {
                throw new Failure("SourceFileNotAccessible", "The download of " + url + " timed out.", "GET " + uri + ": " + e.getMessage(), true);
            } catch (ConnectException e) {
                throw new Failure("SourceFileNotAccessible", "Could not connect to " + uri.getHost() + ".", "GET " + uri + ": connection refused.", true);
            } catch (IOException e) {
                throw new Failure("SourceFileNotAccessible", "The download of " + url + " failed.", "GET " + uri + ": " + e, true);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                closeQuietly(response.body());
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new Failure("SourceFileNotAccessible", "The download of " + url + " failed.",
                            "GET " + uri + " answered " + status + " without a Location.", false);
                }
                uri = uri.resolve(location);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    throw new Failure("SourceFileNotAccessible", "The download of " + url + " was redirected to an unsupported scheme.",
                            "GET answered " + status + " with Location " + location + ".", false);
                }
                continue;
            }
            if (status != 200) {
                closeQuietly(response.body());
                throw statusFailure(uri, status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limits.maxBytes()) {
                closeQuietly(response.body());
                throw tooLarge(uri, declared);
            }
            return copy(uri, response.body(), target, deadline, cancelled);
        }
        throw new Failure("SourceFileNotAccessible", "The download of " + url + " was redirected too often.",
                "More than " + MAX_REDIRECTS + " redirects, last to " + uri + ".", false);
    }

    /** Applies the address rules to one hop; a refused hop ends the download before any connection. */
    private void guard(String url, URI uri) throws Failure {
        if (uri.getHost() == null) {
            throw new Failure("SourceFileNotAccessible", "The download of " + url + " was refused.", "GET " + uri + ": the URL names no host.", false);
        }
        String refusal;
        try {
            refusal = guard.refusal(uri);
        } catch (UnknownHostException e) {
            throw new Failure("SourceFileNotAccessible", "Could not resolve " + uri.getHost() + ".", "GET " + uri + ": unknown host.", true);
        }
        if (refusal != null) {
            throw new Failure("SourceFileNotAccessible", "The download of " + url + " was refused.", "GET " + uri + ": " + refusal, false);
        }
    }

    private Failure tooLarge(URI uri, long size) {
        return new Failure("SourceFileNotAccessible", "The file at " + uri + " is larger than the download limit.",
                "GET " + uri + ": " + size + " bytes, limit " + limits.maxBytes() + " bytes.", false);
    }

    static Failure statusFailure(URI uri, int status) {
        String details = "GET " + uri + " answered " + status + ".";
        if (status == 404 || status == 410) {
            return new Failure("SourceFileNotFound", "The source file was not found at its URL.", details, false);
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new Failure("SourceFileNotAccessible", "The source file could not be read from its URL.", details, retryable);
    }

    private Duration remaining(long deadline, String url) throws Failure {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new Failure("SourceFileNotAccessible", "The download of " + url + " timed out.",
                    "The download time limit of " + limits.totalTimeout().toSeconds() + " s was reached.", true);
        }
        return Duration.ofNanos(left);
    }

    private Fetched copy(URI uri, InputStream body, Path target, long deadline, BooleanSupplier cancelled)
            throws Failure, InterruptedException {
        MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = body; OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha256)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0;) {
                size += n;
                if (size > limits.maxBytes()) {
                    throw tooLarge(uri, size);
                }
                if (cancelled.getAsBoolean()) {
                    throw new InterruptedException("cancelled");
                }
                if (System.nanoTime() > deadline) {
                    throw new Failure("SourceFileNotAccessible", "The download of " + uri + " timed out.",
                            "The download time limit of " + limits.totalTimeout().toSeconds() + " s was reached after " + size + " bytes.", true);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new Failure("SourceFileNotAccessible", "The download of " + uri + " broke off.", "GET " + uri + " after " + size + " bytes: " + e, true);
        }
        return new Fetched(target, size, HexFormat.of().formatHex(sha256.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the body is discarded
        }
    }
}
