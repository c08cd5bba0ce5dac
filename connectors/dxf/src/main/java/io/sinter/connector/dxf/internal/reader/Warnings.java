package io.sinter.connector.dxf.internal.reader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects warnings up to a limit, so that a file with a systematic defect (a million duplicate handles) cannot
 * flood memory; {@link #list()} then ends with one warning that says how many were left out.
 */
final class Warnings {
    static final int DEFAULT_LIMIT = 1000;

    private final int limit;
    private final List<DxfWarning> warnings = new ArrayList<>();
    private long suppressed;
    private DxfPosition lastPosition;

    Warnings() {
        this(DEFAULT_LIMIT);
    }

    Warnings(int limit) {
        this.limit = limit;
    }

    void add(DxfPosition position, String message) {
        if (warnings.size() < limit) {
            warnings.add(new DxfWarning(position, message));
        } else {
            suppressed++;
            lastPosition = position;
        }
    }

    /** @return the warnings in the order they were found, plus a summary of the ones over the limit */
    List<DxfWarning> list() {
        if (suppressed == 0) {
            return Collections.unmodifiableList(new ArrayList<>(warnings));
        }
        List<DxfWarning> all = new ArrayList<>(warnings);
        all.add(new DxfWarning(lastPosition, suppressed + " further warnings left out (limit " + limit + ")"));
        return Collections.unmodifiableList(all);
    }
}
