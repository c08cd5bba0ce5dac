package io.sinter.core.internal.shell;

import io.sinter.core.api.BootInfo;
import io.sinter.core.api.ChangesetService;
import io.sinter.core.api.ConnectionService;
import io.sinter.core.api.ConnectionService.ConnectionInfo;
import io.sinter.core.api.ConnectionService.Kind;
import io.sinter.core.api.IModelInfo;
import io.sinter.core.api.IModelService;
import io.sinter.core.api.ITwinInfo;
import io.sinter.core.api.ITwinService;
import io.sinter.core.api.RunService;
import io.sinter.core.api.RunService.RunInfo;
import io.sinter.core.api.ServiceException;
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
        "osgi.command.function=connectors",
        "osgi.command.function=imodels",
        "osgi.command.function=connections",
        "osgi.command.function=runs",
        "osgi.command.function=run",
        "osgi.command.function=cancel",
        "osgi.command.function=changesets"})
public final class SinterCommands {
    private static final int ALL = 1000;
    private final SystemStatus systemStatus;
    private final ConnectorCatalog connectorCatalog;
    private final ITwinService iTwins;
    private final IModelService iModels;
    private final ConnectionService connections;
    private final RunService runs;
    private final ChangesetService changesets;

    @Activate
    public SinterCommands(@Reference SystemStatus systemStatus, @Reference ConnectorCatalog connectorCatalog, @Reference ITwinService iTwins,
            @Reference IModelService iModels, @Reference ConnectionService connections, @Reference RunService runs,
            @Reference ChangesetService changesets) {
        this.systemStatus = systemStatus;
        this.connectorCatalog = connectorCatalog;
        this.iTwins = iTwins;
        this.iModels = iModels;
        this.connections = connections;
        this.runs = runs;
        this.changesets = changesets;
    }

    /** {@code sinter:imodels}: every iModel with its iTwin. */
    public String imodels() {
        StringBuilder out = new StringBuilder(String.format("%-36s %-36s %-10s %s%n", "IMODEL", "ITWIN", "CHANGESETS", "NAME"));
        int count = 0;
        for (ITwinInfo tw : iTwins.list(0, ALL).items()) {
            for (IModelInfo m : iModels.list(tw.id(), null, null, false, 0, ALL).items()) {
                int latest = changesets.list(m.id(), true, null, null, 0, 1).items().stream().mapToInt(ChangesetService.ChangesetInfo::index)
                        .findFirst().orElse(0);
                out.append(String.format("%-36s %-36s %-10d %s%n", m.id(), tw.id(), latest, m.name()));
                count++;
            }
        }
        return count == 0 ? "No iModels." : out.toString().stripTrailing();
    }

    /** {@code sinter:connections [iModelId]}: connections of one iModel, or of all. */
    public String connections(String... iModelId) {
        List<ConnectionInfo> list = connections.list(null, iModelId.length == 0 ? null : iModelId[0], 0, ALL).items();
        if (list.isEmpty()) {
            return "No connections.";
        }
        StringBuilder out = new StringBuilder(String.format("%-43s %-8s %-36s %s%n", "CONNECTION", "KIND", "IMODEL", "NAME"));
        for (ConnectionInfo c : list) {
            out.append(String.format("%-43s %-8s %-36s %s%n", c.id(), c.kind().name().toLowerCase(java.util.Locale.ROOT), c.iModelId(), c.displayName()));
        }
        return out.toString().stripTrailing();
    }

    private ConnectionInfo connection(String connectionId) {
        for (Kind kind : Kind.values()) {
            try {
                return connections.get(kind, connectionId);
            } catch (ServiceException e) {
                // try the other kind
            }
        }
        throw new IllegalArgumentException("No connection " + connectionId + ".");
    }

    /** {@code sinter:runs <connectionId>}: the connection's runs, oldest first. */
    public String runs(String connectionId) {
        ConnectionInfo c = connection(connectionId);
        List<RunInfo> list = runs.list(c.kind(), c.id(), 0, ALL).items();
        if (list.isEmpty()) {
            return "No runs.";
        }
        StringBuilder out = new StringBuilder(String.format("%-36s %-24s %-14s %-16s %s%n", "RUN", "STARTED", "STATE", "RESULT", "TASKS"));
        for (RunInfo r : list) {
            long tasks = r.jobs().stream().mapToLong(j -> j.tasks().size()).sum();
            out.append(String.format("%-36s %-24s %-14s %-16s %d%n", r.id(), r.startDateTime(), r.state(), r.result(), tasks));
        }
        return out.toString().stripTrailing();
    }

    /** {@code sinter:run <connectionId>}: starts a run of a storage connection (manifest runs need a manifest: use the REST API). */
    public String run(String connectionId) {
        ConnectionInfo c = connection(connectionId);
        if (c.kind() == Kind.MANIFEST) {
            return "Manifest connections run with a manifest: POST /synchronization/imodels/manifestconnections/" + c.id() + "/runs.";
        }
        RunService.Start start = runs.start(c.kind(), c.id(), null);
        return (start.created() ? "Started run " : "A run of this iModel is still active: ") + start.run().id() + " (" + start.run().state() + ")";
    }

    /** {@code sinter:cancel <runId>}: cancels a run that has not completed. */
    public String cancel(String runId) {
        for (ConnectionInfo c : connections.list(null, null, 0, ALL).items()) {
            for (RunInfo r : runs.list(c.kind(), c.id(), 0, ALL).items()) {
                if (r.id().equals(runId)) {
                    RunInfo cancelled = runs.cancel(c.kind(), c.id(), runId);
                    return "Cancel requested for run " + runId + " (" + cancelled.state() + ", " + cancelled.result() + ")";
                }
            }
        }
        throw new IllegalArgumentException("No run " + runId + ".");
    }

    /** {@code sinter:changesets <iModelId>}: the iModel's changesets, oldest first. */
    public String changesets(String iModelId) {
        List<ChangesetService.ChangesetInfo> list = changesets.list(iModelId, false, null, null, 0, ALL).items();
        if (list.isEmpty()) {
            return "No changesets.";
        }
        StringBuilder out = new StringBuilder(String.format("%-5s %-40s %-24s %s%n", "INDEX", "ID", "PUSHED", "DESCRIPTION"));
        for (ChangesetService.ChangesetInfo cs : list) {
            out.append(String.format("%-5d %-40s %-24s %s%n", cs.index(), cs.id(), cs.pushDateTime(), cs.description()));
        }
        return out.toString().stripTrailing();
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
