package io.sinter.core.internal.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** The task error catalogue of api.md section 5.10. */
final class ErrorCatalogue {
    /** One row of the catalogue. */
    record Entry(String key, String errorCode, String system, String phase, String category, boolean canUserFix, String description) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("UserNotAuthenticated", "SNT_ORC_0401", "cloud_orchestrator", "initialization", "ims_token_access", true,
                "The run's owner has not granted consent for runs on their behalf.");
        add("IModelNotFound", "SNT_ORC_0404", "cloud_orchestrator", "initialization", "imodel_access", false, "The iModel does not exist.");
        add("SourceFileNotFound", "SNT_DLD_0404", "cloud_orchestrator", "file_download", "file_access", true,
                "The source file could not be found.");
        add("SourceFileNotAccessible", "SNT_DLD_0403", "cloud_orchestrator", "file_download", "file_access", true,
                "The source file could not be read.");
        add("ZeroByte", "SNT_DLD_0000", "cloud_orchestrator", "file_download", "file_access", true, "The source file is empty.");
        add("ConnectorNotInstalled", "SNT_ORC_1001", "cloud_orchestrator", "connector_initialization", "configuration", true,
                "No installed connector handles this connector type.");
        add("SourceFileCorrupted", "SNT_CON_2001", "connector", "file_format", "file_access", true,
                "The connector cannot read the source file.");
        add("OutOfMemory", "SNT_CON_2002", "connector", "spatial_elements", "other", false, "The server ran out of memory.");
        add("GeoLocationFailed", "SNT_CON_2003", "connector", "spatial_elements", "data_conflict", true,
                "The source file's geolocation cannot be used.");
        add("TaskWasCancelled", "SNT_ORC_0499", "cloud_orchestrator", "external_to_run_execution", "other", false,
                "The run was cancelled or reached its time limit.");
        add("BridgingFailed", "SNT_CON_2999", "connector", "internal_server_error", "other", false,
                "The connector failed unexpectedly.");
    }

    private static void add(String key, String code, String system, String phase, String category, boolean canUserFix, String description) {
        ENTRIES.put(key, new Entry(key, code, system, phase, category, canUserFix, description));
    }

    private ErrorCatalogue() {
    }

    /** @return the entry of {@code key}; unknown keys are treated as {@code BridgingFailed} */
    static Entry get(String key) {
        return ENTRIES.getOrDefault(key, ENTRIES.get("BridgingFailed"));
    }
}
