package io.sinter.core.internal.run;

import io.sinter.connector.api.Connector;
import io.sinter.connector.api.ConnectorException;
import io.sinter.connector.api.SourceFile;
import io.sinter.core.api.BlobSigner;
import io.sinter.core.api.ServiceException;
import io.sinter.core.api.StorageService;
import io.sinter.core.internal.change.CanonicalJson;
import io.sinter.core.internal.change.Diff;
import io.sinter.core.internal.change.Hashes;
import io.sinter.core.internal.connector.ConnectorRegistry;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.store.DocumentEntity;
import io.sinter.core.internal.store.FileEntity;
import io.sinter.core.internal.store.IModelEntity;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    private final BlobSigner signer;
    private final Download download;
    private final Path workFolder;
    /** Where the documents' {@link StoredState} files are, and what writes them after a change. */
    private final StateFiles states;

    Bridge(Database database, ConnectorRegistry registry, StorageService storage, BlobSigner signer, Download download, Path workFolder,
            StateFiles states) {
        this.states = states;
        this.database = database;
        this.registry = registry;
        this.storage = storage;
        this.signer = signer;
        this.download = download;
        this.workFolder = workFolder;
    }

    /** What to record for a task: its result and, when it changed anything, the writes of its changeset. */
    record Outcome(String result, String errorKey, String message, String details, Map<String, Object> taskDetails, Writes writes,
            boolean retryable, Map<String, Object> report) {
        Outcome(String result, String errorKey, String message, String details, Map<String, Object> taskDetails, Writes writes) {
            this(result, errorKey, message, details, taskDetails, writes, false, null);
        }

        Outcome(String result, String errorKey, String message, String details, Map<String, Object> taskDetails, Writes writes,
                boolean retryable) {
            this(result, errorKey, message, details, taskDetails, writes, retryable, null);
        }

        /** @return this outcome with the task's diagnostics report (api.md section 7.4, without {@code context}) */
        Outcome withReport(Map<String, Object> taskReport) {
            return new Outcome(result, errorKey, message, details, taskDetails, writes, retryable, taskReport);
        }

        static Outcome error(String key, String message, String details) {
            return new Outcome("Error", key, message, details, null, null);
        }
    }

    /** The database writes of a task, applied inside the transaction that completes it. */
    interface Writes {
        /** @return the changeset written, or null when the task changed nothing that needs one */
        ChangesetEntity apply(EntityManager em, TaskEntity task, String ownerId);

        /**
         * Runs the unit of work that records the task (it calls {@link #apply}) and commits it; by default in a new
         * transaction, for streamed inserts in the transaction that holds them.
         */
        default void record(Database database, java.util.function.Consumer<EntityManager> work) {
            database.run(work);
        }
    }

    /**
     * The writes of a first sync whose inserts were {@link InsertStream streamed} while the connector ran; {@code facts}
     * lacks the task and owner, which {@link #apply} adds.
     */
    private record StreamedWrites(InsertStream stream, ChangesetFacts facts) implements Writes {
        @Override
        public ChangesetEntity apply(EntityManager em, TaskEntity task, String ownerId) {
            return stream.apply(em, new ChangesetFacts(task, ownerId, facts.connectorType(), facts.connectorVersion(), facts.fileName(),
                    facts.contentHash(), facts.extents(), facts.schema(), facts.geolocation(), facts.counts()));
        }

        @Override
        public void record(Database database, java.util.function.Consumer<EntityManager> work) {
            stream.finish(work);
        }
    }

    /** The facts of a task read before it runs. */
    record Work(String taskId, String documentId, String action, String connectorType, String fileName, String manifestItem) {
    }

    Outcome run(Work work, BooleanSupplier cancelled) {
        try {
            return "unmap".equals(work.action()) ? unmap(work) : bridge(work, cancelled);
        } catch (OutOfMemoryError e) {
            return new Outcome("Error", "OutOfMemory", "The server ran out of memory while processing " + work.fileName() + ".", null, null, null, true);
        }
    }

    private Outcome bridge(Work work, BooleanSupplier cancelled) {
        DocumentEntity document = database.inTransaction(em -> em.find(DocumentEntity.class, work.documentId()));
        Optional<ConnectorRegistry.Registered> registered = registry.forType(work.connectorType());
        if (registered.isEmpty()) {
            return Outcome.error("ConnectorNotInstalled", "No installed connector handles type " + work.connectorType() + ".", null);
        }
        ConnectorRegistry.Registered connector = registered.get();
        Path taskFolder = workFolder.resolve(work.taskId());
        try {
            Source source;
            try {
                source = work.manifestItem() == null ? storageSource(document) : manifestSource(work, taskFolder, cancelled);
            } catch (Download.Failure e) {
                return new Outcome("Error", e.errorKey(), e.getMessage(), e.details(), null, null, e.retryable());
            } catch (InterruptedException e) {
                return cancelled(work);
            }
            return bridge(work, document, connector, source, cancelled);
        } finally {
            deleteTree(taskFolder);
        }
    }

    private static Outcome cancelled(Work work) {
        return new Outcome("Cancelled", "TaskWasCancelled", "The run was cancelled while " + work.fileName() + " was processed.", null, null, null);
    }

    /** The bytes a bridge task reads: the master file, its hash for the skip rule, and its downloaded children. */
    private record Source(String fileName, Path path, long size, String contentHash, List<SourceFile> references) {
    }

    private Source storageSource(DocumentEntity document) throws Download.Failure {
        try {
            FileEntity file = database.inTransaction(em -> em.find(FileEntity.class, document.getKey()));
            if (file == null || file.getCurrentBlobId() == null) {
                throw new Download.Failure("SourceFileNotFound", "Storage file " + document.getKey() + " does not exist or has no content.", null, false);
            }
            StorageService.BlobContent blob = storage.blob(file.getCurrentBlobId());
            if (blob.size() == 0) {
                throw new Download.Failure("ZeroByte", file.getDisplayName() + " is empty (0 bytes).", null, false);
            }
            return new Source(file.getDisplayName(), blob.path(), blob.size(), "sha256:" + blob.sha256(), List.of());
        } catch (ServiceException e) {
            throw new Download.Failure("SourceFileNotFound", "The content of storage file " + document.getKey() + " is gone.", e.getMessage(), false);
        }
    }

    /** Downloads the master and its children into the task's folder, each at its relative path (api.md section 5.5). */
    private Source manifestSource(Work work, Path taskFolder, BooleanSupplier cancelled) throws Download.Failure, InterruptedException {
        ManifestItems.Item item = ManifestItems.read(work.manifestItem());
        Download.Fetched master = fetch(item.url(), taskFolder, item.relativePath(), work.fileName(), cancelled);
        if (master.size() == 0) {
            throw new Download.Failure("ZeroByte", work.fileName() + " is empty (0 bytes).", "GET " + item.url() + " delivered 0 bytes.", false);
        }
        List<SourceFile> references = new ArrayList<>();
        StringBuilder hashText = new StringBuilder("master:").append(master.sha256());
        List<ManifestItems.Child> children = new ArrayList<>(item.children());
        children.sort(java.util.Comparator.comparing(ManifestItems.Child::id));
        for (ManifestItems.Child child : children) {
            Download.Fetched fetched = fetch(child.url(), taskFolder, child.relativePath(), child.name(), cancelled);
            hashText.append('\n').append(child.id()).append(':').append(fetched.sha256());
            references.add(new SourceFile(child.id(), child.name(), child.connectorType() == null ? work.connectorType() : child.connectorType(),
                    fetched.path(), fetched.size(), "sha256:" + fetched.sha256(), null, null));
        }
        String contentHash = children.isEmpty() ? master.sha256()
                : HexFormat.of().formatHex(Download.sha256().digest(hashText.toString().getBytes(StandardCharsets.UTF_8)));
        return new Source(work.fileName(), master.path(), master.size(), "sha256:" + contentHash, references);
    }

    static final java.util.regex.Pattern SIGNED_BLOB = java.util.regex.Pattern.compile(".*/storage/blobs/([^/?]+)");

    private Download.Fetched fetch(String url, Path taskFolder, String relativePath, String name, BooleanSupplier cancelled)
            throws Download.Failure, InterruptedException {
        Path folder = relativePath == null || relativePath.isBlank() ? taskFolder : taskFolder.resolve(relativePath).normalize();
        if (!folder.startsWith(taskFolder)) {
            throw new Download.Failure("SourceFileNotAccessible", "The relative path " + relativePath + " leaves the work folder.", null, false);
        }
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(taskFolder)) {
            throw new Download.Failure("SourceFileNotAccessible", "The file name " + name + " leaves the work folder.", null, false);
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work folder " + target.getParent(), e);
        }
        Download.Fetched local = signedBlob(url, target);
        return local != null ? local : download.fetch(url, target, cancelled);
    }

    /**
     * A Sinter signed download URL of a blob this server holds is resolved internally, with the
     * signature checks of api.md section 4.3; any other URL is fetched over HTTP.
     *
     * @return the copied blob, or null when the URL is not one of this server's blobs
     */
    private Download.Fetched signedBlob(String url, Path target) throws Download.Failure {
        java.net.URI uri = java.net.URI.create(url);
        java.util.regex.Matcher m = SIGNED_BLOB.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (!m.matches() || uri.getRawQuery() == null) {
            return null;
        }
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        StorageService.BlobContent blob;
        try {
            blob = storage.blob(m.group(1));
        } catch (ServiceException e) {
            return null;
        }
        try {
            signer.verify("GET", blob.blobId(), query.get("sp"), query.get("se"), query.get("sig"));
        } catch (ServiceException e) {
            throw new Download.Failure("SourceFileNotAccessible", "The signed URL was refused: " + e.getMessage(), "GET " + url + ": " + e.code() + ".", false);
        }
        try {
            Files.copy(blob.path(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new Download.Failure("SourceFileNotFound", "The blob behind the signed URL is gone.", e.toString(), false);
        }
        return new Download.Fetched(target, blob.size(), blob.sha256());
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left for the next start's clean-up
                }
            });
        } catch (IOException ignored) {
            // left for the next start's clean-up
        }
    }

    private Outcome bridge(Work work, DocumentEntity document, ConnectorRegistry.Registered connector, Source source, BooleanSupplier cancelled) {
        String fileName = source.fileName();
        String contentHash = source.contentHash();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contentHash", contentHash);
        details.put("connectorVersion", connector.version());
        if (contentHash.equals(document.getSkipHash()) && work.connectorType().equals(document.getSkipType())
                && connector.version().equals(document.getSkipVersion())) {
            // the count kept with the document: counting its versions would read the whole index range
            long unchanged = document.getElementCount() != null ? document.getElementCount() : database.inTransaction(em -> em.createQuery(
                    "SELECT COUNT(v) FROM ElementVersionEntity v WHERE v.documentId = :d AND " + OPEN_NOW, Long.class)
                    .setParameter("d", document.getId()).getSingleResult());
            details.put("changeset", null);
            details.put("elementCounts", counts(0, 0, 0, unchanged));
            return new Outcome("Skipped", null, null, null, details, null);
        }

        try {
            return pass(work, document, connector, source, cancelled, details, null);
        } catch (MoveIntoFrame move) {
            // the file lies elsewhere in the frame's CRS; its geolocation came with (or after) its elements, so they are read again
            logger.info("Task {} ({}): the file is located in the spatial frame's CRS at another origin; its elements are read again and {}",
                    work.taskId(), fileName, move.transform.describe());
            try {
                return pass(work, document, connector, source, cancelled, details, move.transform);
            } catch (MoveIntoFrame again) {
                String problem = "The file's geolocation differed between two readings of it.";
                return Outcome.error("GeoLocationFailed", fileName + ": " + problem, problem);
            }
        }
    }

    private Outcome writeFailed(String fileName, InsertStream.Failed e) {
        logger.error("Writing the elements of {} failed; the task writes nothing", fileName, e.getCause());
        return Outcome.error("BridgingFailed", "The changes of " + fileName + " could not be written.", e.getCause().toString());
    }

    /** Signals that a file's elements must be read again and moved into the spatial frame by {@link #transform}. */
    private static final class MoveIntoFrame extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient FrameTransform transform;

        MoveIntoFrame(FrameTransform transform) {
            super(null, null, false, false);
            this.transform = transform;
        }
    }

    /**
     * One reading of the file by the connector, classified against the stored state.
     *
     * @param transform what moves the file's coordinates into the spatial frame, or null (api.md section 6.8)
     * @throws MoveIntoFrame when the file turned out to need another transform than {@code transform}
     */
    private Outcome pass(Work work, DocumentEntity document, ConnectorRegistry.Registered connector, Source source, BooleanSupplier cancelled,
            Map<String, Object> details, FrameTransform transform) throws MoveIntoFrame {
        String fileName = source.fileName();
        String contentHash = source.contentHash();
        long readStart = System.nanoTime();
        states.await(document.getId());
        StoredState.Loaded loaded = StoredState.load(states.folder(), document.getId(), document.getStateStamp());
        // the count kept with the document sizes what is read from the database at once
        int expected = document.getElementCount() == null ? 0 : (int) Math.min(document.getElementCount(), 1 << 26);
        Diff diff = loaded != null ? loaded.diff() : new Diff(expected);
        OpenRows openRows = loaded != null ? loaded.openRows() : new OpenRows(expected);
        if (loaded == null) {
            database.run(em -> readStoredState(em, document.getId(), diff, openRows));
        }
        long readNanos = System.nanoTime() - readStart;

        Spill spill;
        try {
            spill = new Spill(workFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work file in " + workFolder, e);
        }
        // a first sync only inserts: they are written while the connector reads (in the task's one transaction)
        InsertStream stream = openRows.size() == 0 ? new InsertStream(database, document.getId(), work.taskId(), states.folder()) : null;
        boolean handedOver = false;
        try {
            // a geolocation reported before the elements moves them at once (IFC); one reported after them needs a second pass (DXF)
            com.fasterxml.jackson.databind.JsonNode frame = transform != null ? null
                    : database.inTransaction(em -> SpatialFrame.frame(em.find(IModelEntity.class, document.getIModelId())));
            // record digests (kept in the state file only) compare when the last sync used this connector type and version
            boolean recordsComparable = loaded != null && work.connectorType().equals(document.getSkipType())
                    && connector.version().equals(document.getSkipVersion());
            SyncContext context = new SyncContext(diff, spill, stream, transform, frame == null ? null : g -> SpatialFrame.transform(frame, g),
                    cancelled, recordsComparable);
            long started = System.nanoTime();
            SourceFile file = new SourceFile(document.getId(), fileName, work.connectorType(), source.path(), source.size(), contentHash,
                    source.references(), null);
            try {
                connector.connector().extract(file, context);
            } catch (ConnectorException e) {
                Outcome failed = switch (e.kind()) {
                    case CANCELLED -> cancelled(work);
                    case GEOLOCATION -> Outcome.error("GeoLocationFailed", fileName + ": " + e.describe(), e.describe());
                    default -> Outcome.error("SourceFileCorrupted", fileName + ": " + e.describe(), e.describe());
                };
                return e.kind() == ConnectorException.Kind.CANCELLED ? failed
                        : failed.withReport(Reports.task(work, document, source.references(), context, null, started, failed.errorKey(), e.describe()));
            } catch (InsertStream.Failed e) {
                return writeFailed(fileName, e);
            } catch (RuntimeException | LinkageError e) {
                // LinkageError: the connector's bundle went away while it ran (hot undeploy)
                logger.error("Connector {} failed on {} (a connector bug, or its bundle was removed)", connector.id(), fileName, e);
                return Outcome.error("BridgingFailed", "The " + work.connectorType() + " connector failed unexpectedly on " + fileName + ".", e.toString())
                        .withReport(Reports.task(work, document, source.references(), context, null, started, "BridgingFailed", e.toString()));
            }
            if (cancelled.getAsBoolean()) {
                return cancelled(work);
            }
            SpatialFrame.Fit fit = database.inTransaction(em -> SpatialFrame.fit(em, document, context));
            if (fit.problem() != null) {
                return Outcome.error("GeoLocationFailed", fileName + ": " + fit.problem(), fit.problem())
                        .withReport(Reports.task(work, document, source.references(), context, null, started, "GeoLocationFailed", fit.problem()));
            }
            FrameTransform applied = context.transform();
            if (fit.transform() == null ? applied != null : !fit.transform().sameAs(applied)) {
                throw new MoveIntoFrame(fit.transform());
            }
            if (applied != null) {
                context.issue(io.sinter.connector.api.Issue.info("GeoLocation", "The file is located in the spatial frame's CRS at another origin"
                        + " or rotation; its elements were " + applied.describe() + " into the spatial frame"
                        + (transform != null ? " (the file was read a second time: it states its geolocation after its elements)." : ".")));
            }
            long passNanos = System.nanoTime() - started;
            long finishStart = System.nanoTime();
            Diff.Result result = diff.finish(connector.connector().rematch() == Connector.Rematch.BY_CONTENT);
            // streamed: the diff saw nothing (all new), the context counted them
            Diff.Counts c = stream != null ? new Diff.Counts(0, 0, context.observed(), 0, 0, 0) : result.counts();
            logger.info("Task {} ({}): stored state of {} elements read from {} in {} ms, connector pass {} ms ({} unchanged records not built), "
                    + "diff {} ms", work.taskId(), fileName, openRows.size(), loaded != null ? "its file" : "the database", readNanos / 1_000_000,
                    passNanos / 1_000_000, context.kept(), (System.nanoTime() - finishStart) / 1_000_000);
            details.put("elementCounts", counts(c.inserted(), c.updated(), c.deleted(), c.unchanged()));
            details.put("matching", Map.of("byIdentifier", c.matchedByIdentifier(), "byContent", c.matchedByContent(),
                    "byRecordDigest", context.kept()));
            details.put("synchronizationReport", report(context));
            Writes writes;
            if (stream != null) {
                try {
                    stream.end();
                } catch (InsertStream.Failed e) {
                    return writeFailed(fileName, e);
                }
                writes = new StreamedWrites(stream, new ChangesetFacts(null, null, work.connectorType(), connector.version(), fileName,
                        contentHash, context.extents().stored(), context.schema(), context.geolocation(), c));
                closeQuietly(spill);
            } else {
                writes = new ChangeWrites(database, document.getId(), work.connectorType(), connector.version(), fileName, contentHash, result,
                        spill, context.geolocation(), context.extents().stored(), openRows, context.schema(), diff, context.digests(), states);
            }
            handedOver = true;
            return new Outcome("Success", null, null, null, details, writes)
                    .withReport(Reports.withMatching(Reports.task(work, document, source.references(), context, c, started, null, null),
                            result.rematches()));
        } finally {
            if (!handedOver) {
                closeQuietly(spill);
                if (stream != null) {
                    stream.abort();
                }
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
                "SELECT v.elementId FROM ElementVersionEntity v WHERE v.documentId = :d AND " + OPEN_NOW + " ORDER BY v.elementId", Long.class)
                .setParameter("d", work.documentId()).getResultList());
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
                Map<String, Long> categories = new java.util.HashMap<>();
                em.createQuery("SELECT v.category, COUNT(v) FROM ElementVersionEntity v WHERE v.documentId = :d AND " + OPEN_NOW
                        + " GROUP BY v.category", Object[].class).setParameter("d", work.documentId()).getResultStream()
                        .forEach(r -> count(categories, (String) r[0], -((Number) r[1]).longValue()));
                closeDocumentVersions(em, work.documentId(), model.getElementKey(), null, index, null);
                for (Long id : ids) {
                    byte[] record = CanonicalJson.utf8(Map.of("elementId", hex(id), "operation", "deleted"));
                    sha1.update(record);
                    size += record.length;
                }
                model.setChangesetCount(index);
                int bits = 16 | 4 | applyCategories(em, model.getId(), categories);
                changeset = new ChangesetEntity(HexFormat.of().formatHex(sha1.digest()), model.getId(), index, parent,
                        work.connectorType() + ": " + work.fileName() + " - 0 inserted, 0 updated, " + ids.size() + " deleted", owner,
                        System.currentTimeMillis(), bits, size, task.getId(), work.fileName(), 0, 0, ids.size()).withDocumentId(document.getId());
                document.setExtents(null);
                em.persist(changeset);
                globalProperties(em, model, changeset, document, null);
            }
            document.setSkipKey(null, null, null);
            document.setExtents(null);
            document.setElementCount(0L);
            document.setStateStamp(null);
            document.setModelId(null);
            if (document.isPendingRemoval()) {
                document.setConnectionId(null);
                document.setPendingRemoval(false);
            }
            return changeset;
        };
        Outcome outcome = new Outcome(ids.isEmpty() ? "Skipped" : "Success", null, null, null, details, writes);
        return ids.isEmpty() ? outcome : outcome.withReport(Reports.unmap(work, ids.size()));
    }

    /**
     * Records the project extents after {@code changeset} and, when this task defines the spatial frame,
     * the geolocation; either change sets the GlobalProperties bit (api.md sections 3.3, 6.8).
     */
    static void globalProperties(EntityManager em, IModelEntity model, ChangesetEntity changeset, DocumentEntity document,
            io.sinter.connector.api.Geolocation geolocation) {
        int bits = changeset.getContainingChanges();
        // a list, not a stream: the value is often NULL, and Stream.findFirst throws on a null element
        List<String> previous = changeset.getIndex() <= 1 ? List.of() : em.createQuery(
                "SELECT c.extents FROM ChangesetEntity c WHERE c.iModelId = :m AND c.index = :i", String.class)
                .setParameter("m", model.getId()).setParameter("i", changeset.getIndex() - 1).getResultList();
        String before = previous.isEmpty() ? null : previous.get(0);
        em.flush();
        String after = SpatialFrame.projectExtents(em, model.getId());
        changeset.setExtents(after);
        if (!java.util.Objects.equals(before, after)) {
            bits |= 32;
        }
        if (SpatialFrame.setsFrame(em, model, document, geolocation)) {
            model.setGeolocation(SpatialFrame.json(geolocation), changeset.getIndex(), document.getId());
            bits |= 32;
        }
        changeset.setContainingChanges(bits);
    }

    static String parentId(EntityManager em, IModelEntity model) {
        if (model.getChangesetCount() == 0) {
            return "";
        }
        return em.createQuery("SELECT c.id FROM ChangesetEntity c WHERE c.iModelId = :m AND c.index = :i", String.class)
                .setParameter("m", model.getId()).setParameter("i", model.getChangesetCount()).getSingleResult();
    }

    private static void count(Map<String, Long> categories, String category, long delta) {
        if (category != null) {
            categories.merge(category, delta, Long::sum);
        }
    }

    /**
     * Applies category count changes of a changeset.
     *
     * @return the Definition bit (2) when a category got its first element or lost its last one, else 0
     */
    static int applyCategories(EntityManager em, String iModelId, Map<String, Long> deltas) {
        int bits = 0;
        for (Map.Entry<String, Long> d : deltas.entrySet()) {
            if (d.getValue() == 0) {
                continue;
            }
            CategoryCountEntity row = em.find(CategoryCountEntity.class, CategoryCountEntity.key(iModelId, d.getKey()));
            if (row == null) {
                row = new CategoryCountEntity(iModelId, d.getKey());
                em.persist(row);
            }
            long before = row.getElementCount();
            long after = Math.max(0, before + d.getValue());
            row.setElementCount(after);
            if ((before == 0) != (after == 0)) {
                bits |= 2;
            }
        }
        return bits;
    }

    /**
     * Records the classes and property paths of a task's output.
     *
     * @return the Schema bit (1) when one was never seen in the iModel, else 0
     */
    static int applySchema(EntityManager em, String iModelId, Map<String, java.util.Set<String>> schema) {
        java.util.Set<String> known = new java.util.HashSet<>(em.createQuery(
                "SELECT p.id FROM SchemaPathEntity p WHERE p.iModelId = :m", String.class).setParameter("m", iModelId).getResultList());
        int bits = 0;
        for (Map.Entry<String, java.util.Set<String>> e : schema.entrySet()) {
            for (String path : e.getValue()) {
                MessageDigest sha1 = sha1();
                String id = HexFormat.of().formatHex(sha1.digest((iModelId + '\u0000' + e.getKey() + '\u0000' + path).getBytes(StandardCharsets.UTF_8)));
                if (known.add(id)) {
                    em.persist(new SchemaPathEntity(id, iModelId, e.getKey(), path));
                    bits = 1;
                }
            }
        }
        return bits;
    }

    /** JPQL condition on version {@code v}: it has no end (it is current). */
    static final String OPEN_NOW = "NOT EXISTS (SELECT e.id FROM VersionEndEntity e WHERE e.id = v.id)";

    /**
     * Feeds a document's open versions to {@code diff} and their row ids to {@code openRows}: one pass in row id
     * order (the order they were written, so mostly file order) through index SINTER_ELEMENT_DOC (DOCUMENT_ID, ID),
     * each checked against the ends by primary key, in plain JDBC with only the columns the diff needs (no
     * persistence-context rows for what can be a million versions).
     */
    static void readStoredState(EntityManager em, String documentId, Diff diff, OpenRows openRows) {
        em.flush();
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        try (java.sql.PreparedStatement query = connection.prepareStatement("SELECT ELEMENT_ID, KIND, IDENTIFIER, CLASS_NAME, CHECKSUM, "
                + "CONTENT_CHECKSUM, ID, FINGERPRINT_HI, FINGERPRINT_LO, FEDERATION_GUID, CATEGORY FROM SINTER_ELEMENT v WHERE DOCUMENT_ID = ? "
                + "AND NOT EXISTS (SELECT 1 FROM SINTER_ELEMENT_END e WHERE e.ID = v.ID) ORDER BY ID")) {
            query.setString(1, documentId);
            query.setFetchSize(1000);
            long[] words = new long[8];
            try (java.sql.ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    long elementId = r.getLong(1);
                    long high = r.getLong(8);
                    io.sinter.core.internal.change.Fingerprint fingerprint = r.wasNull() ? null
                            : new io.sinter.core.internal.change.Fingerprint(high, r.getLong(9));
                    StoredState.words(r.getBytes(5), r.getBytes(6), words);
                    diff.stored(elementId, r.getString(2), r.getString(3), r.getString(4), words, fingerprint);
                    openRows.add(elementId, r.getLong(7), r.getString(10), r.getString(11));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the stored state of document " + documentId, e);
        }
    }

    /**
     * What the writes need of a document's open versions beyond what the diff keeps: row id, federation GUID and
     * category by element id, loaded with its stored state. Found by binary search while the elements came in element id
     * order (a state file), else through a hash table built at the first lookup.
     */
    static final class OpenRows {
        private long[] elementIds;
        private long[] rows;
        /** GUIDs in canonical UUID form as two longs; {@link #otherGuids} has the others and the unknown (null) ones. */
        private long[] guidHigh;
        private long[] guidLow;
        private final Map<Integer, String> otherGuids = new java.util.HashMap<>();
        private String[] categories;
        private final Map<String, String> categoryNames = new java.util.HashMap<>();
        private final long[] bits = new long[2];
        private int size;
        private boolean sorted = true;
        /** Open addressing over {@link #elementIds}: slot to index + 1 (0 = free); built when not sorted. */
        private int[] table;

        /** @param expected how many versions to make room for at once */
        OpenRows(int expected) {
            int capacity = Math.max(expected, 16);
            elementIds = new long[capacity];
            rows = new long[capacity];
            guidHigh = new long[capacity];
            guidLow = new long[capacity];
            categories = new String[capacity];
        }

        /**
         * @param federationGuid the version's GUID, or null when not known (the writes then read it from the database)
         */
        void add(long elementId, long row, String federationGuid, String category) {
            if (Uuids.parse(federationGuid, bits)) {
                add(elementId, row, bits[0], bits[1], category);
            } else {
                otherGuids.put(size, federationGuid);
                add(elementId, row, 0, 0, category);
            }
        }

        /** Adds a version whose federation GUID is the UUID with these bits. */
        void add(long elementId, long row, long guidHigh, long guidLow, String category) {
            if (size == elementIds.length) {
                elementIds = java.util.Arrays.copyOf(elementIds, size * 2);
                rows = java.util.Arrays.copyOf(rows, size * 2);
                this.guidHigh = java.util.Arrays.copyOf(this.guidHigh, size * 2);
                this.guidLow = java.util.Arrays.copyOf(this.guidLow, size * 2);
                categories = java.util.Arrays.copyOf(categories, size * 2);
            }
            sorted &= size == 0 || elementIds[size - 1] < elementId;
            table = null;
            elementIds[size] = elementId;
            rows[size] = row;
            this.guidHigh[size] = guidHigh;
            this.guidLow[size] = guidLow;
            // one String per category name (most elements have the one before them)
            String name = category;
            if (category != null) {
                String before = size > 0 ? categories[size - 1] : null;
                name = category.equals(before) ? before : categoryNames.computeIfAbsent(category, c -> c);
            }
            categories[size++] = name;
        }

        int size() {
            return size;
        }

        /** @return the row id of the {@code i}-th version added */
        long row(int i) {
            return rows[i];
        }

        /** @return whether the {@code i}-th version's GUID is the UUID in {@link #guidHigh} and {@link #guidLow} */
        private boolean uuid(int i) {
            return otherGuids.isEmpty() || !otherGuids.containsKey(i);
        }

        /** @return the federation GUID of the {@code i}-th version added, or null when not known */
        String guid(int i) {
            return uuid(i) ? Uuids.text(guidHigh[i], guidLow[i]) : otherGuids.get(i);
        }

        /** Adds the {@code i}-th version to a state file as it is, but for what {@code checksums} and {@code fingerprint} say. */
        void addTo(StoredState.Writer state, int i, String kind, String identifier, String classFullName, long[] checksums,
                io.sinter.core.internal.change.Fingerprint fingerprint) {
            boolean uuid = uuid(i);
            state.add(elementIds[i], rows[i], kind, identifier, classFullName, categories[i], uuid ? null : otherGuids.get(i), uuid,
                    guidHigh[i], guidLow[i], checksums, fingerprint);
        }

        /** @return the category of the {@code i}-th version added */
        String category(int i) {
            return categories[i];
        }

        /** @return the row id of the element's open version, or -1 */
        long rowOf(long elementId) {
            int i = indexOf(elementId);
            return i >= 0 ? rows[i] : -1;
        }

        /** @return the position at which the element's open version was added, or -1 */
        int indexOf(long elementId) {
            if (!sorted) {
                if (table == null) {
                    table = new int[Integer.highestOneBit(Math.max(size, 8)) << 2];
                    for (int i = 0; i < size; i++) {
                        int slot = slot(elementIds[i]);
                        while (table[slot] != 0) {
                            slot = (slot + 1) & (table.length - 1);
                        }
                        table[slot] = i + 1;
                    }
                }
                for (int slot = slot(elementId); table[slot] != 0; slot = (slot + 1) & (table.length - 1)) {
                    if (elementIds[table[slot] - 1] == elementId) {
                        return table[slot] - 1;
                    }
                }
                return -1;
            }
            int i = java.util.Arrays.binarySearch(elementIds, 0, size, elementId);
            return i >= 0 ? i : -1;
        }

        private int slot(long elementId) {
            long h = elementId * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32) & (table.length - 1);
        }
    }

    /**
     * Ends the open versions of {@code elementIds} with changeset {@code index}, using what was loaded with the stored
     * state ({@code diff} and {@code openRows} in the same order): their row ids, and what the changeset needs of them
     * (read by primary key when a GUID is not known); falls back to a pass over the document when a row id is missing.
     */
    static void closeRows(EntityManager em, String documentId, long iModelKey, List<Long> elementIds, Diff diff, OpenRows openRows, int index,
            Map<Long, String[]> previous) {
        long[][] ends = new long[elementIds.size()][];
        boolean known = true;
        long[] words = new long[8];
        for (int i = 0; i < ends.length; i++) {
            long elementId = elementIds.get(i);
            int at = openRows.indexOf(elementId);
            if (at < 0) {
                closeDocumentVersions(em, documentId, iModelKey, new java.util.HashSet<>(elementIds), index, previous);
                return;
            }
            ends[i] = new long[] {openRows.row(at), elementId};
            String guid = openRows.guid(at);
            if (guid != null) {
                diff.stored(at, words);
                previous.put(elementId, new String[] {guid, diff.storedClass(at), diff.storedIdentifier(at), Hashes.hex(words, 0, 4),
                    openRows.category(at)});
            } else {
                known = false;
            }
        }
        if (known) {
            try {
                long t0 = System.nanoTime();
                addEnds(em.unwrap(java.sql.Connection.class), iModelKey, ends, index);
                LoggerFactory.getLogger(Bridge.class).debug("Closing {} versions of document {}: {} ms adding their ends", ends.length, documentId,
                        (System.nanoTime() - t0) / 1_000_000);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot close the element versions of document " + documentId, e);
            }
            return;
        }
        em.flush();
        // by primary key, one prepared statement each (an IN list of hundreds of parameters costs Derby a compilation per length)
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        try (java.sql.PreparedStatement select = connection.prepareStatement(
                "SELECT ELEMENT_ID, FEDERATION_GUID, CLASS_NAME, IDENTIFIER, CHECKSUM, CATEGORY FROM SINTER_ELEMENT WHERE ID = ?")) {
            long t0 = System.nanoTime();
            for (long[] end : ends) {
                select.setLong(1, end[0]);
                try (java.sql.ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        previous.put(r.getLong(1), new String[] {r.getString(2), r.getString(3), r.getString(4), Hashes.hex(r.getBytes(5)),
                            r.getString(6)});
                    }
                }
            }
            long reading = System.nanoTime() - t0;
            addEnds(connection, iModelKey, ends, index);
            LoggerFactory.getLogger(Bridge.class).debug("Closing {} versions of document {}: {} ms reading them, {} ms adding their ends",
                    ends.length, documentId, reading / 1_000_000, (System.nanoTime() - t0 - reading) / 1_000_000);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot close the element versions of document " + documentId, e);
        }
    }

    /**
     * Adds the ends of versions {row id, element id} with changeset {@code index}, in element id order (the order of
     * index SINTER_ELEMENT_END_AT, where this changeset's ends are the last entries of the iModel).
     */
    private static void addEnds(java.sql.Connection connection, long iModelKey, long[][] ends, int index) throws java.sql.SQLException {
        java.util.Arrays.sort(ends, (a, b) -> Long.compare(a[1], b[1]));
        try (java.sql.PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO SINTER_ELEMENT_END (ID, IMODEL_KEY, ELEMENT_ID, TO_IDX) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (long[] end : ends) {
                insert.setLong(1, end[0]);
                insert.setLong(2, iModelKey);
                insert.setLong(3, end[1]);
                insert.setInt(4, index);
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Ends the current versions of a document's elements with changeset {@code index}: one pass over the document's
     * open versions through index SINTER_ELEMENT_DOC, then their ends are added.
     *
     * @param elementIds the elements to close, or null for all of the document's open versions
     * @param previous receives element id to {federationGuid, classFullName, identifier, checksum, category} of the closed
     *        versions, or null
     */
    static void closeDocumentVersions(EntityManager em, String documentId, long iModelKey, java.util.Set<Long> elementIds, int index,
            Map<Long, String[]> previous) {
        if (elementIds != null && elementIds.isEmpty()) {
            return;
        }
        em.flush();
        List<long[]> ends = new ArrayList<>();
        em.createQuery("SELECT v.id, v.elementId, v.federationGuid, v.classFullName, v.identifier, v.checksum, v.category FROM ElementVersionEntity v "
                + "WHERE v.documentId = :d AND " + OPEN_NOW, Object[].class).setParameter("d", documentId).getResultStream().forEach(r -> {
                    long elementId = ((Number) r[1]).longValue();
                    if (elementIds == null || elementIds.contains(elementId)) {
                        ends.add(new long[] {((Number) r[0]).longValue(), elementId});
                        if (previous != null) {
                            previous.put(elementId, new String[] {(String) r[2], (String) r[3], (String) r[4], Hashes.hex((byte[]) r[5]),
                                (String) r[6]});
                        }
                    }
                });
        try {
            addEnds(em.unwrap(java.sql.Connection.class), iModelKey, ends.toArray(new long[0][]), index);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot close the element versions of document " + documentId, e);
        }
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
        private final io.sinter.connector.api.Geolocation geolocation;
        private final String extents;
        private final OpenRows openRows;
        private final Map<String, java.util.Set<String>> schema;

        /** numbers (row ids, iModel keys) are allocated in short transactions of their own */
        private final Database database;
        /** The stored state as fed to the diff (the new state file starts from it), and where that file goes. */
        private final Diff diff;
        /** The record digests of the observed elements by ordinal. */
        private final RecordDigests digests;
        private final StateFiles states;
        /** Writes the document's new state file once the transaction committed, or null when none is written. */
        private Runnable state;

        ChangeWrites(Database database, String documentId, String connectorType, String connectorVersion, String fileName, String contentHash,
                Diff.Result result, Spill spill, io.sinter.connector.api.Geolocation geolocation, String extents, OpenRows openRows,
                Map<String, java.util.Set<String>> schema, Diff diff, RecordDigests digests, StateFiles states) {
            this.database = database;
            this.diff = diff;
            this.digests = digests;
            this.states = states;
            this.openRows = openRows;
            this.schema = schema;
            this.geolocation = geolocation;
            this.extents = extents;
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

        @Override
        public void record(Database database, java.util.function.Consumer<EntityManager> work) {
            database.run(work);
            // committed: the document carries the new stamp now; its file is written off this thread
            if (state != null) {
                states.submit(documentId, state);
            }
        }

        /**
         * The new version of an element that this changeset updates (its row, category and GUID) or its re-keyed open version
         * (row -1: row, category and GUID stay), with what its state entry needs.
         */
        private record Replacement(long row, String identifier, String checksum, String contentChecksum,
                io.sinter.core.internal.change.Fingerprint fingerprint, String category, String federationGuid) {
            static Replacement of(long row, String[] record, String federationGuid) {
                return new Replacement(row, record[1], record[5], record[6], ChangeWrites.fingerprint(record), record[3], federationGuid);
            }
        }

        /** Changesets with more new versions than this write no state file (its bookkeeping would hold them all in memory). */
        private static final int STATE_LIMIT = 200_000;

        /**
         * Gives the document a new stamp and plans its new state file, written once the transaction committed: the stored state
         * less the closed versions, with the new versions of updated and re-keyed elements, then the new elements in element id
         * order.
         *
         * @param replaced element id to its new version (updates) or its re-keyed open version (content re-matches)
         * @param added the new elements' ids, rows, spilled records and ordinals, ascending ids
         */
        private void writeState(DocumentEntity document, java.util.Set<Long> closed, Map<Long, Replacement> replaced, List<Object[]> added) {
            state = null;
            if (replaced.size() + added.size() >= STATE_LIMIT) {
                document.setStateStamp(null);
                return;
            }
            String stamp = UUID.randomUUID().toString();
            document.setStateStamp(stamp);
            state = () -> writeStateFile(stamp, closed, replaced, added);
        }

        /** Writes the file planned by {@link #writeState} (after the commit, on the state writer's thread). */
        private void writeStateFile(String stamp, java.util.Set<Long> closed, Map<Long, Replacement> replaced, List<Object[]> added) {
            StoredState.Writer file = StoredState.Writer.open(states.folder(), documentId, stamp);
            if (file == null) {
                return;
            }
            long[] words = new long[8];
            // sorted ids, not a million boxed lookups
            long[] closedIds = closed.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] replacedIds = replaced.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            for (int s = 0; s < diff.storedCount(); s++) {
                long elementId = diff.storedElementId(s);
                boolean isReplaced = replacedIds.length > 0 && java.util.Arrays.binarySearch(replacedIds, elementId) >= 0;
                if (!isReplaced && closedIds.length > 0 && java.util.Arrays.binarySearch(closedIds, elementId) >= 0) {
                    continue;
                }
                io.sinter.core.internal.change.Fingerprint fingerprint = diff.stored(s, words);
                Replacement r = isReplaced ? replaced.get(elementId) : null;
                int o = diff.storedObserved(s);
                if (digests.has(o)) {
                    file.nextRecord(digests.high(o), digests.low(o));
                }
                if (r == null) {
                    openRows.addTo(file, s, diff.storedKind(s), diff.storedIdentifier(s), diff.storedClass(s), words, fingerprint);
                } else {
                    // a re-keyed element keeps its content checksum (words 4..7); an updated one brings its own
                    Hashes.words(Hashes.bytes(r.checksum()), words, 0);
                    if (r.contentChecksum() != null) {
                        Hashes.words(Hashes.bytes(r.contentChecksum()), words, 4);
                    }
                    if (r.row() < 0) {
                        openRows.addTo(file, s, diff.storedKind(s), r.identifier(), diff.storedClass(s), words, r.fingerprint());
                    } else {
                        file.add(elementId, r.row(), diff.storedKind(s), r.identifier(), diff.storedClass(s), r.category(), r.federationGuid(),
                                words, r.fingerprint());
                    }
                }
            }
            for (Object[] a : added) {
                String[] record = (String[]) a[2];
                int o = (Integer) a[3];
                if (digests.has(o)) {
                    file.nextRecord(digests.high(o), digests.low(o));
                }
                file.add((Long) a[0], (Long) a[1], record[0], record[1], record[2], record[3], record[4], record[5], record[6],
                        fingerprint(record));
            }
            file.commit();
        }

        private ChangesetEntity write(EntityManager em, TaskEntity task, String ownerId) throws IOException {
            DocumentEntity document = em.find(DocumentEntity.class, documentId);
            IModelEntity model = em.find(IModelEntity.class, document.getIModelId());
            boolean anyChange = !result.inserts().isEmpty() || !result.updates().isEmpty() || result.deletes().length > 0
                    || !result.classChanges().isEmpty();
            Map<Long, Replacement> replaced = new java.util.HashMap<>();
            for (Diff.Rematch r : result.rematches()) {
                long row = openRows.rowOf(r.elementId());
                if (r.contentEqual() && row >= 0) {
                    // by primary key: the row ids came with the stored state
                    String[] record = spill.read(r.ordinal());
                    replaced.put(r.elementId(), new Replacement(-1, r.newIdentifier(), record[5], null, fingerprint(record), null, null));
                    io.sinter.core.internal.change.Fingerprint fingerprint = fingerprint(record);
                    em.createQuery("UPDATE ElementVersionEntity v SET v.identifier = :id, v.checksum = :c, v.fingerprintHigh = :h, "
                            + "v.fingerprintLow = :l WHERE v.id = :row").setParameter("id", r.newIdentifier()).setParameter("c", Hashes.bytes(record[5]))
                            .setParameter("h", fingerprint == null ? null : fingerprint.high())
                            .setParameter("l", fingerprint == null ? null : fingerprint.low()).setParameter("row", row).executeUpdate();
                }
            }
            document.setSkipKey(contentHash, connectorType, connectorVersion);
            Diff.Counts kept = result.counts();
            document.setElementCount((long) kept.unchanged() + kept.updated() + kept.inserted());
            if (!anyChange) {
                if (!replaced.isEmpty()) {
                    writeState(document, java.util.Set.of(), replaced, List.of());
                }
                return null;
            }
            document.setExtents(extents);
            int index = model.getChangesetCount() + 1;
            int bits = 0;
            boolean newModel = document.getModelId() == null;
            if (newModel) {
                document.setModelId(hex(model.allocateElementIds(1)));
                bits |= 16;
            }
            long modelId = Long.decode(document.getModelId());
            if (model.getElementKey() == null) {
                model.setElementKey(VersionInserter.newIModelKey(database));
            }
            long iModelKey = model.getElementKey();

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
            long closeStart = System.nanoTime();
            closeRows(em, documentId, iModelKey, closing, diff, openRows, index, previous);
            long closeNanos = System.nanoTime() - closeStart;
            long insertStart = System.nanoTime();

            // change records for the changeset id, in element id order: old ids first, then the new ones
            java.util.TreeMap<Long, List<Map<String, Object>>> oldRecords = new java.util.TreeMap<>();
            Map<String, Long> categories = new java.util.HashMap<>();
            for (String[] p : previous.values()) {
                count(categories, p[4], -1);
            }
            for (long id : result.deletes()) {
                String[] p = previous.get(id);
                oldRecords.computeIfAbsent(id, k -> new ArrayList<>()).add(change(id, "deleted", p[1], p[2], p[3]));
            }
            for (Diff.ClassChange cc : result.classChanges()) {
                String[] p = previous.get(cc.oldElementId());
                oldRecords.computeIfAbsent(cc.oldElementId(), k -> new ArrayList<>()).add(change(cc.oldElementId(), "deleted", p[1], p[2], p[3]));
            }
            boolean spatial = false;
            int versionCount = result.updates().size() + result.inserts().size() + result.classChanges().size();
            VersionInserter versions = new VersionInserter(em, versionCount,
                    VersionInserter.allocateCommitted(database, VersionInserter.SEQUENCE, versionCount));
            for (Diff.Update u : result.updates()) {
                String[] record = spill.read(u.ordinal());
                String[] p = previous.get(u.elementId());
                replaced.put(u.elementId(), Replacement.of(add(versions, iModelKey, u.elementId(), modelId, p[0], record, index), record, p[0]));
                count(categories, record[3], 1);
                oldRecords.computeIfAbsent(u.elementId(), k -> new ArrayList<>()).add(change(u.elementId(), "updated", record[2], record[1], record[5]));
                spatial |= "1".equals(record[8]);
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
            List<Object[]> added = new ArrayList<>(newOnes.size());
            for (int i = 0; i < newOnes.size(); i++) {
                String[] record = spill.read(newOnes.get(i)[0]);
                long elementId = firstId + i;
                String guid;
                if (newOnes.get(i)[1] >= 0) {
                    guid = previous.get(classChanges.get(newOnes.get(i)[1]).oldElementId())[0];
                } else {
                    guid = record[4] != null ? record[4] : UUID.randomUUID().toString();
                }
                long row = add(versions, iModelKey, elementId, modelId, guid, record, index);
                if (added.size() < ChangeWrites.STATE_LIMIT) {
                    // without body and geometry: only what the state file needs
                    added.add(new Object[] {elementId, row, new String[] {record[0], record[1], record[2], record[3], guid, record[5], record[6],
                        null, null, null, record.length > 10 ? record[10] : null}, newOnes.get(i)[0]});
                }
                count(categories, record[3], 1);
                byte[] bytes = changeRecord(elementId, "inserted", record[2], record[1], record[5]);
                sha1.update(bytes);
                size += bytes.length;
                spatial |= "1".equals(record[8]);
            }
            versions.close();
            long insertNanos = System.nanoTime() - insertStart;
            writeState(document, new java.util.HashSet<>(closing), replaced, added);
            if (spatial || result.deletes().length > 0) {
                bits |= 4;
            }
            ChangesetFacts facts = new ChangesetFacts(task, ownerId, connectorType, connectorVersion, fileName, contentHash, extents, schema,
                    geolocation, result.counts());
            long recordStart = System.nanoTime();
            ChangesetEntity changeset = recordChangeset(em, model, document, facts, index, bits, categories, Hashes.hex(sha1.digest()), parent, size);
            LoggerFactory.getLogger(Bridge.class).info("Changeset {} of document {}: {} versions closed in {} ms, {} inserted in {} ms, "
                    + "recorded in {} ms", index, documentId, closing.size(), closeNanos / 1_000_000, versionCount, insertNanos / 1_000_000,
                    (System.nanoTime() - recordStart) / 1_000_000);
            return changeset;
        }

        private long add(VersionInserter versions, long iModelKey, long elementId, long modelId, String federationGuid, String[] r, int index) {
            // r: kind, identifier, class, category, federationGuid, checksum, contentChecksum, body, placed, geometry (base64), fingerprint
            return versions.add(iModelKey, elementId, documentId, modelId, r[0], r[1], r[2], r[3], federationGuid, r[5], r[6], index, r[7],
                    r.length > 9 ? io.sinter.core.internal.change.GeometryCodec.fromBase64(r[9]) : null, fingerprint(r));
        }

        /** @return the fingerprint of a spilled record, or null */
        private static io.sinter.core.internal.change.Fingerprint fingerprint(String[] record) {
            return record.length > 10 ? io.sinter.core.internal.change.Fingerprint.parse(record[10]) : null;
        }

    }

    /** What the changeset record of a bridge task needs besides its element writes. */
    record ChangesetFacts(TaskEntity task, String ownerId, String connectorType, String connectorVersion, String fileName, String contentHash,
            String extents, Map<String, java.util.Set<String>> schema, io.sinter.connector.api.Geolocation geolocation, Diff.Counts counts) {
    }

    /**
     * Records a bridge task's changeset after its element versions were written: category counts, schema paths, the
     * iModel's changeset count, the changeset row, project extents and geolocation.
     *
     * @param bits the containing-changes bits found so far (Elements, Model)
     * @param categories element count change per category
     */
    static ChangesetEntity recordChangeset(EntityManager em, IModelEntity model, DocumentEntity document, ChangesetFacts facts, int index,
            int bits, Map<String, Long> categories, String changesetId, String parent, long size) {
        String iModelId = model.getId();
        bits |= applyCategories(em, iModelId, categories);
        bits |= applySchema(em, iModelId, facts.schema());
        model.setChangesetCount(index);
        Diff.Counts c = facts.counts();
        ChangesetEntity changeset = new ChangesetEntity(changesetId, iModelId, index, parent, facts.connectorType() + ": " + facts.fileName() + " - "
                + c.inserted() + " inserted, " + c.updated() + " updated, " + c.deleted() + " deleted", facts.ownerId(), System.currentTimeMillis(),
                bits, size, facts.task().getId(), facts.fileName(), c.inserted(), c.updated(), c.deleted()).withDocumentId(document.getId());
        em.persist(changeset);
        globalProperties(em, model, changeset, document, facts.geolocation());
        return changeset;
    }

    /**
     * @return {@code CanonicalJson.utf8(change(elementId, operation, classFullName, identifier, checksum))}, written directly
     *         (the keys in their sorted order) for the million records of a large changeset
     */
    static byte[] changeRecord(long elementId, String operation, String classFullName, String identifier, String checksum) {
        StringBuilder out = new StringBuilder(192);
        out.append("{\"checksum\":");
        CanonicalJson.append(out, checksum);
        out.append(",\"classFullName\":");
        CanonicalJson.append(out, classFullName);
        out.append(",\"elementId\":\"0x").append(Long.toHexString(elementId));
        out.append("\",\"identifier\":");
        CanonicalJson.append(out, identifier);
        out.append(",\"operation\":");
        CanonicalJson.append(out, operation);
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the change record of one element that the changeset id hashes */
    static Map<String, Object> change(long elementId, String operation, String classFullName, String identifier, String checksum) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("elementId", hex(elementId));
        record.put("operation", operation);
        record.put("classFullName", classFullName);
        record.put("identifier", identifier);
        record.put("checksum", checksum);
        return record;
    }
}
