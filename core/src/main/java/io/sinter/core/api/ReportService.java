package io.sinter.core.api;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/** Diagnostic reports of tasks (api.md section 7.4). */
@ProviderType
public interface ReportService {

    /**
     * A task's report.
     *
     * @param reportJson the report object as JSON, in the field names of api.md section 7.4
     */
    record ReportInfo(String id, String iModelId, String runId, String taskId, Instant createdTimeStamp, String reportJson) {
    }

    /**
     * Lists reports, oldest first. At least one of {@code iModelId} and {@code runId} is given.
     *
     * @param taskId narrows to one task, or null
     * @throws ServiceException {@code iModelNotFound} for an unknown iModel
     */
    Page<ReportInfo> list(String iModelId, String runId, String taskId, int skip, int top);
}
