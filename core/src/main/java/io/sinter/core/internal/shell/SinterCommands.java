package io.sinter.core.internal.shell;

import io.sinter.core.api.BootInfo;
import io.sinter.core.api.ServerStatus;
import io.sinter.core.api.SystemStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of the {@code sinter:} group. */
@Component(service = SinterCommands.class, property = {
        "osgi.command.scope=sinter",
        "osgi.command.function=status",
        "osgi.command.function=connectors"})
public final class SinterCommands {
    private final SystemStatus systemStatus;

    @Activate
    public SinterCommands(@Reference SystemStatus systemStatus) {
        this.systemStatus = systemStatus;
    }

    /** {@code sinter:status}: the facts of GET /health. */
    public String status() {
        return format(systemStatus.status());
    }

    static String format(ServerStatus s) {
        StringBuilder out = new StringBuilder();
        out.append("status     ").append(s.up() ? "UP" : "DOWN").append('\n');
        out.append("version    ").append(s.version()).append('\n');
        out.append("started    ").append(s.startedAt()).append(" (up ").append(human(s.uptime().toSeconds())).append(")\n");
        out.append("database   ").append(s.database().up() ? "UP" : "DOWN").append("  ").append(s.database().detail()).append('\n');
        out.append("storage    ").append(s.storage().up() ? "UP" : "DOWN").append("  ").append(s.storage().detail()).append('\n');
        out.append("connectors ").append(s.connectors()).append('\n');
        BootInfo previous = s.previousBoot();
        out.append("previous   ").append(previous == null ? "none (first start)"
                : previous.startedAt() + (previous.stoppedAt() == null ? ", did not stop cleanly" : ", stopped cleanly at " + previous.stoppedAt()));
        return out.toString();
    }

    static String human(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds / 60 % 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }

    /** {@code sinter:connectors}: installed connector bundles with their types and extensions. */
    public String connectors() {
        int count = systemStatus.status().connectors();
        return count == 0 ? "No connectors installed." : count + " connectors installed.";
    }
}
