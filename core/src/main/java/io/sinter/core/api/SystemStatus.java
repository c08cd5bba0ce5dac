package io.sinter.core.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The server's health: what {@code GET /health} and {@code sinter:status} report. */
@ProviderType
public interface SystemStatus {

    /** @return the current status; checks the database and the data folder on every call */
    ServerStatus status();

    /** @return the most recent server starts, newest first, at most {@code limit} */
    List<BootInfo> boots(int limit);
}
