package io.sinter.core.internal.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A class and property path (JSON pointer under {@code /properties}; empty for the class itself) seen in an
 * iModel, kept so that a changeset's Schema bit (api.md section 3.3) needs no pass over element bodies.
 */
@Entity
@Table(name = "SINTER_SCHEMA_PATH", indexes = @Index(name = "SINTER_SCHEMA_PATH_IMODEL", columnList = "IMODEL_ID"))
public class SchemaPathEntity {
    /** SHA-1 hex of iModel id, class and path. */
    @Id
    @Column(name = "ID", length = 40)
    private String id;

    @Column(name = "IMODEL_ID", nullable = false, length = 36)
    private String iModelId;

    @Column(name = "CLASS_NAME", nullable = false, length = 255)
    private String classFullName;

    @Column(name = "PATH", nullable = false, length = 4000)
    private String path;

    protected SchemaPathEntity() {
    }

    public SchemaPathEntity(String id, String iModelId, String classFullName, String path) {
        this.id = id;
        this.iModelId = iModelId;
        this.classFullName = classFullName;
        this.path = path;
    }

    public String getId() { return id; }
}
