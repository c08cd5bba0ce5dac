package io.sinter.rest.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Date output of api.md section 1.5: UTC, ISO-8601, milliseconds, {@code Z}. */
final class Dates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Dates() {
    }

    /** The value of an unset run, job or task time (api.md section 1.5). */
    static final String UNSET = "0001-01-01T00:00:00Z";

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** @return the formatted time, or {@link #UNSET} for null */
    static String orUnset(Instant instant) {
        return instant == null ? UNSET : format(instant);
    }
}
