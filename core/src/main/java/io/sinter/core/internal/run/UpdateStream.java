package io.sinter.core.internal.run;

import io.sinter.core.internal.change.Fingerprint;
import io.sinter.core.internal.persistence.Database;
import io.sinter.core.internal.store.DocumentEntity;
import io.sinter.core.internal.store.IModelEntity;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The updates of a re-run, written while the connector still reads: as the diff finds an element updated, the writer
 * thread inserts its new version and adds the end of its old one, in the task's one transaction. The rest of the
 * changeset (deletes, new elements, class changes, re-keyed elements, the changeset itself) is written after the pass
 * by the unit of work given to {@link #finish}, in the same transaction. Only what the diff decided when it saw the
 * element is streamed; content re-matching at the end never turns an update found by identifier into anything else,
 * and the caller checks that.
 */
final class UpdateStream extends WriteStream<UpdateStream.Update> {
    /** The new version of an updated element and the row of its open version. */
    record Update(long elementId, long oldRow, String federationGuid, String kind, String identifier, String classFullName, String category,
            String checksum, String contentChecksum, String body, byte[] geometry, Fingerprint fingerprint) {
    }

    private static final org.slf4j.Logger LOGGER = org.slf4j.LoggerFactory.getLogger(UpdateStream.class);
    private static final int BATCH = 500;

    private final Database database;
    private final String documentId;
    // the connector's thread's
    private List<Update> batch = new ArrayList<>(BATCH);
    private final Set<Long> streamed = new HashSet<>();
    // the writer's (read by the unit of work of finish, on the writer's thread)
    private final Map<Long, Long> rows = new HashMap<>();
    private VersionInserter versions;
    private int index;
    private long iModelKey;
    private long modelId;
    private long writeNanos;

    /** Starts the writer thread and its transaction. */
    UpdateStream(Database database, String documentId, String taskId) {
        super(database, "sinter-update-" + taskId);
        this.database = database;
        this.documentId = documentId;
        start();
    }

    /**
     * Hands one updated element to the writer, waiting while it is behind.
     *
     * @throws Failed when the writer failed
     */
    void add(Update update) {
        streamed.add(update.elementId());
        batch.add(update);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Hands over what is left; the writer then waits for {@link #finish}. */
    void end() {
        hand(batch);
        batch = new ArrayList<>(0);
        handEnd();
    }

    /** @return the ids of the elements handed over (on the connector's thread, after {@link #end}) */
    Set<Long> streamed() {
        return streamed;
    }

    /** @return element id to the row of its new version (in the unit of work of {@link #finish}) */
    Map<Long, Long> rows() {
        return rows;
    }

    /** @return the changeset index the new versions start at */
    int index() {
        return index;
    }

    @Override
    protected void begin(EntityManager em) {
        DocumentEntity document = em.find(DocumentEntity.class, documentId);
        IModelEntity model = em.find(IModelEntity.class, document.getIModelId());
        // one run per iModel and its tasks one after another: nobody else adds a changeset meanwhile
        index = model.getChangesetCount() + 1;
        iModelKey = model.getElementKey();
        modelId = Long.decode(document.getModelId());
    }

    @Override
    protected void write(EntityManager em, List<Update> updates) {
        long t0 = System.nanoTime();
        if (versions == null) {
            versions = new VersionInserter(em, database);
        }
        long[][] ends = new long[updates.size()][];
        for (int i = 0; i < ends.length; i++) {
            Update u = updates.get(i);
            long row = versions.add(iModelKey, u.elementId(), documentId, modelId, u.kind(), u.identifier(), u.classFullName(), u.category(),
                    u.federationGuid(), u.checksum(), u.contentChecksum(), index, u.body(), u.geometry(), u.fingerprint());
            rows.put(u.elementId(), row);
            ends[i] = new long[] {u.oldRow(), u.elementId()};
        }
        try {
            Bridge.addEnds(em.unwrap(java.sql.Connection.class), iModelKey, ends, index);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot close the element versions of document " + documentId, e);
        }
        writeNanos += System.nanoTime() - t0;
    }

    @Override
    protected void written(EntityManager em) {
        if (versions != null) {
            versions.close();
            versions = null;
        }
        LOGGER.info("{} updated elements of document {} written while the connector read ({} ms); the writer waited {} ms for them, "
                + "the connector {} ms for the writer", rows.size(), documentId, writeNanos / 1_000_000, writerWaited() / 1_000_000,
                readerWaited() / 1_000_000);
    }

    @Override
    protected void abandon() {
        if (versions != null) {
            versions.abandon();
            versions = null;
        }
    }
}
