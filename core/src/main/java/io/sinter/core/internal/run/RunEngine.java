package io.sinter.core.internal.run;

import io.sinter.core.api.BlobSigner;
import io.sinter.core.api.ConsentService;
import io.sinter.core.api.Principal;
import io.sinter.core.api.PrincipalService;
import io.sinter.core.api.ConnectionService.Kind;
import io.sinter.core.api.Page;
import io.sinter.core.api.RunService;
import io.sinter.core.api.ServiceException;
import io.sinter.core.api.StorageService;
import io.sinter.core.internal.DataFolder;
import io.sinter.core.internal.change.CanonicalJson;
import io.sinter.core.internal.connector.ConnectorRegistry;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.store.ConnectionEntity;
import io.sinter.core.internal.store.DocumentEntity;
import io.sinter.core.internal.store.IModelEntity;
import io.sinter.core.internal.store.Ids;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs: creation (one active run per iModel), a bounded pool of workers, tasks one after another,
 * result aggregation (api.md sections 5.6 to 5.9), and recovery after a restart: runs that did not
 * complete are queued again and their unfinished tasks start over (a task commits all or nothing).
 */
@Component(service = RunService.class, configurationPid = SyncConfig.PID)
@Designate(ocd = SyncConfig.class)
public final class RunEngine implements RunService {
    private final Logger logger = LoggerFactory.getLogger(RunEngine.class);
    private final Database database;
    private final PrincipalService principals;
    private final ConsentService consents;
    private final Bridge bridge;
    private final ConnectorRegistry registry;
    private final ExecutorService executor;
    /** Writes the documents' state files after their changes committed. */
    private final StateFiles states;
    private final long runTimeoutMillis;
    private final int maxRetries;
    private final long[] retryDelaysMillis;
    private final List<String> allowedHosts;
    private final AddressGuard guard;
    private final Map<String, ReentrantLock> startLocks = new ConcurrentHashMap<>();
    /** Runs a worker is executing; guarded by itself, together with cancel's decision to finish a run at once. */
    private final Set<String> active = new HashSet<>();
    private final Set<String> cancelRequests = ConcurrentHashMap.newKeySet();
    private final RunEvents events = new RunEvents();
    private volatile boolean stopping;

