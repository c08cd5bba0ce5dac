package io.sinter.rest.internal;

import java.io.IOException;
import java.io.InputStream;

/** Request bodies that are refused. */
final class Bodies {
    /** Bytes of a refused request body read and dropped, so that the client sees the answer instead of a reset. */
    static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private Bodies() {
    }

    /**
     * Reads and drops what is left of a refused request's body (up to {@value #DRAIN_LIMIT} bytes): a client
     * that is still sending when the answer comes would otherwise see the connection close under it instead
     * of the refusal. Larger bodies are left to Jetty, which closes the connection.
     */
    static void drain(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            long left = DRAIN_LIMIT;
            byte[] buffer = new byte[16384];
            for (int n = in.read(buffer); n > 0 && left > 0; n = in.read(buffer)) {
                left -= n;
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }
}
