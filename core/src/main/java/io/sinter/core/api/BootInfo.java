package io.sinter.core.api;

import java.time.Instant;

/**
 * One start of the server, as recorded in the database.
 *
 * @param startedAt when the server started
 * @param stoppedAt when it stopped cleanly, or null if it is running or did not stop cleanly
 * @param version the Sinter version that ran
 */
public record BootInfo(Instant startedAt, Instant stoppedAt, String version) {
}
