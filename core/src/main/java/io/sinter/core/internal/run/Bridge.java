package io.sinter.core.internal.run;

import io.sinter.connector.api.Connector;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.SourceFile;
import io.sinter.core.api.ServiceException;
import io.sinter.core.api.StorageService;
import io.sinter.core.internal.change.CanonicalJson;
import io.sinter.core.internal.change.Diff;
import io.sinter.core.internal.connector.ConnectorRegistry;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.store.DocumentEntity;
import io.sinter.core.internal.store.FileEntity;
import io.sinter.core.internal.store.IModelEntity;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task of a run: bridge a source file (download, skip rule, connector, diff) or unmap a
 * document. It computes everything outside the database and returns an {@link Outcome} whose
 * {@code writes} the run engine applies in the same transaction as the task's result, so a task
 * commits all or nothing (api.md section 6.5).
 */
final class Bridge {
    private final Logger logger = LoggerFactory.getLogger(Bridge.class);
    private final Database database;
    private final ConnectorRegistry registry;
    private final StorageService storage;
    private final Path workFolder;

    Bridge(Database database, ConnectorRegistry registry, StorageService storage, Path workFolder) {
        this.database = database;
        this.registry = registry;
        this.storage = storage;
        this.workFolder = workFolder;
    }

    /** What to record for a task: its result and, when it changed anything, the writes of its changeset. */
    record Outcome(String result, String errorKey, String message, String details, Map<String, Object> taskDetails, Writes writes) {
        static Outcome error(String key, String message, String details) {
            return new Outcome("Error", key, message, details, null, null);
        }
    }

    /** The database writes of a task, applied inside the transaction that completes it. */
    interface Writes {
        /** @return the changeset written, or null when the task changed nothing that needs one */
        ChangesetEntity apply(EntityManager em, TaskEntity task, String ownerId);
    }

    /** The facts of a task read before it runs. */
    record Work(String taskId, String documentId, String action, String connectorType, String fileName) {
    }

    Outcome run(Work work, BooleanSupplier cancelled) {
        try {
            return "unmap".equals(work.action()) ? unmap(work) : bridge(work, cancelled);
        } catch (OutOfMemoryError e) {
            return Outcome.error("OutOfMemory", "The server ran out of memory while processing " + work.fileName() + ".", null);
        }
    }

