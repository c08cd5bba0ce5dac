package io.sinter.core.internal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How many current elements of an iModel carry a category, kept with every changeset so the changeset's
 * Definition bit (api.md section 3.3: first element of a category added, or last one removed) needs no count
 * over the element table.
 */
@Entity
@Table(name = "SINTER_CATEGORY")
public class CategoryCountEntity {
    /** iModel id, a NUL character, the category. */
    @Id
    @Column(name = "ID", length = 300)
    private String id;

    @Column(name = "IMODEL_ID", nullable = false, length = 36)
    private String iModelId;

    @Column(name = "CATEGORY", nullable = false, length = 255)
    private String category;

    @Column(name = "ELEMENT_COUNT", nullable = false)
    private long elementCount;

    protected CategoryCountEntity() {
    }

    public CategoryCountEntity(String iModelId, String category) {
        this.id = key(iModelId, category);
        this.iModelId = iModelId;
        this.category = category;
    }

    public static String key(String iModelId, String category) {
        return iModelId + '\u0000' + category;
    }

    public String getCategory() { return category; }
    public long getElementCount() { return elementCount; }
    public void setElementCount(long elementCount) { this.elementCount = elementCount; }
}
