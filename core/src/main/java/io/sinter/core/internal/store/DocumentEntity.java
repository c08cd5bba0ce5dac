package io.sinter.core.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A source file record: a document of its iModel, keyed by (iModel, kind, key). A deleted connection
 * detaches its documents ({@code connectionId} null); mapping the key again re-attaches the same record.
 */
@Entity
@Table(name = "SINTER_DOCUMENT",
        uniqueConstraints = @UniqueConstraint(name = "SINTER_DOCUMENT_KEY", columnNames = {"IMODEL_ID", "KIND", "DOC_KEY"}),
        indexes = @Index(name = "SINTER_DOCUMENT_CONNECTION", columnList = "CONNECTION_ID, CREATED_AT"))
public class DocumentEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "IMODEL_ID", nullable = false, length = 36)
    private String iModelId;

    @Column(name = "KIND", nullable = false, length = 16)
    private String kind;

    @Column(name = "DOC_KEY", nullable = false, length = 256)
    private String key;

    @Column(name = "CONNECTION_ID", length = 43)
    private String connectionId;

    @Column(name = "CONNECTOR_TYPE", length = 64)
    private String connectorType;

    @Column(name = "FILE_NAME", length = 1024)
    private String lastKnownFileName;

    @Column(name = "SPATIAL_ROOT", nullable = false)
    private boolean spatialRoot;

    @Column(name = "MODEL_ID", length = 24)
    private String modelId;

    @Column(name = "PENDING_REMOVAL", nullable = false)
    private boolean pendingRemoval;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** The skip key of api.md section 6.4: content hash, connector type and connector version of the last success. */
    @Column(name = "SKIP_HASH", length = 80)
    private String skipHash;

    @Column(name = "SKIP_TYPE", length = 64)
    private String skipType;

    @Column(name = "SKIP_VERSION", length = 64)
    private String skipVersion;

    /** Union of the bounding boxes of the document's placed elements, {@code lx,ly,lz,hx,hy,hz}, or null. */
    @Column(name = "EXTENTS", length = 400)
    private String extents;

    /** How many current elements the document has, kept with each change; null when not yet recorded. */
    @Column(name = "ELEMENT_COUNT")
    private Long elementCount;

    protected DocumentEntity() {
    }

    public DocumentEntity(String id, String iModelId, String kind, String key, long createdAt) {
        this.id = id;
        this.iModelId = iModelId;
        this.kind = kind;
        this.key = key;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getIModelId() { return iModelId; }
    public String getKind() { return kind; }
    public String getKey() { return key; }
    public String getConnectionId() { return connectionId; }
    public String getConnectorType() { return connectorType; }
    public String getLastKnownFileName() { return lastKnownFileName; }
    public boolean isSpatialRoot() { return spatialRoot; }
    public String getModelId() { return modelId; }
    public boolean isPendingRemoval() { return pendingRemoval; }
    public long getCreatedAt() { return createdAt; }
    public String getSkipHash() { return skipHash; }
    public String getSkipType() { return skipType; }
    public String getSkipVersion() { return skipVersion; }

    public String getExtents() { return extents; }
    /**
     * A random stamp renewed by every transaction that changes this document's element versions, or null; the document's
     * stored state file (see {@code io.sinter.core.internal.run.StoredState}) is used only while it carries this stamp.
     */
    @Column(name = "STATE_STAMP", length = 36)
    private String stateStamp;

    public String getStateStamp() { return stateStamp; }
    public void setStateStamp(String stateStamp) { this.stateStamp = stateStamp; }
    public Long getElementCount() { return elementCount; }
    public void setElementCount(Long elementCount) { this.elementCount = elementCount; }
    public void setExtents(String extents) { this.extents = extents; }
    public void setKey(String key) { this.key = key; }
    public void setConnectionId(String connectionId) { this.connectionId = connectionId; }
    public void setConnectorType(String connectorType) { this.connectorType = connectorType; }
    public void setLastKnownFileName(String lastKnownFileName) { this.lastKnownFileName = lastKnownFileName; }
    public void setSpatialRoot(boolean spatialRoot) { this.spatialRoot = spatialRoot; }
    public void setModelId(String modelId) { this.modelId = modelId; }
    public void setPendingRemoval(boolean pendingRemoval) { this.pendingRemoval = pendingRemoval; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }

    public void setSkipKey(String hash, String type, String version) {
        this.skipHash = hash;
        this.skipType = type;
        this.skipVersion = version;
    }
}