    private Outcome bridge(Work work, BooleanSupplier cancelled) {
        DocumentEntity document = database.inTransaction(em -> em.find(DocumentEntity.class, work.documentId()));
        Optional<ConnectorRegistry.Registered> registered = registry.forType(work.connectorType());
        if (registered.isEmpty()) {
            return Outcome.error("ConnectorNotInstalled", "No installed connector handles type " + work.connectorType() + ".", null);
        }
        ConnectorRegistry.Registered connector = registered.get();
        StorageService.BlobContent blob;
        String fileName;
        try {
            FileEntity file = database.inTransaction(em -> em.find(FileEntity.class, document.getKey()));
            if (file == null || file.getCurrentBlobId() == null) {
                return Outcome.error("SourceFileNotFound", "Storage file " + document.getKey() + " does not exist or has no content.", null);
            }
            fileName = file.getDisplayName();
            blob = storage.blob(file.getCurrentBlobId());
        } catch (ServiceException e) {
            return Outcome.error("SourceFileNotFound", "The content of storage file " + document.getKey() + " is gone.", e.getMessage());
        }
        if (blob.size() == 0) {
            return Outcome.error("ZeroByte", fileName + " is empty (0 bytes).", null);
        }
        String contentHash = "sha256:" + blob.sha256();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contentHash", contentHash);
        details.put("connectorVersion", connector.version());
        if (contentHash.equals(document.getSkipHash()) && work.connectorType().equals(document.getSkipType())
                && connector.version().equals(document.getSkipVersion())) {
            long unchanged = database.inTransaction(em -> em.createQuery(
                    "SELECT COUNT(v) FROM ElementVersionEntity v WHERE v.documentId = :d AND v.toIndex = :open", Long.class)
                    .setParameter("d", document.getId()).setParameter("open", ElementVersionEntity.OPEN).getSingleResult());
            details.put("changeset", null);
            details.put("elementCounts", counts(0, 0, 0, unchanged));
            return new Outcome("Skipped", null, null, null, details, null);
        }

        Diff diff = new Diff();
        database.run(em -> em.createQuery("SELECT v.elementId, v.kind, v.identifier, v.classFullName, v.checksum, v.contentChecksum "
                + "FROM ElementVersionEntity v WHERE v.documentId = :d AND v.toIndex = :open ORDER BY v.elementId", Object[].class)
                .setParameter("d", document.getId()).setParameter("open", ElementVersionEntity.OPEN).getResultStream()
                .forEach(r -> diff.stored((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5])));

        Spill spill;
        try {
            spill = new Spill(workFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work file in " + workFolder, e);
        }
        boolean handedOver = false;
        try {
            SyncContext context = new SyncContext(diff, spill, cancelled);
            SourceFile source = new SourceFile(document.getId(), fileName, work.connectorType(), blob.path(), blob.size(), contentHash, null, null);
            try {
                connector.connector().extract(source, context);
            } catch (ConnectorException e) {
                return switch (e.kind()) {
                    case CANCELLED -> new Outcome("Cancelled", "TaskWasCancelled", "The run was cancelled.", null, null, null);
                    case GEOLOCATION -> Outcome.error("GeoLocationFailed", fileName + ": " + e.describe(), e.describe());
                    default -> Outcome.error("SourceFileCorrupted", fileName + ": " + e.describe(), e.describe());
                };
            } catch (RuntimeException e) {
                logger.error("Connector {} failed on {} (a connector bug)", connector.id(), fileName, e);
                return Outcome.error("BridgingFailed", "The " + work.connectorType() + " connector failed unexpectedly on " + fileName + ".", e.toString());
            }
            if (cancelled.getAsBoolean()) {
                return new Outcome("Cancelled", "TaskWasCancelled", "The run was cancelled.", null, null, null);
            }
            Diff.Result result = diff.finish(connector.connector().rematch() == Connector.Rematch.BY_CONTENT);
            Diff.Counts c = result.counts();
            details.put("elementCounts", counts(c.inserted(), c.updated(), c.deleted(), c.unchanged()));
            details.put("matching", Map.of("byIdentifier", c.matchedByIdentifier(), "byContent", c.matchedByContent()));
            details.put("synchronizationReport", report(context));
            handedOver = true;
            return new Outcome("Success", null, null, null, details,
                    new ChangeWrites(document.getId(), work.connectorType(), connector.version(), fileName, contentHash, result, spill));
        } finally {
            if (!handedOver) {
                closeQuietly(spill);
            }
        }
    }

    private static Map<String, Object> report(SyncContext context) {
        long errors = context.issues().stream().filter(i -> switch (i.level()) {
            case FATAL, CRITICAL, ERROR -> true;
            default -> false;
        }).count();
        long warnings = context.issues().stream().filter(i -> i.level() == io.sinter.connector.api.Issue.Level.WARNING).count();
        long infos = context.issues().size() - errors - warnings;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("suggestedAction", errors > 0 ? "Error" : warnings > 0 ? "Warning" : "None");
        report.put("message", errors + " errors, " + warnings + " warnings");
        report.put("totalErrorsCount", errors);
        report.put("totalWarningsCount", warnings);
        report.put("totalOtherIssuesCount", infos);
        return report;
    }

    static Map<String, Object> counts(long inserted, long updated, long deleted, long unchanged) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("inserted", inserted);
        counts.put("updated", updated);
        counts.put("deleted", deleted);
        counts.put("unchanged", unchanged);
        return counts;
    }

    private static void closeQuietly(Spill spill) {
        try {
            spill.close();
        } catch (IOException ignored) {
            // a temporary file
        }
    }

    private Outcome unmap(Work work) {
        List<Long> ids = database.inTransaction(em -> em.createQuery(
                "SELECT v.elementId FROM ElementVersionEntity v WHERE v.documentId = :d AND v.toIndex = :open ORDER BY v.elementId", Long.class)
                .setParameter("d", work.documentId()).setParameter("open", ElementVersionEntity.OPEN).getResultList());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("elementCounts", counts(0, 0, ids.size(), 0));
        Writes writes = (em, task, owner) -> {
            DocumentEntity document = em.find(DocumentEntity.class, work.documentId());
            ChangesetEntity changeset = null;
            if (!ids.isEmpty()) {
                IModelEntity model = em.find(IModelEntity.class, document.getIModelId());
                int index = model.getChangesetCount() + 1;
                MessageDigest sha1 = sha1();
                String parent = parentId(em, model);
                sha1.update(parent.getBytes(StandardCharsets.UTF_8));
                long size = 0;
                for (int from = 0; from < ids.size(); from += 500) {
                    List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                    closeVersions(em, model.getId(), chunk, index);
                    for (Long id : chunk) {
                        byte[] record = CanonicalJson.utf8(Map.of("elementId", hex(id), "operation", "deleted"));
                        sha1.update(record);
                        size += record.length;
                    }
                }
                model.setChangesetCount(index);
                int bits = 16 | 4;
                changeset = new ChangesetEntity(HexFormat.of().formatHex(sha1.digest()), model.getId(), index, parent,
                        work.connectorType() + ": " + work.fileName() + " - 0 inserted, 0 updated, " + ids.size() + " deleted", owner,
                        System.currentTimeMillis(), bits, size, task.getId(), work.fileName(), 0, 0, ids.size());
                em.persist(changeset);
            }
            document.setSkipKey(null, null, null);
            document.setModelId(null);
            if (document.isPendingRemoval()) {
                document.setConnectionId(null);
                document.setPendingRemoval(false);
            }
            return changeset;
        };
        return new Outcome(ids.isEmpty() ? "Skipped" : "Success", null, null, null, details, writes);
    }

