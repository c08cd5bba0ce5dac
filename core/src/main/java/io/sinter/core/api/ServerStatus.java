package io.sinter.core.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of the server's health.
 *
 * @param version the Sinter version (the core bundle's version)
 * @param startedAt when the core started
 * @param uptime time since {@code startedAt}
 * @param database whether the database answers
 * @param storage whether the data folder is usable
 * @param connectors number of installed connectors
 * @param previousBoot the start before this one, or null on the first start
 */
public record ServerStatus(String version, Instant startedAt, Duration uptime, Check database, Check storage,
        int connectors, BootInfo previousBoot) {

    /** @return true when every check is up */
    public boolean up() {
        return database.up() && storage.up();
    }

    /**
     * The result of one check.
     *
     * @param up whether the checked part works
     * @param detail what was checked, or why it failed
     */
    public record Check(boolean up, String detail) {
    }
}
