package io.sinter.core.api;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Storage and manifest connections and their source files (api.md sections 5.3, 5.4, 6.1, 6.7).
 * A source file record is a <em>document</em> of its iModel, keyed by storage file id or manifest
 * document id; its id never changes and is re-used when the same key is mapped again.
 */
@ProviderType
public interface ConnectionService {
    /** 422 code of storage connections. */
    String INVALID_STORAGE = "InvalidStorageConnectionRequest";
    /** 422 code of storage connection source files. */
    String INVALID_STORAGE_FILE = "InvalidStorageConnectionSourceFileRequest";
    /** 422 code of manifest connections. */
    String INVALID_MANIFEST = "InvalidManifestConnectionRequest";
    /** 422 code of manifest connection source files. */
    String INVALID_MANIFEST_FILE = "InvalidManifestConnectionSourceFileRequest";

    /** Storage or manifest. */
    enum Kind {
        /** files from Sinter storage, by storage file id */
        STORAGE,
        /** client document ids; URLs arrive with each run */
        MANIFEST
    }

    /**
     * A connection.
     *
     * @param authenticationType {@code User} or {@code Service}
     * @param lastRunId the newest run, or null
     */
    record ConnectionInfo(String id, Kind kind, String displayName, String iModelId, String iTwinId, String authenticationType,
            Instant createdDateTime, String lastRunId) {
    }

    /**
     * A source file record.
     *
     * @param key the storage file id or the manifest document id
     * @param connectorType upper case; may be null for a manifest document never named by a run
     * @param modelId the model of its elements, or null before the first successful sync
     */
    record SourceFileInfo(String id, String connectionId, Kind kind, String key, String connectorType, String lastKnownFileName,
            boolean spatialRoot, String modelId) {
    }

    /**
     * What a client maps: for storage connections {@code key} = storage file id and a connector type;
     * for manifest connections {@code key} = document id (type and root come with runs).
     */
    record SourceFileSpec(String key, String connectorType, Boolean spatialRoot) {
    }

    /** Creates a connection with its source files. */
    ConnectionInfo create(Kind kind, String iModelId, String displayName, String authenticationType, List<SourceFileSpec> files);

    /** @throws ServiceException {@code StorageConnectionNotFound} or {@code ManifestConnectionNotFound} */
    ConnectionInfo get(Kind kind, String connectionId);

    /**
     * Lists connections by creation time.
     *
     * @param kind null for both kinds
     * @param iModelId null for all
     */
    default Page<ConnectionInfo> list(Kind kind, String iModelId, int skip, int top) {
        return list(kind, iModelId, null, skip, top);
    }

    /**
     * Lists connections of one iModel, or (without {@code iModelId}) of the iTwins in {@code onlyITwins}
     * (all when null).
     */
    Page<ConnectionInfo> list(Kind kind, String iModelId, java.util.Set<String> onlyITwins, int skip, int top);

    /** Changes display name and/or authentication type (null keeps). */
    ConnectionInfo update(Kind kind, String connectionId, String displayName, String authenticationType);

    /** Deletes a connection; its documents are detached and their elements stay. */
    void delete(Kind kind, String connectionId);

    /** Maps one more source file (201), or cancels its pending removal. */
    SourceFileInfo addSourceFile(Kind kind, String connectionId, SourceFileSpec file);

    /** @return the connection's source files (pending removals hidden), by creation time */
    Page<SourceFileInfo> sourceFiles(Kind kind, String connectionId, int skip, int top);

    /** @throws ServiceException {@code StorageConnectionSourceFileNotFound} / {@code ManifestConnectionSourceFileNotFound} */
    SourceFileInfo sourceFile(Kind kind, String connectionId, String sourceFileId);

    /** Re-keys a source file (and, for storage, its type and root flag). */
    SourceFileInfo updateSourceFile(Kind kind, String connectionId, String sourceFileId, SourceFileSpec file);

    /** Marks a source file for removal by the connection's next run. */
    void removeSourceFile(Kind kind, String connectionId, String sourceFileId);
}
