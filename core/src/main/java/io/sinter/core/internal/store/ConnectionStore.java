package io.sinter.core.internal.store;

import io.sinter.core.api.ConnectionService;
import io.sinter.core.api.ConnectorCatalog;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.persistence.Database;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Connections and their documents in the database (api.md sections 5.3, 5.4, 6.1, 6.7). */
@Component(service = ConnectionService.class)
public final class ConnectionStore implements ConnectionService {
    static final int MAX_CONNECTIONS = 100;
    static final int MAX_FILES = 250;

    private final Database database;
    private final ConnectorCatalog catalog;

    @Activate
    public ConnectionStore(@Reference Database database, @Reference ConnectorCatalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    private static String invalid(Kind kind) {
        return kind == Kind.STORAGE ? INVALID_STORAGE : INVALID_MANIFEST;
    }

    private static String invalidFile(Kind kind) {
        return kind == Kind.STORAGE ? INVALID_STORAGE_FILE : INVALID_MANIFEST_FILE;
    }

    private static String notFound(Kind kind) {
        return kind == Kind.STORAGE ? "StorageConnectionNotFound" : "ManifestConnectionNotFound";
    }

    private static String fileNotFound(Kind kind) {
        return kind == Kind.STORAGE ? "StorageConnectionSourceFileNotFound" : "ManifestConnectionSourceFileNotFound";
    }

    static String authenticationType(String value, String code) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "user" -> "User";
            case "service" -> "Service";
            default -> throw ServiceException.invalid(code, "InvalidValue", "'authenticationType' must be User or Service.", "authenticationType");
        };
    }

    @Override
    public ConnectionInfo create(Kind kind, String iModelId, String displayName, String authenticationType, List<SourceFileSpec> files) {
        String code = invalid(kind);
        if (iModelId == null) {
            throw ServiceException.invalid(code, "MissingRequiredProperty", "'iModelId' is required.", "iModelId");
        }
        if (displayName != null) {
            Names.name(displayName, "displayName", code, false);
        }
        String auth = authenticationType(authenticationType, code);
        if (files == null) {
            throw ServiceException.invalid(code, "MissingRequiredProperty", "'sourceFiles' is required.", "sourceFiles");
        }
        if (kind == Kind.STORAGE && files.isEmpty()) {
            throw ServiceException.invalid(code, "InvalidValue", "A storage connection needs at least one source file.", "sourceFiles");
        }
        if (files.size() > MAX_FILES) {
            throw ServiceException.invalid(code, "LimitExceeded", "At most " + MAX_FILES + " source files.", "sourceFiles");
        }
        long now = System.currentTimeMillis();
        return database.inTransaction(em -> {
            IModelEntity model = em.find(IModelEntity.class, iModelId);
            if (model == null) {
                throw ServiceException.invalid(code, "InvalidValue", "iModel '" + iModelId + "' does not exist.", "iModelId");
            }
            long connections = em.createQuery("SELECT COUNT(c) FROM ConnectionEntity c WHERE c.iModelId = :m", Long.class)
                    .setParameter("m", iModelId).getSingleResult();
            if (connections >= MAX_CONNECTIONS) {
                throw ServiceException.invalid(code, "LimitExceeded", "An iModel has at most " + MAX_CONNECTIONS + " connections.", "iModelId");
            }
            String id = Ids.random43();
            ConnectionEntity connection = new ConnectionEntity(id, kind.name(), iModelId, model.getITwinId(),
                    displayName != null ? displayName : "Connection " + id.substring(0, 8), auth != null ? auth : "User", now);
            em.persist(connection);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < files.size(); i++) {
                SourceFileSpec spec = files.get(i);
                String target = "sourceFiles[" + i + "]";
                if (spec != null && spec.key() != null && !seen.add(spec.key())) {
                    throw ServiceException.invalid(code, "InvalidValue", "The same source file is listed twice.", target + (kind == Kind.STORAGE ? ".storageFileId" : ".sourceFileId"));
                }
                attach(em, kind, connection, spec, target, code, now + i);
            }
            return info(connection);
        });
    }

    /** Maps one source file to the connection: validates, re-attaches a detached document or creates one. */
    private DocumentEntity attach(EntityManager em, Kind kind, ConnectionEntity connection, SourceFileSpec spec, String target, String code, long now) {
        String keyTarget = target + (kind == Kind.STORAGE ? ".storageFileId" : ".sourceFileId");
        if (spec == null || spec.key() == null) {
            throw ServiceException.invalid(code, "MissingRequiredProperty", "'" + keyTarget + "' is required.", keyTarget);
        }
        String type = null;
        String fileName = null;
        if (kind == Kind.STORAGE) {
            FileEntity file = em.find(FileEntity.class, spec.key());
            if (file == null || !file.getITwinId().equals(connection.getITwinId()) || file.getCurrentBlobId() == null) {
                throw ServiceException.invalid(code, "InvalidValue", "Storage file '" + spec.key() + "' does not exist in this iTwin or has no content.", keyTarget);
            }
            fileName = file.getDisplayName();
            type = connectorType(spec.connectorType(), target + ".connectorType", code);
        } else if (spec.key().isEmpty() || spec.key().length() > 256 || !spec.key().chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw ServiceException.invalid(code, "InvalidValue", "'" + keyTarget + "' must have 1 to 256 printable characters.", keyTarget);
        }
        DocumentEntity document = findDocument(em, connection.getIModelId(), kind, spec.key());
        if (document != null && document.getConnectionId() != null
                && !(document.getConnectionId().equals(connection.getId()) && document.isPendingRemoval())) {
            throw ServiceException.conflict("SourceFileAlreadyMapped", "'" + spec.key() + "' is already mapped in this iModel.");
        }
        long mapped = em.createQuery("SELECT COUNT(d) FROM DocumentEntity d WHERE d.iModelId = :m AND d.connectionId IS NOT NULL", Long.class)
                .setParameter("m", connection.getIModelId()).getSingleResult();
        if (document == null || document.getConnectionId() == null) {
            if (mapped >= MAX_FILES) {
                throw ServiceException.invalid(code, "LimitExceeded", "An iModel maps at most " + MAX_FILES + " source files.", keyTarget);
            }
        }
        if (Boolean.TRUE.equals(spec.spatialRoot())) {
            boolean otherRoot = em.createQuery("SELECT COUNT(d) FROM DocumentEntity d WHERE d.iModelId = :m AND d.spatialRoot = TRUE AND d.key <> :k", Long.class)
                    .setParameter("m", connection.getIModelId()).setParameter("k", spec.key()).getSingleResult() > 0;
            if (otherRoot) {
                throw ServiceException.invalid(code, "InvalidValue", "Another source file of this iModel is the spatial root.", target + ".isSpatialRoot");
            }
        }
        if (document == null) {
            document = new DocumentEntity(Ids.uuid(), connection.getIModelId(), kind.name(), spec.key(), now);
            em.persist(document);
        } else {
            document.setCreatedAt(document.getConnectionId() == null ? now : document.getCreatedAt());
        }
        document.setConnectionId(connection.getId());
        document.setPendingRemoval(false);
        if (type != null) {
            document.setConnectorType(type);
        }
        if (fileName != null) {
            document.setLastKnownFileName(fileName);
        }
        if (spec.spatialRoot() != null) {
            document.setSpatialRoot(spec.spatialRoot());
        }
        return document;
    }

    private String connectorType(String value, String target, String code) {
        if (value == null) {
            throw ServiceException.invalid(code, "MissingRequiredProperty", "'" + target + "' is required.", target);
        }
        String canonical = catalog.canonicalType(value);
        if (canonical == null) {
            throw ServiceException.invalid(code, "InvalidValue", "'" + value + "' is not a known connector type.", target);
        }
        return canonical;
    }

    static DocumentEntity findDocument(EntityManager em, String iModelId, Kind kind, String key) {
        return em.createQuery("SELECT d FROM DocumentEntity d WHERE d.iModelId = :m AND d.kind = :k AND d.key = :key", DocumentEntity.class)
                .setParameter("m", iModelId).setParameter("k", kind.name()).setParameter("key", key).getResultStream().findFirst().orElse(null);
    }

    private static ConnectionEntity find(EntityManager em, Kind kind, String connectionId) {
        ConnectionEntity connection = connectionId == null ? null : em.find(ConnectionEntity.class, connectionId);
        if (connection == null || (kind != null && !connection.getKind().equals(kind.name()))) {
            throw ServiceException.notFound(notFound(kind == null ? Kind.STORAGE : kind), "Connection '" + connectionId + "' does not exist.");
        }
        return connection;
    }

    @Override
    public ConnectionInfo get(Kind kind, String connectionId) {
        return database.inTransaction(em -> info(find(em, kind, connectionId)));
    }

    @Override
    public Page<ConnectionInfo> list(Kind kind, String iModelId, java.util.Set<String> onlyITwins, int skip, int top) {
        if (onlyITwins != null && onlyITwins.isEmpty() && iModelId == null) {
            return Page.of(List.of(), skip, top);
        }
        return database.inTransaction(em -> {
            if (iModelId != null && em.find(IModelEntity.class, iModelId) == null) {
                throw ServiceException.notFound("iModelNotFound", "iModel '" + iModelId + "' does not exist.");
            }
            String jpql = "SELECT c FROM ConnectionEntity c WHERE 1 = 1" + (kind == null ? "" : " AND c.kind = :kind")
                    + (iModelId == null ? "" : " AND c.iModelId = :m")
                    + (iModelId == null && onlyITwins != null ? " AND c.iTwinId IN :tw" : "") + " ORDER BY c.createdAt, c.id";
            var query = em.createQuery(jpql, ConnectionEntity.class);
            if (kind != null) {
                query.setParameter("kind", kind.name());
            }
            if (iModelId != null) {
                query.setParameter("m", iModelId);
            } else if (onlyITwins != null) {
                query.setParameter("tw", onlyITwins);
            }
            return Page.of(query.setFirstResult(skip).setMaxResults(top + 1).getResultStream().map(ConnectionStore::info).toList(), skip, top);
        });
    }

    @Override
    public ConnectionInfo update(Kind kind, String connectionId, String displayName, String authenticationType) {
        String code = invalid(kind);
        if (displayName != null) {
            Names.name(displayName, "displayName", code, false);
        }
        String auth = authenticationType(authenticationType, code);
        return database.inTransaction(em -> {
            ConnectionEntity connection = find(em, kind, connectionId);
            if (displayName != null) {
                connection.setDisplayName(displayName);
            }
            if (auth != null) {
                connection.setAuthenticationType(auth);
            }
            return info(connection);
        });
    }

    @Override
    public void delete(Kind kind, String connectionId) {
        database.run(em -> {
            ConnectionEntity connection = find(em, kind, connectionId);
            long active = em.createQuery("SELECT COUNT(r) FROM RunEntity r WHERE r.connectionId = :c AND r.state <> 'Completed'", Long.class)
                    .setParameter("c", connection.getId()).getSingleResult();
            if (active > 0) {
                throw ServiceException.conflict("ConnectionAlreadyInUse", "A run of this connection has not completed; delete it after the run.");
            }
            em.createQuery("UPDATE DocumentEntity d SET d.connectionId = NULL, d.pendingRemoval = FALSE WHERE d.connectionId = :c")
                    .setParameter("c", connection.getId()).executeUpdate();
            em.remove(connection);
        });
    }

    @Override
    public SourceFileInfo addSourceFile(Kind kind, String connectionId, SourceFileSpec file) {
        long now = System.currentTimeMillis();
        return database.inTransaction(em -> info(attach(em, kind, find(em, kind, connectionId), file, "", invalidFile(kind), now)));
    }

    @Override
    public Page<SourceFileInfo> sourceFiles(Kind kind, String connectionId, int skip, int top) {
        return database.inTransaction(em -> {
            find(em, kind, connectionId);
            return Page.of(em.createQuery("SELECT d FROM DocumentEntity d WHERE d.connectionId = :c AND d.pendingRemoval = FALSE ORDER BY d.createdAt, d.id",
                    DocumentEntity.class).setParameter("c", connectionId).setFirstResult(skip).setMaxResults(top + 1)
                    .getResultStream().map(ConnectionStore::info).toList(), skip, top);
        });
    }

    private static DocumentEntity findFile(EntityManager em, Kind kind, String connectionId, String sourceFileId) {
        find(em, kind, connectionId);
        DocumentEntity document = sourceFileId == null ? null : em.find(DocumentEntity.class, sourceFileId);
        if (document == null || !connectionId.equals(document.getConnectionId()) || document.isPendingRemoval()) {
            throw ServiceException.notFound(fileNotFound(kind), "Source file '" + sourceFileId + "' does not exist in this connection.");
        }
        return document;
    }

    @Override
    public SourceFileInfo sourceFile(Kind kind, String connectionId, String sourceFileId) {
        return database.inTransaction(em -> info(findFile(em, kind, connectionId, sourceFileId)));
    }

    @Override
    public SourceFileInfo updateSourceFile(Kind kind, String connectionId, String sourceFileId, SourceFileSpec file) {
        String code = invalidFile(kind);
        return database.inTransaction(em -> {
            DocumentEntity document = findFile(em, kind, connectionId, sourceFileId);
            ConnectionEntity connection = em.find(ConnectionEntity.class, connectionId);
            if (file == null || file.key() == null) {
                String target = kind == Kind.STORAGE ? "storageFileId" : "sourceFileId";
                throw ServiceException.invalid(code, "MissingRequiredProperty", "'" + target + "' is required.", target);
            }
            if (!file.key().equals(document.getKey())) {
                if (findDocument(em, document.getIModelId(), kind, file.key()) != null) {
                    throw ServiceException.conflict("SourceFileAlreadyMapped", "'" + file.key() + "' belongs to another document of this iModel.");
                }
                if (kind == Kind.STORAGE) {
                    FileEntity stored = em.find(FileEntity.class, file.key());
                    if (stored == null || !stored.getITwinId().equals(connection.getITwinId()) || stored.getCurrentBlobId() == null) {
                        throw ServiceException.invalid(code, "InvalidValue", "Storage file '" + file.key() + "' does not exist in this iTwin or has no content.", "storageFileId");
                    }
                    document.setLastKnownFileName(stored.getDisplayName());
                }
                document.setKey(file.key());
            }
            if (kind == Kind.STORAGE) {
                document.setConnectorType(connectorType(file.connectorType(), "connectorType", code));
                if (file.spatialRoot() != null) {
                    document.setSpatialRoot(file.spatialRoot());
                }
            }
            return info(document);
        });
    }

    @Override
    public void removeSourceFile(Kind kind, String connectionId, String sourceFileId) {
        database.run(em -> findFile(em, kind, connectionId, sourceFileId).setPendingRemoval(true));
    }

    static ConnectionInfo info(ConnectionEntity c) {
        return new ConnectionInfo(c.getId(), Kind.valueOf(c.getKind()), c.getDisplayName(), c.getIModelId(), c.getITwinId(),
                c.getAuthenticationType(), Instant.ofEpochMilli(c.getCreatedAt()), c.getLastRunId());
    }

    static SourceFileInfo info(DocumentEntity d) {
        return new SourceFileInfo(d.getId(), d.getConnectionId(), Kind.valueOf(d.getKind()), d.getKey(), d.getConnectorType(),
                d.getLastKnownFileName(), d.isSpatialRoot(), d.getModelId());
    }
}