    @Activate
    public RunEngine(BundleContext context, @Reference Database database, @Reference ConnectorRegistry registry,
            @Reference StorageService storage, @Reference BlobSigner signer, @Reference HttpListeners listeners,
            @Reference PrincipalService principals, @Reference ConsentService consents, SyncConfig config) {
        this.database = database;
        this.principals = principals;
        this.consents = consents;
        this.registry = registry;
        this.allowedHosts = hosts(config.download_allowedHosts());
        this.guard = new AddressGuard(allowPrivate(config.download_allowPrivate()), listeners::listeners, RunEngine::localAddress, InetAddress::getAllByName);
        Download download = new Download(new Download.Limits(config.download_maxBytes(), Duration.ofSeconds(config.download_connectTimeout()),
                Duration.ofSeconds(config.download_timeout()), allowedHosts), guard);
        Path work = DataFolder.of(context).resolve("work");
        clean(work);
        Path state = DataFolder.of(context).resolve("state");
        StoredState.clean(state, new java.util.HashSet<>(database.inTransaction(em -> em.createQuery(
                "SELECT d.id FROM DocumentEntity d WHERE d.stateStamp IS NOT NULL", String.class).getResultList())));
        this.states = new StateFiles(state);
        this.bridge = new Bridge(database, registry, storage, signer, download, work, states);
        this.runTimeoutMillis = config.runTimeout() * 1000;
        this.maxRetries = Math.max(0, config.retries());
        this.retryDelaysMillis = Arrays.stream(config.retryDelays().split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .mapToLong(v -> Math.round(Double.parseDouble(v) * 1000)).toArray();
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(config.workers(), config.workers(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "sinter-run-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        recover();
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        // no interrupt: an interrupted thread closes its Derby connection; workers see 'stopping' and roll back
        executor.shutdown();
        try {
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                logger.warn("Runs still executing at shutdown; their tasks start over at the next start");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        states.close();
    }

    private static List<String> hosts(String[] values) {
        List<String> hosts = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String host : value.split(",")) {
                if (!host.isBlank()) {
                    hosts.add(host.trim());
                }
            }
        }
        return List.copyOf(hosts);
    }

    /** Parses sinter.sync.download.allowPrivate; a malformed entry is logged and left out (so it exempts nothing). */
    private List<AddressGuard.Entry> allowPrivate(String[] values) {
        List<AddressGuard.Entry> entries = new ArrayList<>();
        for (String value : hosts(values)) {
            try {
                entries.add(AddressGuard.entry(value));
            } catch (IllegalArgumentException e) {
                logger.warn("Ignoring sinter.sync.download.allowPrivate entry: {}", e.getMessage());
            }
        }
        return entries;
    }

    /** @return whether {@code address} is one of this machine's interface addresses (no connection is made) */
    private static boolean localAddress(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Removes work files a crash left behind (downloads, spilled connector output). */
    private void clean(Path work) {
        if (!Files.isDirectory(work)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(work)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    logger.warn("Cannot delete the work file {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            logger.warn("Cannot clean the work folder {}: {}", work, e.toString());
        }
    }

    /** Queues every run that did not complete, oldest first (api.md section 5.8 #11). */
    private void recover() {
        List<String> unfinished = database.inTransaction(em -> {
            List<RunEntity> runs = em.createQuery("SELECT r FROM RunEntity r WHERE r.state <> 'Completed' ORDER BY r.startAt, r.id", RunEntity.class)
                    .getResultList();
            for (RunEntity run : runs) {
                if (run.isCancelRequested()) {
                    cancelRequests.add(run.getId());
                }
                if (!"Finalizing".equals(run.getState())) {
                    run.setState("Queued");
                }
                em.createQuery("UPDATE TaskEntity t SET t.state = 'NotStarted', t.startAt = 0 WHERE t.runId = :r AND t.state <> 'Completed'")
                        .setParameter("r", run.getId()).executeUpdate();
            }
            return runs.stream().map(RunEntity::getId).toList();
        });
        if (!unfinished.isEmpty()) {
            logger.info("Resuming {} run(s) that had not completed", unfinished.size());
        }
        unfinished.forEach(this::publish);
        unfinished.forEach(this::submit);
    }

    private void submit(String runId) {
        executor.execute(() -> {
            try {
                execute(runId);
            } catch (RuntimeException | LinkageError e) {
                if (stopping) {
                    logger.debug("Run {} interrupted by shutdown: {}", runId, e.toString());
                } else {
                    logger.error("Run {} failed unexpectedly; its unfinished tasks end in error", runId, e);
                    abandon(runId, e);
                }
            }
        });
    }

    /** Ends a run whose execution broke off unexpectedly, so that it never stays active forever. */
    private void abandon(String runId, Throwable cause) {
        try {
            database.run(em -> {
                for (TaskEntity t : em.createQuery("SELECT t FROM TaskEntity t WHERE t.runId = :r AND t.state <> 'Completed'", TaskEntity.class)
                        .setParameter("r", runId).getResultList()) {
                    t.complete("Error", "BridgingFailed", "The run broke off unexpectedly.", cause.toString(), null, System.currentTimeMillis());
                }
            });
            finish(runId, null, null);
        } catch (RuntimeException e) {
            logger.error("Run {} could not be ended; the next start resumes it", runId, e);
        }
    }

    // ------------------------------------------------------------------ start

    @Override
    public Start start(Kind kind, String connectionId, String ownerId, Manifest manifest) {
        ConnectionEntity connection = database.inTransaction(em -> {
            ConnectionEntity c = connectionId == null ? null : em.find(ConnectionEntity.class, connectionId);
            if (c == null || !c.getKind().equals(kind.name())) {
                throw ServiceException.notFound(kind == Kind.STORAGE ? "StorageConnectionNotFound" : "ManifestConnectionNotFound",
                        "Connection '" + connectionId + "' does not exist.");
            }
            return c;
        });
        ReentrantLock lock = startLocks.computeIfAbsent(connection.getIModelId(), k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw ServiceException.conflict("IModelAlreadyProcessingRequest", "Another run of this iModel is being started.");
        }
        Start start;
        try {
            start = database.inTransaction(em -> {
                RunEntity active = em.createQuery("SELECT r FROM RunEntity r WHERE r.iModelId = :m AND r.state <> 'Completed' ORDER BY r.startAt",
                        RunEntity.class).setParameter("m", connection.getIModelId()).setMaxResults(1).getResultStream().findFirst().orElse(null);
                if (active != null) {
                    return new Start(info(em, active), false);
                }
                List<ManifestCheck.Checked> items = kind == Kind.MANIFEST ? checkManifest(em, connection, manifest) : null;
                return new Start(info(em, create(em, connection, ownerId, items, manifest)), true);
            });
        } finally {
            lock.unlock();
        }
        if (start.created()) {
            publish(start.run().id());
            submit(start.run().id());
        }
        return start;
    }

    private List<ManifestCheck.Checked> checkManifest(EntityManager em, ConnectionEntity connection, Manifest manifest) {
        Map<String, DocumentEntity> documents = new HashMap<>();
        for (DocumentEntity d : documents(em, connection.getId())) {
            if (!d.isPendingRemoval()) {
                documents.put(d.getKey(), d);
            }
        }
        Set<String> roots = new HashSet<>(em.createQuery("SELECT d.id FROM DocumentEntity d WHERE d.iModelId = :m AND d.spatialRoot = TRUE "
                + "AND d.connectionId IS NOT NULL AND d.pendingRemoval = FALSE", String.class).setParameter("m", connection.getIModelId()).getResultList());
        return new ManifestCheck(registry::canonicalType, allowedHosts, guard).check(manifest, documents, roots);
    }

    private static List<DocumentEntity> documents(EntityManager em, String connectionId) {
        return em.createQuery("SELECT d FROM DocumentEntity d WHERE d.connectionId = :c ORDER BY d.createdAt, d.id", DocumentEntity.class)
                .setParameter("c", connectionId).getResultList();
    }

    /** A task to create: its document, action, type, file name and, for manifest bridge tasks, the stored item. */
    private record Planned(DocumentEntity document, String action, String connectorType, String fileName, String manifestItem) {
    }

    private RunEntity create(EntityManager em, ConnectionEntity connection, String ownerId, List<ManifestCheck.Checked> items, Manifest manifest) {
        RunEntity run = new RunEntity(Ids.uuid(), connection.getId(), connection.getKind(), connection.getIModelId(), ownerId,
                System.currentTimeMillis());
        em.persist(run);
        List<DocumentEntity> documents = documents(em, connection.getId());
        List<Planned> order = new ArrayList<>();
        if (items == null) {
            documents.stream().filter(d -> !d.isPendingRemoval() && d.isSpatialRoot()).forEach(d -> order.add(bridgeOf(d)));
            documents.stream().filter(d -> !d.isPendingRemoval() && !d.isSpatialRoot()).forEach(d -> order.add(bridgeOf(d)));
        } else {
            run.setDocumentAttributeSchemaUrl(manifest.documentAttributeSchemaUrl());
            List<Planned> bridges = new ArrayList<>();
            List<Planned> unmaps = new ArrayList<>();
            for (ManifestCheck.Checked c : items) {
                DocumentEntity d = c.document();
                d.setLastKnownFileName(c.item().name());
                if (c.connectorType() != null) {
                    d.setConnectorType(c.connectorType());
                }
                if (c.item().isSpatialRoot() != null) {
                    d.setSpatialRoot(c.item().isSpatialRoot());
                }
                String type = c.connectorType() == null ? "NotSet" : c.connectorType();
                if (c.unmap()) {
                    unmaps.add(new Planned(d, "unmap", type, c.item().name(), null));
                } else {
                    Planned p = new Planned(d, "bridge", type, c.item().name(), ManifestItems.write(c.item()));
                    if (d.isSpatialRoot()) {
                        bridges.add(0, p);
                    } else {
                        bridges.add(p);
                    }
                }
            }
            order.addAll(bridges);
            order.addAll(unmaps);
        }
        documents.stream().filter(DocumentEntity::isPendingRemoval).forEach(d -> order.add(new Planned(d, "unmap",
                d.getConnectorType() == null ? "NotSet" : d.getConnectorType(), d.getLastKnownFileName(), null)));
        Map<String, JobEntity> jobs = new LinkedHashMap<>();
        int position = 0;
        for (Planned p : order) {
            JobEntity job = jobs.computeIfAbsent(p.connectorType(), t -> {
                JobEntity j = new JobEntity(Ids.uuid(), run.getId(), jobs.size(), t);
                em.persist(j);
                return j;
            });
            TaskEntity task = new TaskEntity(Ids.uuid(), run.getId(), job.getId(), position++, p.document().getId(), p.document().getKey(),
                    p.action(), p.connectorType(), p.fileName());
            task.setManifestItem(p.manifestItem());
            em.persist(task);
        }
        em.find(ConnectionEntity.class, connection.getId()).setLastRunId(run.getId());
        run.setState("Queued");
        return run;
    }

    private static Planned bridgeOf(DocumentEntity d) {
        return new Planned(d, "bridge", d.getConnectorType() == null ? "NotSet" : d.getConnectorType(), d.getLastKnownFileName(), null);
    }

    // ------------------------------------------------------------------ execution

    private void execute(String runId) {
        synchronized (active) {
            boolean open = database.inTransaction(em -> {
                RunEntity run = em.find(RunEntity.class, runId);
                return run != null && !"Completed".equals(run.getState());
            });
            if (!open) {
                return;
            }
            active.add(runId);
        }
        try {
            executeActive(runId);
        } finally {
            synchronized (active) {
                active.remove(runId);
            }
        }
    }

    private void executeActive(String runId) {
        long deadline = System.currentTimeMillis() + runTimeoutMillis;
        List<TaskEntity> tasks = database.inTransaction(em -> {
            RunEntity run = em.find(RunEntity.class, runId);
            if (!"Finalizing".equals(run.getState())) {
                run.setState("WaitingToExecute");
            }
            return em.createQuery("SELECT t FROM TaskEntity t WHERE t.runId = :r AND t.state <> 'Completed' ORDER BY t.position", TaskEntity.class)
                    .setParameter("r", runId).getResultList();
        });
        publish(runId);
        String refused = preflight(runId);
        if (refused != null) {
            for (TaskEntity task : tasks) {
                complete(runId, task.getId(), new Bridge.Outcome("Error", "UserNotAuthenticated", refused, null, null, null));
            }
            finish(runId, null, refused);
            return;
        }
        String timedOut = null;
        BooleanSupplier cancelled = () -> stopping || cancelRequests.contains(runId) || System.currentTimeMillis() > deadline;
        for (TaskEntity task : tasks) {
            if (stopping) {
                idle(runId, null);
                return;
            }
            if (cancelRequests.contains(runId)) {
                complete(runId, task.getId(), new Bridge.Outcome("Cancelled", "TaskWasCancelled", "The run was cancelled before this task started.",
                        null, null, null));
                continue;
            }
            if (timedOut != null || System.currentTimeMillis() > deadline) {
                timedOut = timeLimit();
                complete(runId, task.getId(), new Bridge.Outcome("TimedOut", "TaskWasCancelled", timedOut, null, null, null));
                continue;
            }
            startTask(runId, task.getId(), task.getJobId());
            Bridge.Work work = new Bridge.Work(task.getId(), task.getDocumentId(), task.getAction(), task.getConnectorType(), task.getFileName(),
                    task.getManifestItem());
            Bridge.Outcome outcome = bridge.run(work, cancelled);
            int attempts = task.getRetryAttempts();
            while (outcome.retryable() && attempts < maxRetries && !cancelled.getAsBoolean()) {
                long delay = retryDelaysMillis.length == 0 ? 0 : retryDelaysMillis[Math.min(attempts, retryDelaysMillis.length - 1)];
                attempts++;
                logger.info("Task {} of run {} failed with {} ({}); retry {} of {} in {} ms", task.getId(), runId, outcome.errorKey(),
                        outcome.details(), attempts, maxRetries, delay);
                database.run(em -> {
                    em.find(TaskEntity.class, task.getId()).retry();
                    em.find(RunEntity.class, runId).setState("WaitingToRetry");
                });
                publish(runId);
                if (!sleep(delay, cancelled)) {
                    break;
                }
                startTask(runId, task.getId(), task.getJobId());
                outcome = bridge.run(work, cancelled);
            }
            if (stopping && ("Cancelled".equals(outcome.result()) || outcome.retryable())) {
                idle(runId, task.getId());
                return;
            }
            if (System.currentTimeMillis() > deadline && ("Cancelled".equals(outcome.result()) || outcome.retryable())) {
                timedOut = timeLimit();
                outcome = new Bridge.Outcome("TimedOut", "TaskWasCancelled", timedOut, null, null, null);
            } else if (cancelRequests.contains(runId) && outcome.retryable()) {
                outcome = new Bridge.Outcome("Cancelled", "TaskWasCancelled", "The run was cancelled while the task waited to retry.", null, null, null);
            }
            complete(runId, task.getId(), outcome);
        }
        finish(runId, timedOut, null);
    }

    /**
     * The pre-flight of api.md section 5.11: a run of a User connection whose owner is a user needs that
     * user's valid long-running-job consent. Owners that are service clients (or no longer exist) need none.
     *
     * @return why the run may not execute, or null
     */
    private String preflight(String runId) {
        String[] ownerAndType = database.inTransaction(em -> {
            RunEntity run = em.find(RunEntity.class, runId);
            ConnectionEntity connection = em.find(ConnectionEntity.class, run.getConnectionId());
            return new String[] {run.getOwnerId(), connection == null ? "Service" : connection.getAuthenticationType()};
        });
        if (!"User".equalsIgnoreCase(ownerAndType[1]) || ownerAndType[0] == null) {
            return null;
        }
        Principal owner;
        try {
            owner = principals.get(ownerAndType[0]);
        } catch (ServiceException gone) {
            return null;
        }
        if (owner.type() != Principal.Type.USER || consents.valid(owner.id(), java.time.Instant.now()).isPresent()) {
            return null;
        }
        return "User '" + owner.username() + "' has not consented to runs on their behalf (or the consent expired): "
                + "open the authorizationUrl of GET /synchronization/imodels/connections/authorizationinformation.";
    }

    private String timeLimit() {
        return "The run reached its time limit of " + runTimeoutMillis / 1000 + " s.";
    }

    private void startTask(String runId, String taskId, String jobId) {
        database.run(em -> {
            RunEntity run = em.find(RunEntity.class, runId);
            run.setState("Executing");
            run.setPhase("MasterFile");
            em.find(TaskEntity.class, taskId).start(System.currentTimeMillis());
            em.find(JobEntity.class, jobId).start(System.currentTimeMillis());
        });
        publish(runId);
    }

    /** An orderly shutdown interrupted the run: the running task starts over after the next start (api.md section 5.8 #10). */
    private void idle(String runId, String taskId) {
        database.run(em -> {
            if (taskId != null) {
                em.find(TaskEntity.class, taskId).reset();
            }
            em.find(RunEntity.class, runId).setState("Idle");
        });
    }

    /** @return false when the wait was cut short by a cancel, a shutdown or the time limit */
    private static boolean sleep(long millis, BooleanSupplier cancelled) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !cancelled.getAsBoolean();
    }

    /** Records a task's outcome together with its changeset in one transaction. */
    private void complete(String runId, String taskId, Bridge.Outcome outcome) {
        try {
            long started = System.nanoTime();
            java.util.function.Consumer<EntityManager> record = em -> {
                TaskEntity task = em.find(TaskEntity.class, taskId);
                RunEntity run = em.find(RunEntity.class, runId);
                ChangesetEntity changeset = outcome.writes() == null ? null : outcome.writes().apply(em, task, run.getOwnerId());
                Map<String, Object> details = outcome.taskDetails() == null ? null : new LinkedHashMap<>(outcome.taskDetails());
                if (details != null) {
                    details.put("changeset", changeset == null ? null : Map.of("id", changeset.getId(), "index", changeset.getIndex()));
                }
                if (outcome.report() != null) {
                    String reportId = Ids.uuid();
                    long now = System.currentTimeMillis();
                    Map<String, Object> context = new LinkedHashMap<>();
                    context.put("reportType", "detailReport");
                    context.put("operationType", outcome.report().get("operationType"));
                    context.put("jobid", runId);
                    IModelEntity model = em.find(IModelEntity.class, run.getIModelId());
                    context.put("contextid", model == null ? null : model.getITwinId());
                    context.put("imodelid", run.getIModelId());
                    context.put("activityid", taskId);
                    context.put("timestamp", Instant.ofEpochMilli(now).toString());
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("context", context);
                    outcome.report().forEach((k, v) -> {
                        if (!"operationType".equals(k)) {
                            report.put(k, v);
                        }
                    });
                    em.persist(new ReportEntity(reportId, run.getIModelId(), runId, taskId, now, CanonicalJson.write(report)));
                    if (details == null) {
                        details = new LinkedHashMap<>();
                    }
                    details.put("reportId", reportId);
                }
                task = em.find(TaskEntity.class, taskId);
                task.complete(outcome.result(), outcome.errorKey(), outcome.message(), outcome.details(),
                        details == null ? null : CanonicalJson.write(details), System.currentTimeMillis());
                completeJobIfDone(em, task.getJobId());
            };
            if (outcome.writes() == null) {
                database.run(record);
            } else {
                // streamed inserts are committed with this record, in their transaction
                outcome.writes().record(database, record);
                logger.info("Task {}: outcome and changes written in {} ms", taskId, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            logger.error("Recording task {} failed; it ends in error and writes nothing", taskId, e);
            database.run(em -> {
                TaskEntity task = em.find(TaskEntity.class, taskId);
                task.complete("Error", "BridgingFailed", "The task's changes could not be written.", e.toString(), null, System.currentTimeMillis());
                completeJobIfDone(em, task.getJobId());
            });
        }
        publish(runId);
    }

    private static void completeJobIfDone(EntityManager em, String jobId) {
        List<String> results = em.createQuery("SELECT t.result FROM TaskEntity t WHERE t.jobId = :j AND t.state = 'Completed'", String.class)
                .setParameter("j", jobId).getResultList();
        long total = em.createQuery("SELECT COUNT(t) FROM TaskEntity t WHERE t.jobId = :j", Long.class).setParameter("j", jobId).getSingleResult();
        if (results.size() == total) {
            em.find(JobEntity.class, jobId).complete(aggregate(results), System.currentTimeMillis());
        }
    }

    /** Rules 4 to 7 of api.md section 5.9 over task results. */
    static String aggregate(List<String> results) {
        if (results.stream().anyMatch("Cancelled"::equals)) {
            return "Cancelled";
        }
        if (results.stream().anyMatch("TimedOut"::equals)) {
            return "TimedOut";
        }
        if (results.isEmpty() || results.stream().allMatch("Skipped"::equals)) {
            return "Skipped";
        }
        boolean error = results.stream().anyMatch("Error"::equals);
        if (!error) {
            return "Success";
        }
        return results.stream().allMatch("Error"::equals) ? "Error" : "PartialSuccess";
    }

    private void finish(String runId, String timedOut, String preflightFailure) {
        database.run(em -> {
            RunEntity run = em.find(RunEntity.class, runId);
            run.setState("Finalizing");
            List<String> results = em.createQuery("SELECT t.result FROM TaskEntity t WHERE t.runId = :r ORDER BY t.position", String.class)
                    .setParameter("r", runId).getResultList();
            for (JobEntity job : em.createQuery("SELECT j FROM JobEntity j WHERE j.runId = :r", JobEntity.class).setParameter("r", runId).getResultList()) {
                if (!"Completed".equals(job.getState())) {
                    completeJobIfDone(em, job.getId());
                }
            }
            String result = aggregate(results);
            String errorKey = null;
            String description = null;
            long failed = results.stream().filter("Error"::equals).count();
            if (preflightFailure != null) {
                result = "Error";
                errorKey = "UserNotAuthenticated";
                description = preflightFailure;
            } else if (run.isCancelRequested() || cancelRequests.contains(runId)) {
                result = "Cancelled";
                errorKey = "TaskWasCancelled";
                description = "The run was cancelled; " + results.stream().filter("Cancelled"::equals).count() + " of " + results.size()
                        + " tasks did not complete.";
            } else if (timedOut != null) {
                result = "TimedOut";
                errorKey = "TaskWasCancelled";
                description = timedOut;
            } else if ("PartialSuccess".equals(result)) {
                errorKey = "SomeJobsFailed";
                description = failed + " of " + results.size() + " tasks failed.";
            } else if ("Error".equals(result)) {
                errorKey = "AllJobsFailed";
                description = "All " + results.size() + " tasks failed.";
            }
            run.complete(result, errorKey, description, System.currentTimeMillis());
        });
        cancelRequests.remove(runId);
        publish(runId);
        logger.info("Run {} completed", runId);
    }

    // ------------------------------------------------------------------ cancel and events

    @Override
    public RunInfo cancel(Kind kind, String connectionId, String runId) {
        boolean finishNow;
        synchronized (active) {
            finishNow = database.inTransaction(em -> {
                RunEntity run = find(em, kind, connectionId, runId);
                if ("Completed".equals(run.getState())) {
                    throw ServiceException.conflict("RunAlreadyCompleted", "Run '" + runId + "' has already completed.");
                }
                run.setCancelRequested(true);
                cancelRequests.add(runId);
                if (active.contains(runId) || "Finalizing".equals(run.getState())) {
                    return false;
                }
                List<TaskEntity> open = em.createQuery("SELECT t FROM TaskEntity t WHERE t.runId = :r AND t.state <> 'Completed'", TaskEntity.class)
                        .setParameter("r", runId).getResultList();
                for (TaskEntity t : open) {
                    t.complete("Cancelled", "TaskWasCancelled", "The run was cancelled before this task started.", null, null, System.currentTimeMillis());
                }
                return true;
            });
            if (finishNow) {
                finish(runId, null, null);
            }
        }
        if (!finishNow) {
            publish(runId);
        }
        logger.info("Run {} cancel requested", runId);
        return get(kind, connectionId, runId);
    }

    @Override
    public AutoCloseable follow(Kind kind, String connectionId, String runId, Long lastEventId, Consumer<RunEvent> listener) {
        return events.follow(get(kind, connectionId, runId), lastEventId, listener);
    }

    /** Hands the committed state of a run to its event stream. */
    private void publish(String runId) {
        try {
            database.run(em -> {
                RunEntity run = em.find(RunEntity.class, runId);
                if (run != null) {
                    events.changed(info(em, run), taskId -> em.createQuery("SELECT c FROM ChangesetEntity c WHERE c.taskId = :t", ChangesetEntity.class)
                            .setParameter("t", taskId).getResultStream().findFirst()
                            .map(c -> new ChangesetRef(c.getId(), c.getIndex(), c.getTaskId(), c.getDescription())).orElse(null));
                }
            });
        } catch (RuntimeException e) {
            logger.warn("Events of run {} not published: {}", runId, e.toString());
        }
    }

    // ------------------------------------------------------------------ queries

    @Override
    public RunInfo get(Kind kind, String connectionId, String runId) {
        return database.inTransaction(em -> info(em, find(em, kind, connectionId, runId)));
    }

    private static RunEntity find(EntityManager em, Kind kind, String connectionId, String runId) {
        RunEntity run = runId == null ? null : em.find(RunEntity.class, runId);
        if (run == null || !run.getConnectionId().equals(connectionId) || !run.getConnectionKind().equals(kind.name())) {
            requireConnection(em, kind, connectionId);
            throw ServiceException.notFound("ConnectionRunNotFound", "Run '" + runId + "' does not exist in this connection.");
        }
        return run;
    }

    private static void requireConnection(EntityManager em, Kind kind, String connectionId) {
        ConnectionEntity c = connectionId == null ? null : em.find(ConnectionEntity.class, connectionId);
        if (c == null || !c.getKind().equals(kind.name())) {
            throw ServiceException.notFound(kind == Kind.STORAGE ? "StorageConnectionNotFound" : "ManifestConnectionNotFound",
                    "Connection '" + connectionId + "' does not exist.");
        }
    }

    @Override
    public Page<RunInfo> list(Kind kind, String connectionId, int skip, int top) {
        return database.inTransaction(em -> {
            requireConnection(em, kind, connectionId);
            return Page.of(em.createQuery("SELECT r FROM RunEntity r WHERE r.connectionId = :c ORDER BY r.startAt, r.id", RunEntity.class)
                    .setParameter("c", connectionId).setFirstResult(skip).setMaxResults(top + 1).getResultStream()
                    .map(r -> info(em, r)).toList(), skip, top);
        });
    }

    private static TaskError error(TaskEntity t) {
        if (t.getErrorKey() == null) {
            return null;
        }
        ErrorCatalogue.Entry e = ErrorCatalogue.get(t.getErrorKey());
        return new TaskError(e.errorCode(), t.getErrorMessage() == null ? e.description() : t.getErrorMessage(), t.getErrorDetails(),
                e.system(), e.phase(), e.category(), t.getErrorKey(), e.description(), e.canUserFix());
    }

    private static Instant time(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    static RunInfo info(EntityManager em, RunEntity run) {
        List<TaskEntity> tasks = em.createQuery("SELECT t FROM TaskEntity t WHERE t.runId = :r ORDER BY t.position", TaskEntity.class)
                .setParameter("r", run.getId()).getResultList();
        List<JobEntity> jobs = em.createQuery("SELECT j FROM JobEntity j WHERE j.runId = :r ORDER BY j.position", JobEntity.class)
                .setParameter("r", run.getId()).getResultList();
        List<JobInfo> jobInfos = new ArrayList<>();
        for (JobEntity j : jobs) {
            List<TaskInfo> taskInfos = tasks.stream().filter(t -> t.getJobId().equals(j.getId())).map(t -> new TaskInfo(t.getId(),
                    t.getSourceKey(), t.getDocumentId(), t.getAction(), t.getFileName(), time(t.getStartAt()), time(t.getEndAt()),
                    t.getRetryAttempts(), t.getState(), t.getResult(), error(t), t.getDetails())).toList();
            jobInfos.add(new JobInfo(j.getId(), j.getConnectorType(), time(j.getStartAt()), time(j.getEndAt()), j.getState(), j.getResult(), taskInfos));
        }
        return new RunInfo(run.getId(), run.getConnectionId(), Kind.valueOf(run.getConnectionKind()), run.getIModelId(), run.getOwnerId(),
                time(run.getStartAt()), time(run.getEndAt()), run.getPhase(), run.getState(), run.getResult(), run.getErrorKey(),
                run.getErrorDescription(), jobInfos);
    }
}
