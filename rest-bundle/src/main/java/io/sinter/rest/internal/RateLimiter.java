package io.sinter.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-principal request limit ({@code sinter.http.rateLimit}, e.g. {@code 600/60}: 600 requests per 60
 * seconds): a fixed window per principal. Off when not configured. The shell is not rate limited.
 */
final class RateLimiter {
    private final int requests;
    private final long windowMillis;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    private RateLimiter(int requests, long windowMillis) {
        this.requests = requests;
        this.windowMillis = windowMillis;
    }

    /**
     * @param setting {@code N/S} (N requests per S seconds), {@code N} (per minute), or empty (off)
     * @throws IllegalArgumentException for anything else
     */
    static RateLimiter parse(String setting) {
        String s = setting == null ? "" : setting.trim();
        if (s.isEmpty()) {
            return new RateLimiter(0, 0);
        }
        String[] parts = s.split("/");
        try {
            int n = Integer.parseInt(parts[0].trim());
            long seconds = parts.length > 1 ? Long.parseLong(parts[1].trim().replaceAll("s$", "")) : 60;
            if (n < 1 || seconds < 1 || parts.length > 2) {
                throw new NumberFormatException();
            }
            return new RateLimiter(n, seconds * 1000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sinter.http.rateLimit must look like 600/60 (requests/seconds), not '" + setting + "'");
        }
    }

    /** @return 0 when the request may proceed, else the seconds after which to retry */
    long acquire(String principalId) {
        return acquire(principalId, System.currentTimeMillis());
    }

    long acquire(String principalId, long now) {
        if (requests == 0) {
            return 0;
        }
        long[] window = windows.computeIfAbsent(principalId, k -> new long[] {now, 0});
        synchronized (window) {
            if (now - window[0] >= windowMillis) {
                window[0] = now;
                window[1] = 0;
            }
            if (window[1] < requests) {
                window[1]++;
                return 0;
            }
            return Math.max(1, (window[0] + windowMillis - now + 999) / 1000);
        }
    }
}
