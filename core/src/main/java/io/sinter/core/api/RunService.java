package io.sinter.core.api;

import io.sinter.core.api.ConnectionService.Kind;
import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Runs of connections (api.md sections 5.6 to 5.9). */
@ProviderType
public interface RunService {

    /**
     * A run with its jobs and tasks.
     *
     * @param endDateTime null until completed
     * @param errorKey null unless completed without full success
     */
    record RunInfo(String id, String connectionId, Kind connectionKind, String iModelId, String ownerId, Instant startDateTime,
            Instant endDateTime, String phase, String state, String result, String errorKey, String errorDescription, List<JobInfo> jobs) {
    }

    /** A job: the tasks of one connector type. */
    record JobInfo(String id, String connectorType, Instant startDateTime, Instant endDateTime, String state, String result,
            List<TaskInfo> tasks) {
    }

    /**
     * A task.
     *
     * @param sourceKey storage file id or the client's document id
     * @param detailsJson the task's {@code details} object as JSON, or null
     */
    record TaskInfo(String id, String sourceKey, String sourceFileRecordId, String action, String fileName, Instant startDateTime,
            Instant endDateTime, int retryAttempts, String state, String result, TaskError error, String detailsJson) {
    }

    /** A task's error (api.md section 5.10); {@code descriptionKey} is the error key. */
    record TaskError(String errorCode, String message, String details, String system, String phase, String category,
            String descriptionKey, String description, boolean canUserFix) {
    }

    /**
     * The outcome of a run start.
     *
     * @param run the new run, or the still active run of the iModel
     * @param created false when another run of the iModel was active (303 to it)
     */
    record Start(RunInfo run, boolean created) {
    }

    /**
     * A manifest run request (api.md section 5.5).
     *
     * @param sourceFiles the manifest items, in body order
     * @param documentAttributeSchemaUrl stored with the run, never fetched; nullable
     */
    record Manifest(List<ManifestItem> sourceFiles, String documentAttributeSchemaUrl) {
        /** Copies the list. */
        public Manifest {
            sourceFiles = List.copyOf(sourceFiles);
        }
    }

    /**
     * One manifest item. Values are as the client sent them; the service checks them.
     *
     * @param action {@code bridge} or {@code unmap}; null means bridge
     * @param connectorType the type, or null when absent
     * @param documentAttributeJson the {@code documentAttribute} object as JSON, or null
     * @param isSpatialRoot null when absent
     */
    record ManifestItem(String id, String name, String action, String url, String connectorType, String relativePath,
            String documentAttributeJson, Boolean isSpatialRoot, List<ManifestChild> children) {
        /** Copies the list. */
        public ManifestItem {
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    /** A reference file of a manifest item, downloaded next to its master. */
    record ManifestChild(String id, String parentId, String name, String url, String connectorType, String relativePath,
            String documentAttributeJson) {
    }

    /**
     * Starts a run of a storage connection: one bridge task per mapped source file, one unmap task per
     * pending removal.
     *
     * @throws ServiceException 409 {@code IModelAlreadyProcessingRequest} when another start of the
     *         same iModel is in flight
     */
    default Start start(Kind kind, String connectionId, String ownerId) {
        return start(kind, connectionId, ownerId, null);
    }

    /**
     * Starts a run: for storage connections as {@link #start(Kind, String, String)}; for manifest
     * connections one task per manifest item plus one unmap task per pending removal.
     *
     * @param manifest required for manifest connections, ignored for storage connections
     * @throws ServiceException 422 {@code InvalidManifestConnectionRequest} for a bad manifest, 409 as above
     */
    Start start(Kind kind, String connectionId, String ownerId, Manifest manifest);

    /**
     * Cancels a run (api.md section 7.2): finished tasks keep their results, the running task is rolled
     * back, the others end {@code Cancelled}.
     *
     * @return the run, possibly not yet completed
     * @throws ServiceException 409 {@code RunAlreadyCompleted}, 404 {@code ConnectionRunNotFound}
     */
    RunInfo cancel(Kind kind, String connectionId, String runId);

    /**
     * A run event (api.md section 7.3), rendered by the REST layer.
     *
     * @param id increasing within the run
     * @param name {@code snapshot}, {@code run}, {@code job}, {@code task}, {@code changeset} or {@code end}
     * @param run the run (full for {@code snapshot}; its id, state, result and phase matter for {@code run} and {@code end})
     * @param job the job of a {@code job} event, or the job of the task of a {@code task} event
     * @param task the task of a {@code task} event
     * @param changeset the changeset of a {@code changeset} event
     */
    record RunEvent(long id, String name, RunInfo run, JobInfo job, TaskInfo task, ChangesetRef changeset) {
    }

    /** A changeset written by a task. */
    record ChangesetRef(String id, int index, String taskId, String description) {
    }

    /**
     * Follows a run's events: first the events after {@code lastEventId} when they are still buffered,
     * otherwise a {@code snapshot}; then every new event until {@code end}.
     *
     * @param lastEventId the client's Last-Event-ID, or null
     * @param listener called on a server thread for each event, in order
     * @return closes the subscription
     * @throws ServiceException {@code ConnectionRunNotFound}
     */
    AutoCloseable follow(Kind kind, String connectionId, String runId, Long lastEventId, java.util.function.Consumer<RunEvent> listener);

    /** @throws ServiceException {@code ConnectionRunNotFound} */
    RunInfo get(Kind kind, String connectionId, String runId);

    /** @return the connection's runs, oldest first */
    Page<RunInfo> list(Kind kind, String connectionId, int skip, int top);
}
