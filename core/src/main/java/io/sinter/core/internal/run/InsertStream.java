package io.sinter.core.internal.run;

import io.sinter.core.internal.change.Hashes;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.store.DocumentEntity;
import io.sinter.core.internal.store.IModelEntity;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The inserts of a bridge task whose document has no stored elements yet (its first sync), written while
 * the connector still reads: a writer thread opens the task's one transaction, inserts the elements in
 * batches as the connector hands them over, and at the end runs the unit of work that records the task
 * ({@link #finish}) in the same transaction, so the task still commits all or nothing. The connector's
 * thread and the database each get a core instead of taking turns.
 *
 * <p>The writer changes no entity until {@link #finish}: element ids, the model id and the iModel's
 * counters are kept in fields and applied at the end, so the rows of the iModel and the document are not
 * locked while the connector runs (the task's own thread reads them meanwhile). A stream that is not
 * finished is {@link #abort aborted}: its transaction rolls back and nothing of it stays.
 */
final class InsertStream {
    /** One new element, as the connector context prepared it. */
    record Pending(String kind, String identifier, String classFullName, String category, String federationGuid, String checksum,
            String contentChecksum, String body, boolean placed, byte[] geometry, io.sinter.core.internal.change.Fingerprint fingerprint,
            long[] recordDigest) {
    }

    /** A {@link Pending} element prepared for the insert on the connector's thread: its id, federation GUID and body bytes. */
    private record Row(long elementId, Pending element, String federationGuid, byte[] body, byte[] checksum, byte[] contentChecksum) {
    }

    /** What the writer learns when it opens its transaction and the connector's thread needs to number the elements. */
    private record Start(String parent, long firstElementId) {
    }

    /** Thrown to the connector's thread when the writer failed; the task ends in error and writes nothing. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(Throwable cause) {
            super("the changes could not be written: " + cause, cause);
        }
    }

    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(InsertStream.class);
    private static final int BATCH = 1000;
    private static final List<Row> END = new ArrayList<>(0);

    private final Database database;
    private final String documentId;
    private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(8);
    private final CompletableFuture<Start> started = new CompletableFuture<>();
    private final CompletableFuture<Consumer<EntityManager>> finisher = new CompletableFuture<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread writer;
    private volatile boolean aborted;
    /** Nanoseconds the writer waited for elements, and the connector's thread for room in the queue (for the log). */
    private long writerWaited;
    private volatile long readerWaited;
    private final long gcAtStart = gcMillis();
    private List<Row> batch = new ArrayList<>(BATCH);

    // the changeset's bookkeeping, kept by the connector's thread (add); read by apply on the writer's thread after
    // end() handed over the last batch (the queue orders the two)
    private final Map<String, Long> categories = new HashMap<>();
    private final MessageDigest sha1 = Bridge.sha1();
    private final RandomGuids guids = new RandomGuids();
    private Start start;
    private long nextElementId;
    private long inserted;
    private long size;
    private boolean spatial;

    // the writer's own
    /** Where the document's state file goes, and the stamp that the document gets with the changeset. */
    private final java.nio.file.Path stateFolder;
    private final String stamp = UUID.randomUUID().toString();
    /** Written by the writer thread; committed or discarded after it is done. */
    private StoredState.Writer state;
    private boolean stateOpened;
    private int index;
    private long modelId = -1;
    private Long iModelKey;

    /** Starts the writer thread and its transaction. */
    InsertStream(Database database, String documentId, String taskId, java.nio.file.Path stateFolder) {
        this.database = database;
        this.documentId = documentId;
        this.stateFolder = stateFolder;
        this.writer = new Thread(this::write, "sinter-write-" + taskId);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Hands one new element to the writer (in file order), waiting while it is behind.
     *
     * @throws Failed when the writer failed
     */
    void add(Pending element) {
        if (start == null) {
            start = start();
            sha1.update(start.parent().getBytes(StandardCharsets.UTF_8));
            nextElementId = start.firstElementId();
        }
        // the changeset's bookkeeping here, so the writer's thread does nothing but the database's work
        long elementId = nextElementId++;
        String guid = element.federationGuid() != null ? element.federationGuid() : guids.next();
        byte[] record = Bridge.changeRecord(elementId, "inserted", element.classFullName(), element.identifier(), element.checksum());
        sha1.update(record);
        size += record.length;
        categories.merge(element.category(), 1L, Long::sum);
        spatial |= element.placed();
        inserted++;
        batch.add(new Row(elementId, element, guid, element.body().getBytes(StandardCharsets.UTF_8), Hashes.bytes(element.checksum()),
                Hashes.bytes(element.contentChecksum())));
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Hands over what is left; the writer then waits for {@link #finish}. */
    void end() {
        hand(batch);
        batch = new ArrayList<>(0);
        hand(END);
    }

    /** @return the writer's start, once its transaction is open */
    private Start start() {
        while (true) {
            try {
                return started.get(100, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                failure();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failed(e);
            } catch (ExecutionException e) {
                throw new Failed(e.getCause());
            }
        }
    }

    private void hand(List<Row> elements) {
        long waitStart = System.nanoTime();
        try {
            while (!queue.offer(elements, 100, TimeUnit.MILLISECONDS)) {
                failure();
            }
            readerWaited += System.nanoTime() - waitStart;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(e);
        }
        failure();
    }

    private void failure() {
        if (done.isCompletedExceptionally()) {
            try {
                done.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw new Failed(e.getCause());
            }
        }
    }

    /**
     * Runs {@code work} (which calls {@link #apply}) after the last insert in the writer's transaction and commits.
     *
     * @throws RuntimeException what the writer or {@code work} threw; the transaction is rolled back then
     */
    void finish(Consumer<EntityManager> work) {
        finisher.complete(work);
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IllegalStateException("interrupted while the changes were written", e);
        } catch (ExecutionException e) {
            discardState();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        // committed: the document carries the new stamp now
        if (state != null) {
            state.commit();
        }
    }

    private void discardState() {
        if (state != null) {
            state.discard();
        }
    }

    /** Rolls the writer's transaction back and waits until it has; nothing inserted stays. Idempotent. */
    void abort() {
        aborted = true;
        finisher.completeExceptionally(new IllegalStateException("aborted"));
        queue.clear();
        queue.offer(END);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        discardState();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        try {
            database.run(em -> {
                VersionInserter versions = null;
                try {
                    begin(em);
                    while (true) {
                        long waitStart = System.nanoTime();
                        List<Row> elements = queue.take();
                        writerWaited += System.nanoTime() - waitStart;
                        if (aborted) {
                            throw new IllegalStateException("aborted");
                        }
                        if (elements == END) {
                            break;
                        }
                        if (!elements.isEmpty() && versions == null) {
                            versions = new VersionInserter(em, database);
                        }
                        for (Row row : elements) {
                            insert(versions, row);
                        }
                    }
                    if (versions != null) {
                        versions.close();
                        versions = null;
                    }
                    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                    LOGGER.info("{} elements of document {} inserted while the connector read; the writer used {} ms of CPU and waited {} ms "
                            + "for elements, the connector waited {} ms for the writer; {} ms of garbage collection meanwhile", inserted, documentId,
                            threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() / 1_000_000 : -1, writerWaited / 1_000_000,
                            readerWaited / 1_000_000, gcMillis() - gcAtStart);
                    Consumer<EntityManager> work = finisher.get();
                    work.accept(em);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("aborted", e.getCause());
                } finally {
                    if (versions != null) {
                        versions.abandon();
                    }
                }
            });
            done.complete(null);
        } catch (Throwable e) {
            started.completeExceptionally(e);
            done.completeExceptionally(e);
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private void begin(EntityManager em) {
        DocumentEntity document = em.find(DocumentEntity.class, documentId);
        IModelEntity model = em.find(IModelEntity.class, document.getIModelId());
        String parent = Bridge.parentId(em, model);
        index = model.getChangesetCount() + 1;
        iModelKey = model.getElementKey();
        // what allocateElementIds would hand out, without changing the entity before finish
        long next = model.allocateElementIds(0);
        if (document.getModelId() == null) {
            modelId = next++;
        } else {
            modelId = Long.decode(document.getModelId());
        }
        started.complete(new Start(parent, next));
    }

    private void insert(VersionInserter versions, Row row) {
        if (iModelKey == null) {
            iModelKey = VersionInserter.newIModelKey(database);
        }
        Pending p = row.element();
        long id = versions.add(iModelKey, row.elementId(), documentId, modelId, p.kind(), p.identifier(), p.classFullName(), p.category(), row.federationGuid(),
                row.checksum(), row.contentChecksum(), index, row.body(), p.geometry(), p.fingerprint());
        if (!stateOpened) {
            stateOpened = true;
            state = StoredState.Writer.open(stateFolder, documentId, stamp);
        }
        if (state != null) {
            if (p.recordDigest() != null) {
                state.nextRecord(p.recordDigest()[0], p.recordDigest()[1]);
            }
            state.add(row.elementId(), id, p.kind(), p.identifier(), p.classFullName(), p.category(), row.federationGuid(), row.checksum(),
                    row.contentChecksum(), p.fingerprint());
        }
    }

    /**
     * The writes of the finished stream, called by the unit of work given to {@link #finish} (on the writer's thread,
     * in its transaction): applies the element ids, model id and iModel key to the entities and records the changeset.
     *
     * @return the changeset, or null when the connector produced no element
     */
    ChangesetEntity apply(EntityManager em, Bridge.ChangesetFacts facts) {
        DocumentEntity document = em.find(DocumentEntity.class, documentId);
        IModelEntity model = em.find(IModelEntity.class, document.getIModelId());
        document.setSkipKey(facts.contentHash(), facts.connectorType(), facts.connectorVersion());
        document.setElementCount(inserted);
        document.setStateStamp(state != null ? stamp : null);
        if (inserted == 0) {
            return null;
        }
        document.setExtents(facts.extents());
        int bits = 0;
        if (document.getModelId() == null) {
            document.setModelId(Bridge.hex(modelId));
            bits |= 16;
        }
        model.allocateElementIds(nextElementId - model.allocateElementIds(0));
        if (model.getElementKey() == null) {
            model.setElementKey(iModelKey);
        }
        if (spatial) {
            bits |= 4;
        }
        return Bridge.recordChangeset(em, model, document, facts, index, bits, categories, Hashes.hex(sha1.digest()), start.parent(), size);
    }
}