    static String parentId(EntityManager em, IModelEntity model) {
        if (model.getChangesetCount() == 0) {
            return "";
        }
        return em.createQuery("SELECT c.id FROM ChangesetEntity c WHERE c.iModelId = :m AND c.index = :i", String.class)
                .setParameter("m", model.getId()).setParameter("i", model.getChangesetCount()).getSingleResult();
    }

    /** Ends the current versions of elements {@code ids} with changeset {@code index}. */
    static void closeVersions(EntityManager em, String iModelId, List<Long> ids, int index) {
        em.createQuery("UPDATE ElementVersionEntity v SET v.toIndex = :n WHERE v.iModelId = :m AND v.toIndex = :open AND v.elementId IN :ids")
                .setParameter("n", index).setParameter("m", iModelId).setParameter("open", ElementVersionEntity.OPEN)
                .setParameter("ids", ids).executeUpdate();
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(long elementId) {
        return "0x" + Long.toHexString(elementId);
    }

    /** The writes of a bridge task that found changes: versions, provenance, model, skip key, changeset. */
    private static final class ChangeWrites implements Writes {
        private final String documentId;
        private final String connectorType;
        private final String connectorVersion;
        private final String fileName;
        private final String contentHash;
        private final Diff.Result result;
        private final Spill spill;

        ChangeWrites(String documentId, String connectorType, String connectorVersion, String fileName, String contentHash,
                Diff.Result result, Spill spill) {
            this.documentId = documentId;
            this.connectorType = connectorType;
            this.connectorVersion = connectorVersion;
            this.fileName = fileName;
            this.contentHash = contentHash;
            this.result = result;
            this.spill = spill;
        }

        @Override
        public ChangesetEntity apply(EntityManager em, TaskEntity task, String ownerId) {
            try (spill) {
                return write(em, task, ownerId);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the spilled connector output", e);
            }
        }

        private ChangesetEntity write(EntityManager em, TaskEntity task, String ownerId) throws IOException {
            DocumentEntity document = em.find(DocumentEntity.class, documentId);
            IModelEntity model = em.find(IModelEntity.class, document.getIModelId());
            String iModelId = model.getId();
            boolean anyChange = !result.inserts().isEmpty() || !result.updates().isEmpty() || result.deletes().length > 0
                    || !result.classChanges().isEmpty();
            for (Diff.Rematch r : result.rematches()) {
                if (r.contentEqual()) {
                    String[] record = spill.read(r.ordinal());
                    em.createQuery("UPDATE ElementVersionEntity v SET v.identifier = :id, v.checksum = :c WHERE v.iModelId = :m "
                            + "AND v.elementId = :e AND v.toIndex = :open").setParameter("id", r.newIdentifier()).setParameter("c", record[5])
                            .setParameter("m", iModelId).setParameter("e", r.elementId()).setParameter("open", ElementVersionEntity.OPEN).executeUpdate();
                }
            }
            document.setSkipKey(contentHash, connectorType, connectorVersion);
            if (!anyChange) {
                return null;
            }
            int index = model.getChangesetCount() + 1;
            int bits = 0;
            boolean newModel = document.getModelId() == null;
            if (newModel) {
                document.setModelId(hex(model.allocateElementIds(1)));
                bits |= 16;
            }
            long modelId = Long.decode(document.getModelId());

            // old states that end with this changeset: deletes, updates, class changes
            List<Long> closing = new ArrayList<>();
            for (long id : result.deletes()) {
                closing.add(id);
            }
            for (Diff.Update u : result.updates()) {
                closing.add(u.elementId());
            }
            for (Diff.ClassChange cc : result.classChanges()) {
                closing.add(cc.oldElementId());
            }
            Map<Long, String[]> previous = new java.util.HashMap<>();
            for (int from = 0; from < closing.size(); from += 500) {
                List<Long> chunk = closing.subList(from, Math.min(closing.size(), from + 500));
                em.createQuery("SELECT v.elementId, v.federationGuid, v.classFullName, v.identifier, v.checksum FROM ElementVersionEntity v "
                        + "WHERE v.iModelId = :m AND v.toIndex = :open AND v.elementId IN :ids", Object[].class)
                        .setParameter("m", iModelId).setParameter("open", ElementVersionEntity.OPEN).setParameter("ids", chunk)
                        .getResultStream().forEach(r -> previous.put((Long) r[0],
                                new String[] {(String) r[1], (String) r[2], (String) r[3], (String) r[4]}));
                closeVersions(em, iModelId, chunk, index);
            }

            // change records for the changeset id, in element id order: old ids first, then the new ones
            java.util.TreeMap<Long, List<Map<String, Object>>> oldRecords = new java.util.TreeMap<>();
            for (long id : result.deletes()) {
                String[] p = previous.get(id);
                oldRecords.computeIfAbsent(id, k -> new ArrayList<>()).add(change(id, "deleted", p[1], p[2], p[3]));
            }
            for (Diff.ClassChange cc : result.classChanges()) {
                String[] p = previous.get(cc.oldElementId());
                oldRecords.computeIfAbsent(cc.oldElementId(), k -> new ArrayList<>()).add(change(cc.oldElementId(), "deleted", p[1], p[2], p[3]));
            }
            int written = 0;
            boolean spatial = false;
            for (Diff.Update u : result.updates()) {
                String[] record = spill.read(u.ordinal());
                String[] p = previous.get(u.elementId());
                em.persist(version(iModelId, u.elementId(), modelId, p[0], record, index));
                oldRecords.computeIfAbsent(u.elementId(), k -> new ArrayList<>()).add(change(u.elementId(), "updated", record[2], record[1], record[5]));
                spatial |= "1".equals(record[8]);
                written = flushEvery(em, ++written);
            }
            MessageDigest sha1 = sha1();
            String parent = parentId(em, model);
            sha1.update(parent.getBytes(StandardCharsets.UTF_8));
            long size = 0;
            for (List<Map<String, Object>> records : oldRecords.values()) {
                for (Map<String, Object> r : records) {
                    byte[] bytes = CanonicalJson.utf8(r);
                    sha1.update(bytes);
                    size += bytes.length;
                }
            }
            // new elements in file order: plain inserts and the new halves of class changes
            List<int[]> newOnes = new ArrayList<>();
            for (Diff.Insert ins : result.inserts()) {
                newOnes.add(new int[] {ins.ordinal(), -1});
            }
            List<Diff.ClassChange> classChanges = result.classChanges();
            for (int i = 0; i < classChanges.size(); i++) {
                newOnes.add(new int[] {classChanges.get(i).ordinal(), i});
            }
            newOnes.sort((a, b) -> Integer.compare(a[0], b[0]));
            long firstId = model.allocateElementIds(newOnes.size());
            for (int i = 0; i < newOnes.size(); i++) {
                String[] record = spill.read(newOnes.get(i)[0]);
                long elementId = firstId + i;
                String guid;
                if (newOnes.get(i)[1] >= 0) {
                    guid = previous.get(classChanges.get(newOnes.get(i)[1]).oldElementId())[0];
                } else {
                    guid = record[4] != null ? record[4] : UUID.randomUUID().toString();
                }
                em.persist(version(iModelId, elementId, modelId, guid, record, index));
                byte[] bytes = CanonicalJson.utf8(change(elementId, "inserted", record[2], record[1], record[5]));
                sha1.update(bytes);
                size += bytes.length;
                spatial |= "1".equals(record[8]);
                written = flushEvery(em, ++written);
            }
            if (spatial || result.deletes().length > 0) {
                bits |= 4;
            }
            model.setChangesetCount(index);
            Diff.Counts c = result.counts();
            ChangesetEntity changeset = new ChangesetEntity(HexFormat.of().formatHex(sha1.digest()), iModelId, index, parent,
                    connectorType + ": " + fileName + " - " + c.inserted() + " inserted, " + c.updated() + " updated, " + c.deleted() + " deleted",
                    ownerId, System.currentTimeMillis(), bits, size, task.getId(), fileName, c.inserted(), c.updated(), c.deleted());
            em.persist(changeset);
            return changeset;
        }

        private static int flushEvery(EntityManager em, int written) {
            if (written % 1000 == 0) {
                em.flush();
                em.clear();
            }
            return written;
        }

        private ElementVersionEntity version(String iModelId, long elementId, long modelId, String federationGuid, String[] r, int index) {
            // r: kind, identifier, class, category, federationGuid, checksum, contentChecksum, body, placed, geometry (base64)
            return new ElementVersionEntity(iModelId, elementId, documentId, modelId, r[0], r[1], r[2], r[3], federationGuid, r[5], r[6], index, r[7])
                    .withGeometry(r.length > 9 ? io.sinter.core.internal.change.GeometryCodec.fromBase64(r[9]) : null);
        }

        private static Map<String, Object> change(long elementId, String operation, String classFullName, String identifier, String checksum) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("elementId", hex(elementId));
            record.put("operation", operation);
            record.put("classFullName", classFullName);
            record.put("identifier", identifier);
            record.put("checksum", checksum);
            return record;
        }
    }
}
