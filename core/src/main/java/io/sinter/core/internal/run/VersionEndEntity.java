package io.sinter.core.internal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * The end of an element version: the changeset {@code toIndex} that replaced or deleted the version with row id
 * {@link #id}. A version without one is open (current). Ends are only ever added, in a narrow table of their own, so
 * a changeset that closes every hundredth version of a large document appends a few pages instead of rewriting the
 * wide version rows and the index entries around them.
 */
@Entity
@Table(name = "SINTER_ELEMENT_END", indexes = @Index(name = "SINTER_ELEMENT_END_AT", columnList = "IMODEL_KEY, TO_IDX, ELEMENT_ID"))
public class VersionEndEntity {
    /** The closed version's row ({@code SINTER_ELEMENT.ID}). */
    @Id
    @Column(name = "ID")
    private long id;

    @Column(name = "IMODEL_KEY", nullable = false)
    private long iModelKey;

    @Column(name = "ELEMENT_ID", nullable = false)
    private long elementId;

    @Column(name = "TO_IDX", nullable = false)
    private int toIndex;

    protected VersionEndEntity() {
    }

    public VersionEndEntity(long id, long iModelKey, long elementId, int toIndex) {
        this.id = id;
        this.iModelKey = iModelKey;
        this.elementId = elementId;
        this.toIndex = toIndex;
    }

    public long getId() { return id; }
    public long getIModelKey() { return iModelKey; }
    public long getElementId() { return elementId; }
    public int getToIndex() { return toIndex; }
}
