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
     * Starts a run of a storage connection: one bridge task per mapped source file, one unmap task per
     * pending removal.
     *
     * @throws ServiceException 409 {@code IModelAlreadyProcessingRequest} when another start of the
     *         same iModel is in flight
     */
    Start start(Kind kind, String connectionId, String ownerId);

    /** @throws ServiceException {@code ConnectionRunNotFound} */
    RunInfo get(Kind kind, String connectionId, String runId);

    /** @return the connection's runs, oldest first */
    Page<RunInfo> list(Kind kind, String connectionId, int skip, int top);
}
