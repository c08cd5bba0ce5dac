package io.sinter.core.internal.run;

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
import io.sinter.core.internal.store.Ids;
import jakarta.persistence.EntityManager;
import java.time.Instant;
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
    private final Bridge bridge;
    private final ExecutorService executor;
    private final long runTimeoutMillis;
    private final Map<String, ReentrantLock> startLocks = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    @Activate
    public RunEngine(BundleContext context, @Reference Database database, @Reference ConnectorRegistry registry,
            @Reference StorageService storage, SyncConfig config) {
        this.database = database;
        this.bridge = new Bridge(database, registry, storage, DataFolder.of(context).resolve("work"));
        this.runTimeoutMillis = config.runTimeout() * 1000;
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
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                logger.warn("Runs still executing at shutdown; their tasks start over at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues every run that did not complete, oldest first (api.md section 5.8 #11). */
    private void recover() {
        List<String> unfinished = database.inTransaction(em -> {
            List<RunEntity> runs = em.createQuery("SELECT r FROM RunEntity r WHERE r.state <> 'Completed' ORDER BY r.startAt, r.id", RunEntity.class)
                    .getResultList();
            for (RunEntity run : runs) {
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
        unfinished.forEach(this::submit);
    }

    private void submit(String runId) {
        executor.execute(() -> {
            try {
                execute(runId);
            } catch (RuntimeException e) {
                if (stopping) {
                    logger.debug("Run {} interrupted by shutdown: {}", runId, e.toString());
                } else {
                    logger.error("Run {} failed unexpectedly", runId, e);
                }
            }
        });
    }

    // ------------------------------------------------------------------ start

    @Override
    public Start start(Kind kind, String connectionId, String ownerId) {
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
                return new Start(info(em, create(em, connection, ownerId)), true);
            });
        } finally {
            lock.unlock();
        }
        if (start.created()) {
            submit(start.run().id());
        }
        return start;
    }

    private RunEntity create(EntityManager em, ConnectionEntity connection, String ownerId) {
        RunEntity run = new RunEntity(Ids.uuid(), connection.getId(), connection.getKind(), connection.getIModelId(), ownerId,
                System.currentTimeMillis());
        em.persist(run);
        List<DocumentEntity> documents = em.createQuery("SELECT d FROM DocumentEntity d WHERE d.connectionId = :c ORDER BY d.createdAt, d.id",
                DocumentEntity.class).setParameter("c", connection.getId()).getResultList();
        List<DocumentEntity> order = new ArrayList<>();
        documents.stream().filter(d -> !d.isPendingRemoval() && d.isSpatialRoot()).forEach(order::add);
        documents.stream().filter(d -> !d.isPendingRemoval() && !d.isSpatialRoot()).forEach(order::add);
        documents.stream().filter(DocumentEntity::isPendingRemoval).forEach(order::add);
        Map<String, JobEntity> jobs = new LinkedHashMap<>();
        int position = 0;
        for (DocumentEntity d : order) {
            String type = d.getConnectorType() == null ? "NOTSET" : d.getConnectorType();
            JobEntity job = jobs.computeIfAbsent(type, t -> {
                JobEntity j = new JobEntity(Ids.uuid(), run.getId(), jobs.size(), t);
                em.persist(j);
                return j;
            });
            em.persist(new TaskEntity(Ids.uuid(), run.getId(), job.getId(), position++, d.getId(), d.getKey(),
                    d.isPendingRemoval() ? "unmap" : "bridge", type, d.getLastKnownFileName()));
        }
        em.find(ConnectionEntity.class, connection.getId()).setLastRunId(run.getId());
        run.setState("Queued");
        return run;
    }

    // ------------------------------------------------------------------ execution

    private void execute(String runId) {
        long deadline = System.currentTimeMillis() + runTimeoutMillis;
        List<TaskEntity> tasks = database.inTransaction(em -> {
            RunEntity run = em.find(RunEntity.class, runId);
            if (run == null || "Completed".equals(run.getState())) {
                return null;
            }
            if (!"Finalizing".equals(run.getState())) {
                run.setState("WaitingToExecute");
            }
            return em.createQuery("SELECT t FROM TaskEntity t WHERE t.runId = :r AND t.state <> 'Completed' ORDER BY t.position", TaskEntity.class)
                    .setParameter("r", runId).getResultList();
        });
        if (tasks == null) {
            return;
        }
        String timedOut = null;
        for (TaskEntity task : tasks) {
            if (stopping) {
                database.run(em -> em.find(RunEntity.class, runId).setState("Idle"));
                return;
            }
            if (timedOut != null || System.currentTimeMillis() > deadline) {
                timedOut = "The run reached its time limit of " + runTimeoutMillis / 1000 + " s.";
                complete(runId, task.getId(), new Bridge.Outcome("TimedOut", "TaskWasCancelled", timedOut, null, null, null));
                continue;
            }
            database.run(em -> {
                RunEntity run = em.find(RunEntity.class, runId);
                run.setState("Executing");
                run.setPhase("MasterFile");
                em.find(TaskEntity.class, task.getId()).start(System.currentTimeMillis());
                em.find(JobEntity.class, task.getJobId()).start(System.currentTimeMillis());
            });
            Bridge.Work work = new Bridge.Work(task.getId(), task.getDocumentId(), task.getAction(), task.getConnectorType(), task.getFileName());
            Bridge.Outcome outcome = bridge.run(work, () -> stopping || System.currentTimeMillis() > deadline);
            if ("Cancelled".equals(outcome.result()) && stopping) {
                database.run(em -> {
                    TaskEntity t = em.find(TaskEntity.class, task.getId());
                    em.createQuery("UPDATE TaskEntity t SET t.state = 'NotStarted', t.startAt = 0 WHERE t.id = :id").setParameter("id", t.getId()).executeUpdate();
                    em.find(RunEntity.class, runId).setState("Idle");
                });
                return;
            }
            if ("Cancelled".equals(outcome.result()) && System.currentTimeMillis() > deadline) {
                timedOut = "The run reached its time limit of " + runTimeoutMillis / 1000 + " s.";
                outcome = new Bridge.Outcome("TimedOut", "TaskWasCancelled", timedOut, null, null, null);
            }
            complete(runId, task.getId(), outcome);
        }
        finish(runId, timedOut);
    }

    /** Records a task's outcome together with its changeset in one transaction. */
    private void complete(String runId, String taskId, Bridge.Outcome outcome) {
        try {
            database.run(em -> {
                TaskEntity task = em.find(TaskEntity.class, taskId);
                RunEntity run = em.find(RunEntity.class, runId);
                ChangesetEntity changeset = outcome.writes() == null ? null : outcome.writes().apply(em, task, run.getOwnerId());
                Map<String, Object> details = outcome.taskDetails() == null ? null : new LinkedHashMap<>(outcome.taskDetails());
                if (details != null) {
                    details.put("changeset", changeset == null ? null : Map.of("id", changeset.getId(), "index", changeset.getIndex()));
                }
                task = em.find(TaskEntity.class, taskId);
                task.complete(outcome.result(), outcome.errorKey(), outcome.message(), outcome.details(),
                        details == null ? null : CanonicalJson.write(details), System.currentTimeMillis());
                completeJobIfDone(em, task.getJobId());
            });
        } catch (RuntimeException e) {
            logger.error("Recording task {} failed; it ends in error and writes nothing", taskId, e);
            database.run(em -> {
                TaskEntity task = em.find(TaskEntity.class, taskId);
                task.complete("Error", "BridgingFailed", "The task's changes could not be written.", e.toString(), null, System.currentTimeMillis());
                completeJobIfDone(em, task.getJobId());
            });
        }
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

    private void finish(String runId, String timedOut) {
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
            if (timedOut != null) {
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
        logger.info("Run {} completed", runId);
    }

    // ------------------------------------------------------------------ queries

    @Override
    public RunInfo get(Kind kind, String connectionId, String runId) {
        return database.inTransaction(em -> {
            RunEntity run = runId == null ? null : em.find(RunEntity.class, runId);
            if (run == null || !run.getConnectionId().equals(connectionId) || !run.getConnectionKind().equals(kind.name())) {
                requireConnection(em, kind, connectionId);
                throw ServiceException.notFound("ConnectionRunNotFound", "Run '" + runId + "' does not exist in this connection.");
            }
            return info(em, run);
        });
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
