package io.sinter.core.internal.run;

import io.sinter.core.internal.change.Hashes;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.nio.charset.StandardCharsets;

/**
 * One state of an element, valid from changeset {@code fromIndex} until before the {@code toIndex} of its
 * {@link VersionEndEntity} (none while current). Elements as of changeset N are the versions with
 * {@code fromIndex <= N} and no end at or before N; the current state of a document is its versions without an end,
 * found by index, never by loading the iModel. Rows are written once and never updated by a change (only a content
 * re-match rewrites an open row's identifier and checksum).
 */
@Entity
@Table(name = "SINTER_ELEMENT", indexes = {
        @Index(name = "SINTER_ELEMENT_DOC", columnList = "DOCUMENT_ID, ID"),
        @Index(name = "SINTER_ELEMENT_ID", columnList = "IMODEL_KEY, ELEMENT_ID, FROM_IDX"),
        @Index(name = "SINTER_ELEMENT_FROM", columnList = "IMODEL_KEY, FROM_IDX")})
public class ElementVersionEntity {
    /** The {@code toIndex} that stands for "no end yet" where a version's end is reported. */
    public static final int OPEN = Integer.MAX_VALUE;

    /**
     * The most UTF-8 bytes of a body kept in column BODY (EclipseLink generates BLOB(32000) on Derby, BYTEA on
     * PostgreSQL); longer ones go to BODY_LOB.
     */
    public static final int BODY_LIMIT = 32_000;

    @Id
    @TableGenerator(name = "ELEMENT_VERSION_ID", table = "SINTER_ID", pkColumnName = "NAME", valueColumnName = "NEXT_ID",
            pkColumnValue = "ELEMENT_VERSION", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ELEMENT_VERSION_ID")
    @Column(name = "ID")
    private long id;

    /** The iModel's {@code IModelEntity.getElementKey()}: a number, so the indexes it leads stay small. */
    @Column(name = "IMODEL_KEY", nullable = false)
    private long iModelKey;

    @Column(name = "ELEMENT_ID", nullable = false)
    private long elementId;

    @Column(name = "DOCUMENT_ID", nullable = false, length = 36)
    private String documentId;

    @Column(name = "MODEL_ID", nullable = false)
    private long modelId;

    @Column(name = "KIND", nullable = false, length = 64)
    private String kind;

    @Column(name = "IDENTIFIER", nullable = false, length = 1024)
    private String identifier;

    @Column(name = "CLASS_NAME", nullable = false, length = 255)
    private String classFullName;

    @Column(name = "CATEGORY", length = 255)
    private String category;

    @Column(name = "FEDERATION_GUID", nullable = false, length = 36)
    private String federationGuid;

    /**
     * The SHA-256 checksums as their 32 bytes, not as 64 hex characters: Derby writes a character column into its log one
     * character at a time, which cost the million-row first sync more than any other column.
     */
    @Column(name = "CHECKSUM", nullable = false, length = 32)
    private byte[] checksum;

    @Column(name = "CONTENT_CHECKSUM", nullable = false, length = 32)
    private byte[] contentChecksum;

    /**
     * The element's {@link io.sinter.core.internal.change.Fingerprint} as the connector gave it (high and low 64 bits), or
     * null: whenever set, it belongs to content whose checksum is {@link #checksum}.
     */
    @Column(name = "FINGERPRINT_HI")
    private Long fingerprintHigh;

    @Column(name = "FINGERPRINT_LO")
    private Long fingerprintLow;

    @Column(name = "FROM_IDX", nullable = false)
    private int fromIndex;

    /**
     * Canonical JSON of the element's content (api.md section 7.5 fields other than the ids) in UTF-8 when that has
     * at most {@link #BODY_LIMIT} bytes, else null and the body is in {@link #bodyLob}. Most bodies are small, and bytes
     * are what the database writes fastest (Derby logs a VARCHAR char by char and a CLOB through a character stream).
     */
    @Column(name = "BODY", length = BODY_LIMIT)
    private byte[] body;

    /** The body when its UTF-8 form is longer than {@link #BODY_LIMIT} bytes, else null. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "BODY_LOB")
    private String bodyLob;

    /** The element's geometry in {@link io.sinter.core.internal.change.GeometryCodec} form, or null when it has none. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "GEOMETRY", length = 1 << 30)
    private byte[] geometry;

    protected ElementVersionEntity() {
    }

    public ElementVersionEntity(long iModelKey, long elementId, String documentId, long modelId, String kind, String identifier,
            String classFullName, String category, String federationGuid, String checksum, String contentChecksum, int fromIndex, String body) {
        this.iModelKey = iModelKey;
        this.elementId = elementId;
        this.documentId = documentId;
        this.modelId = modelId;
        this.kind = kind;
        this.identifier = identifier;
        this.classFullName = classFullName;
        this.category = category;
        this.federationGuid = federationGuid;
        this.checksum = Hashes.bytes(checksum);
        this.contentChecksum = Hashes.bytes(contentChecksum);
        this.fromIndex = fromIndex;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        this.body = bytes.length <= BODY_LIMIT ? bytes : null;
        this.bodyLob = bytes.length <= BODY_LIMIT ? null : body;
    }

    public long getId() { return id; }
    public long getIModelKey() { return iModelKey; }
    public long getElementId() { return elementId; }
    public String getDocumentId() { return documentId; }
    public long getModelId() { return modelId; }
    public String getKind() { return kind; }
    public String getIdentifier() { return identifier; }
    public String getClassFullName() { return classFullName; }
    public String getCategory() { return category; }
    public String getFederationGuid() { return federationGuid; }
    public String getChecksum() { return Hashes.hex(checksum); }
    public String getContentChecksum() { return Hashes.hex(contentChecksum); }
    public int getFromIndex() { return fromIndex; }
    public String getBody() { return body(body, bodyLob); }

    /**
     * The body from the values of {@code BODY} and {@code BODY_LOB} as read (JPQL {@code v.body, v.bodyLob}).
     *
     * @param small the UTF-8 bytes of column BODY, or null
     * @param large the text of column BODY_LOB, or null
     */
    public static String body(Object small, Object large) {
        return small != null ? new String((byte[]) small, StandardCharsets.UTF_8) : (String) large;
    }
    public byte[] getGeometry() { return geometry; }

    /** Sets the stored geometry (null: none) and returns this version. */
    public ElementVersionEntity withGeometry(byte[] geometry) {
        this.geometry = geometry;
        return this;
    }
}
