package io.sinter.core.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/** An iModel; its name is unique per iTwin, case-insensitively ({@code nameKey}). */
@Entity
@Table(name = "SINTER_IMODEL", uniqueConstraints = @UniqueConstraint(name = "SINTER_IMODEL_NAME", columnNames = {"ITWIN_ID", "NAME_KEY"}),
        indexes = @Index(name = "SINTER_IMODEL_ITWIN", columnList = "ITWIN_ID, CREATED_AT"))
@NamedQuery(name = "IModel.byName", query = "SELECT m FROM IModelEntity m WHERE m.iTwinId = :itwin AND m.nameKey = :key")
public class IModelEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ITWIN_ID", nullable = false, length = 36)
    private String iTwinId;

    @Column(name = "NAME", nullable = false, length = 255)
    private String name;

    @Column(name = "NAME_KEY", nullable = false, length = 255)
    private String nameKey;

    @Column(name = "DESCRIPTION", length = 1024)
    private String description;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXTENT_S")
    private Double extentSouth;
    @Column(name = "EXTENT_W")
    private Double extentWest;
    @Column(name = "EXTENT_N")
    private Double extentNorth;
    @Column(name = "EXTENT_E")
    private Double extentEast;

    @Column(name = "CRS_ID", length = 64)
    private String crsId;

    /** The geolocation of the spatial frame as JSON (api.md section 7.8), set once; null while unset. */
    @jakarta.persistence.Lob
    @Column(name = "GEOLOCATION")
    private String geolocation;

    /** The changeset that set the geolocation; 0 while unset. */
    @Column(name = "GEOLOCATION_INDEX")
    private Integer geolocationIndex;

    @Column(name = "GEOLOCATION_DOCUMENT", length = 36)
    private String geolocationDocument;


    /** The next element id to hand out (api.md section 1.4: starts at 0x20, never reused). */
    /**
     * The number that stands for this iModel in SINTER_ELEMENT (column IMODEL_KEY and the indexes it leads): a BIGINT
     * keeps those indexes small and cheap to maintain. Allocated with the first changeset; null before.
     */
    @Column(name = "ELEMENT_KEY")
    private Long elementKey;

    @Column(name = "NEXT_ELEMENT_ID", nullable = false)
    private long nextElementId = 0x20;

    /** Index of the newest changeset; 0 for an empty iModel. */
    @Column(name = "CHANGESET_COUNT", nullable = false)
    private int changesetCount;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected IModelEntity() {
    }

    public IModelEntity(String id, String iTwinId, long createdAt) {
        this.id = id;
        this.iTwinId = iTwinId;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public String getITwinId() { return iTwinId; }
    public String getName() { return name; }
    public String getNameKey() { return nameKey; }
    public String getDescription() { return description; }
    public long getCreatedAt() { return createdAt; }
    public Double getExtentSouth() { return extentSouth; }
    public Double getExtentWest() { return extentWest; }
    public Double getExtentNorth() { return extentNorth; }
    public Double getExtentEast() { return extentEast; }
    public String getCrsId() { return crsId; }
    public String getGeolocation() { return geolocation; }
    public int getGeolocationIndex() { return geolocationIndex == null ? 0 : geolocationIndex; }
    public String getGeolocationDocument() { return geolocationDocument; }

    public void setGeolocation(String json, int index, String documentId) {
        this.geolocation = json;
        this.geolocationIndex = index;
        this.geolocationDocument = documentId;
    }

    public void setName(String name, String nameKey) {
        this.name = name;
        this.nameKey = nameKey;
    }

    public void setDescription(String description) { this.description = description; }
    public int getChangesetCount() { return changesetCount; }
    public void setChangesetCount(int changesetCount) { this.changesetCount = changesetCount; }

    /** @return the first of {@code count} new element ids */
    public Long getElementKey() { return elementKey; }
    public void setElementKey(Long elementKey) { this.elementKey = elementKey; }

    public long allocateElementIds(long count) {
        long first = nextElementId;
        nextElementId += count;
        return first;
    }
    public void setCrsId(String crsId) { this.crsId = crsId; }

    public void setExtent(Double south, Double west, Double north, Double east) {
        this.extentSouth = south;
        this.extentWest = west;
        this.extentNorth = north;
        this.extentEast = east;
    }
}
