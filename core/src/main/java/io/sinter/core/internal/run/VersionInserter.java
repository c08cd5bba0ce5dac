package io.sinter.core.internal.run;

import io.sinter.core.internal.change.Fingerprint;
import io.sinter.core.internal.change.Hashes;
import io.sinter.core.internal.persistence.Database;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Inserts the element versions of one changeset with plain JDBC batches on the connection of the
 * EntityManager's active transaction, so they commit or roll back with the rest of the changeset.
 * Going around the persistence context saves its per-entity bookkeeping (clone, change set, flush,
 * detach) for what can be a million rows.
 *
 * <p>Row ids come in one block ({@link #allocateCommitted}) from the same row of {@code SINTER_ID} that the entity's
 * {@code TableGenerator} uses ({@code NEXT_ID} is raised by the block size; the block is
 * {@code (old, new]}, as EclipseLink allocates), so ids stay unique whichever way a version is
 * written. Portable SQL only (Derby and PostgreSQL).
 */
final class VersionInserter implements AutoCloseable {
    static final String SEQUENCE = "ELEMENT_VERSION";
    /** The {@code SINTER_ID} row that numbers iModels for column IMODEL_KEY. */
    static final String IMODEL_KEYS = "IMODEL_KEY";
    private static final int BATCH = 1000;
    private static final String INSERT = "INSERT INTO SINTER_ELEMENT (ID, IMODEL_KEY, ELEMENT_ID, DOCUMENT_ID, MODEL_ID, KIND, IDENTIFIER, "
            + "CLASS_NAME, CATEGORY, FEDERATION_GUID, CHECKSUM, CONTENT_CHECKSUM, FROM_IDX, BODY, BODY_LOB, GEOMETRY, "
            + "FINGERPRINT_HI, FINGERPRINT_LO) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Row ids a streaming inserter takes at a time. */
    private static final int BLOCK = 10_000;

    private final PreparedStatement insert;
    /** Where further row ids come from when the count was not known in advance, else null. */
    private final Database database;
    private long nextId;
    private long endId;
    private int pending;

    /**
     * Flushes the persistence context, allocates {@code count} row ids and prepares the insert.
     *
     * @param count how many versions will be added, exactly or at most
     */
    VersionInserter(EntityManager em, int count, long last) {
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        try {
            this.nextId = last - count + 1;
            this.endId = last + 1;
            this.database = null;
            this.insert = connection.prepareStatement(INSERT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the element insert", e);
        }
    }

    /**
     * Prepares the insert for a number of versions not known in advance: row ids are allocated in blocks of
     * {@value #BLOCK}, each committed at once ({@link #allocateCommitted}); ids not used leave a gap.
     */
    VersionInserter(EntityManager em, Database database) {
        em.flush();
        Connection connection = em.unwrap(Connection.class);
        try {
            this.database = database;
            this.insert = connection.prepareStatement(INSERT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the element insert", e);
        }
    }

    /**
     * Raises the {@code SINTER_ID} row {@code name} by {@code count} (creating it when missing) in the current transaction.
     *
     * @return the last number of the block of {@code count} numbers allocated
     */
    static long allocate(Connection connection, String name, long count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE SINTER_ID SET NEXT_ID = NEXT_ID + ? WHERE NAME = ?")) {
            update.setLong(1, count);
            update.setString(2, name);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement create = connection.prepareStatement("INSERT INTO SINTER_ID (NAME, NEXT_ID) VALUES (?, ?)")) {
                    create.setString(1, name);
                    create.setLong(2, count);
                    create.executeUpdate();
                }
                return count;
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT NEXT_ID FROM SINTER_ID WHERE NAME = ?")) {
            select.setString(1, name);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Allocates {@code count} numbers of the {@code SINTER_ID} row {@code name} in a short transaction of its own,
     * committed at once. The long write transaction of a changeset then holds no lock on {@code SINTER_ID}, so
     * two runs writing to different iModels never wait for each other (Derby gives up after 60 s); a changeset
     * that rolls back leaves a gap in the numbers, nothing else.
     *
     * @return the last number of the block
     */
    static long allocateCommitted(Database database, String name, long count) {
        return database.inTransaction(em -> {
            try {
                return allocate(em.unwrap(Connection.class), name, count);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot allocate " + count + " numbers of " + name, e);
            }
        });
    }

    /** @return a new iModel key (a committed number of its own) */
    static long newIModelKey(Database database) {
        return allocateCommitted(database, IMODEL_KEYS, 1);
    }

    /**
     * Adds an open version from changeset {@code fromIndex}; geometry and fingerprint may be null.
     *
     * @return the version's row id
     */
    long add(long iModelKey, long elementId, String documentId, long modelId, String kind, String identifier, String classFullName,
            String category, String federationGuid, String checksum, String contentChecksum, int fromIndex, String body, byte[] geometry,
            Fingerprint fingerprint) {
        return add(iModelKey, elementId, documentId, modelId, kind, identifier, classFullName, category, federationGuid,
                Hashes.bytes(checksum), Hashes.bytes(contentChecksum), fromIndex, body.getBytes(StandardCharsets.UTF_8), geometry,
                fingerprint);
    }

    /**
     * As {@link #add(long, long, String, long, String, String, String, String, String, String, String, int, String, byte[], Fingerprint)}
     * with the checksums as their 32 bytes and the body in UTF-8.
     */
    long add(long iModelKey, long elementId, String documentId, long modelId, String kind, String identifier, String classFullName,
            String category, String federationGuid, byte[] checksum, byte[] contentChecksum, int fromIndex, byte[] bytes, byte[] geometry,
            Fingerprint fingerprint) {
        if (nextId >= endId) {
            if (database == null) {
                throw new IllegalStateException("more element versions than ids allocated");
            }
            endId = allocateCommitted(database, SEQUENCE, BLOCK) + 1;
            nextId = endId - BLOCK;
        }
        long id = nextId++;
        try {
            insert.setLong(1, id);
            insert.setLong(2, iModelKey);
            insert.setLong(3, elementId);
            insert.setString(4, documentId);
            insert.setLong(5, modelId);
            insert.setString(6, kind);
            insert.setString(7, identifier);
            insert.setString(8, classFullName);
            insert.setString(9, category);
            insert.setString(10, federationGuid);
            insert.setBytes(11, checksum);
            insert.setBytes(12, contentChecksum);
            insert.setInt(13, fromIndex);
            boolean small = bytes.length <= ElementVersionEntity.BODY_LIMIT;
            insert.setBytes(14, small ? bytes : null);
            insert.setString(15, small ? null : new String(bytes, StandardCharsets.UTF_8));
            insert.setBytes(16, geometry);
            if (fingerprint == null) {
                insert.setNull(17, Types.BIGINT);
                insert.setNull(18, Types.BIGINT);
            } else {
                insert.setLong(17, fingerprint.high());
                insert.setLong(18, fingerprint.low());
            }
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert element versions", e);
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    /** Closes the statement without executing the pending batch: the transaction is about to roll back. */
    void abandon() {
        try {
            insert.close();
        } catch (SQLException ignored) {
            // rolled back anyway
        }
    }

    /** Executes the last batch and closes the statement (not the connection: the transaction goes on). */
    @Override
    public void close() {
        try (insert) {
            flush();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert element versions", e);
        }
    }
}
