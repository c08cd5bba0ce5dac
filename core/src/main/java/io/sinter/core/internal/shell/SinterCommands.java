package io.sinter.core.internal.shell;

import io.sinter.core.api.BootInfo;
import io.sinter.core.api.ConnectorCatalog;
import io.sinter.core.api.ConnectorInfo;
import io.sinter.core.api.ServerStatus;
import io.sinter.core.api.SystemStatus;
import java.util.List;
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
    private final ConnectorCatalog connectorCatalog;

    @Activate
    public SinterCommands(@Reference SystemStatus systemStatus, @Reference ConnectorCatalog connectorCatalog) {
        this.systemStatus = systemStatus;
        this.connectorCatalog = connectorCatalog;
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
        return formatConnectors(connectorCatalog.connectors());
    }

    static String formatConnectors(List<ConnectorInfo> connectors) {
        if (connectors.isEmpty()) {
            return "No connectors installed.";
        }
        StringBuilder out = new StringBuilder(String.format("%-22s %-14s %-16s %-8s %s%n", "TYPES", "EXTENSIONS", "NAME", "VERSION", "BUNDLE"));
        for (ConnectorInfo c : connectors) {
            out.append(String.format("%-22s %-14s %-16s %-8s %s %s (%s)%n", String.join(",", c.types()), String.join(",", c.extensions()),
                    c.displayName(), c.version(), c.bundleSymbolicName(), c.bundleVersion(), c.bundleState()));
        }
        return out.toString().stripTrailing();
    }
}
