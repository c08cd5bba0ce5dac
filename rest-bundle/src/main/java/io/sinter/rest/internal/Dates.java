package io.sinter.rest.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Date output of api.md section 1.5: UTC, ISO-8601, milliseconds, {@code Z}. */
final class Dates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
