package io.sinter.core.internal.run;

import io.sinter.core.internal.change.Diff;
import io.sinter.core.internal.change.Fingerprint;
import io.sinter.core.internal.change.Hashes;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What change detection reads of a document's open versions, kept in a file per document
 * ({@code data/state/<document id>.state}) so that a re-run does not query a million rows: per element its id, the row id of
 * its open version, kind, identifier, class, checksum, content checksum, fingerprint, federation GUID, category and the
 * digest of the source record it came from (only kept here), in element id order. What the writes of a changeset need of
 * the versions it closes comes from here too, so they read no version row.
 *
 * <p>The database stays the truth. A file counts only while the stamp in it equals the document's {@code STATE_STAMP}, which
 * every transaction that changes the document's versions renews (a new random stamp: a restored database or a rolled-back
 * transaction can never match a file written for another state). A file is written beside its place (by a first sync's
 * writer while its transaction runs, by {@link StateFiles} after a re-run's transaction committed) and moved into place only
 * after that commit; without a file, with another stamp or with a damaged file the state is read from the database as before.
 */
final class StoredState {
    private static final Logger LOGGER = LoggerFactory.getLogger(StoredState.class);
    private static final int MAGIC = 0x53535432;
    private static final byte ENTRY = 1;
    private static final byte NAME = 2;
    private static final byte END = 3;
    /** How an entry's federation GUID follows its fingerprint: not known, as a UUID's two longs, as text. */
    private static final byte GUID_NONE = 0;
    private static final byte GUID_UUID = 1;
    private static final byte GUID_TEXT = 2;
    private static final int BUFFER = 1 << 20;
    /** The most bytes of one record: an identifier and a GUID have at most 1,024 chars, 3 bytes each in UTF-8. */
    private static final int MAX_RECORD = 8 * 1024 + 160;

    private StoredState() {
    }

    /** @return the file of document {@code documentId} in {@code folder} */
    static Path file(Path folder, String documentId) {
        return folder.resolve(documentId + ".state");
    }

    /**
     * Deletes the files of documents that have no stamp (gone, unmapped, or never written) and unfinished files.
     *
     * @param stamped the ids of the documents that have a stamp
     */
    static void clean(Path folder, java.util.Set<String> stamped) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> {
                String name = f.getFileName().toString();
                if (!name.endsWith(".state") || !stamped.contains(name.substring(0, name.length() - ".state".length()))) {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        LOGGER.warn("Cannot delete the unused stored state file {}: {}", f, e.toString());
                    }
                }
            });
        } catch (IOException e) {
            LOGGER.warn("Cannot list the stored state folder {}: {}", folder, e.toString());
        }
    }

    /** Puts the two SHA-256 checksums into {@code words[0..3]} and {@code words[4..7]}, most significant first. */
    static void words(byte[] checksum, byte[] contentChecksum, long[] words) {
        Hashes.words(checksum, words, 0);
        Hashes.words(contentChecksum, words, 4);
    }

    /** A document's stored state as read from its file. */
    record Loaded(Diff diff, Bridge.OpenRows openRows) {
    }

    /**
     * @return the state in the document's file, or null when there is none for {@code stamp} (no file, another stamp, a
     *         damaged file: the caller reads the database)
     */
    static Loaded load(Path folder, String documentId, String stamp) {
        if (stamp == null) {
            return null;
        }
        Path file = file(folder, documentId);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            Reader reader = new Reader(in);
            if (reader.buffer(8).getInt() != MAGIC || !stamp.equals(reader.text())) {
                return null;
            }
            // the entry count at the end sizes the tables at once (no copying while they grow to a million)
            int expected = 0;
            ByteBuffer tail = ByteBuffer.allocate(5);
            if (in.size() > 5 && in.read(tail, in.size() - 5) == 5 && tail.get(0) == END) {
                // an entry takes at least 100 bytes: a damaged count cannot ask for more room than the file could fill
                expected = (int) Math.max(0, Math.min(tail.getInt(1), in.size() / 100));
            }
            Diff diff = new Diff(expected);
            Bridge.OpenRows openRows = new Bridge.OpenRows(expected);
            List<String> names = new ArrayList<>();
            long[] words = new long[8];
            int count = 0;
            while (true) {
                ByteBuffer b = reader.buffer(MAX_RECORD);
                byte tag = b.get();
                if (tag == END) {
                    if (b.getInt() != count) {
                        throw new IOException("the entry count at the end does not match");
                    }
                    return new Loaded(diff, openRows);
                } else if (tag == NAME) {
                    names.add(reader.text());
                } else if (tag == ENTRY) {
                    long elementId = b.getLong();
                    long row = b.getLong();
                    String kind = names.get(b.getInt());
                    String classFullName = names.get(b.getInt());
                    String identifier = reader.text();
                    b = reader.buffer(8 * 8 + 17 + 17);
                    for (int i = 0; i < 8; i++) {
                        words[i] = b.getLong();
                    }
                    Fingerprint fingerprint = b.get() == 1 ? new Fingerprint(b.getLong(), b.getLong()) : null;
                    byte guid = b.get();
                    long guidHigh = 0;
                    long guidLow = 0;
                    String guidText = null;
                    if (guid == GUID_UUID) {
                        guidHigh = b.getLong();
                        guidLow = b.getLong();
                    } else if (guid == GUID_TEXT) {
                        guidText = reader.text();
                    }
                    b = reader.buffer(4 + 17);
                    int category = b.getInt();
                    String categoryName = category < 0 ? null : names.get(category);
                    boolean record = b.get() == 1;
                    long recordHigh = record ? b.getLong() : 0;
                    long recordLow = record ? b.getLong() : 0;
                    diff.stored(elementId, kind, identifier, classFullName, words, fingerprint);
                    if (record) {
                        diff.storedRecord(count, recordHigh, recordLow);
                    }
                    if (guid == GUID_UUID) {
                        openRows.add(elementId, row, guidHigh, guidLow, categoryName);
                    } else {
                        openRows.add(elementId, row, guidText, categoryName);
                    }
                    count++;
                } else {
                    throw new IOException("unknown record " + tag);
                }
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            // BufferUnderflowException, IndexOutOfBounds (a damaged file), IllegalArgumentException from the diff
            LOGGER.warn("The stored state file {} cannot be used ({}); the state is read from the database", file, e.toString());
            return null;
        }
    }

    /** Reads a file through one buffer of {@value #BUFFER} bytes. */
    private static final class Reader {
        private final FileChannel in;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).limit(0);
        private boolean eof;

        Reader(FileChannel in) {
            this.in = in;
        }

        /** @return the buffer with at least {@code bytes} bytes remaining, or all that is left of the file */
        ByteBuffer buffer(int bytes) throws IOException {
            if (buffer.remaining() < bytes && !eof) {
                buffer.compact();
                while (buffer.position() < bytes && !eof) {
                    eof = in.read(buffer) < 0;
                }
                buffer.flip();
            }
            return buffer;
        }

        String text() throws IOException {
            int length = buffer(4).getInt();
            if (length < 0 || length > MAX_RECORD) {
                throw new IOException("a text of " + length + " bytes");
            }
            ByteBuffer b = buffer(length);
            if (b.remaining() < length) {
                throw new BufferUnderflowException();
            }
            String text = new String(b.array(), b.position(), length, StandardCharsets.UTF_8);
            b.position(b.position() + length);
            return text;
        }
    }

    /**
     * Writes a document's new state next to its file; {@link #commit} moves it into place once the transaction that renewed
     * the document's stamp committed, {@link #discard} drops it. Entries must come in element id order. A writer never fails
     * its task: when the file cannot be written (disk full, an identifier longer than the database takes) it is dropped
     * and the next run reads the database.
     */
    static final class Writer {
        private final Path target;
        private final Path temporary;
        private final FileChannel out;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        private final Map<String, Integer> names = new HashMap<>();
        private final long[] words = new long[8];
        private final long[] guid = new long[2];
        /** The record digest of the next entry, when {@link #record}. */
        private boolean record;
        private long recordHigh;
        private long recordLow;
        private int count;
        private boolean closed;
        /** Why the file will not be used, or null. */
        private String broken;

        /** @return a writer of the document's state, or null when its file cannot be created (the state then stays in the database) */
        static Writer open(Path folder, String documentId, String stamp) {
            try {
                return new Writer(folder, documentId, stamp);
            } catch (IOException e) {
                LOGGER.warn("The stored state of document {} cannot be written to {} ({}); the next run reads the database", documentId, folder,
                        e.toString());
                return null;
            }
        }

        private Writer(Path folder, String documentId, String stamp) throws IOException {
            Files.createDirectories(folder);
            this.target = file(folder, documentId);
            this.temporary = folder.resolve(documentId + ".state.tmp");
            this.out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            buffer.putInt(MAGIC);
            text(stamp);
        }

        /** Gives the next entry added the digest of the source record it was made from. */
        void nextRecord(long high, long low) {
            record = true;
            recordHigh = high;
            recordLow = low;
        }

        /** Adds an element with its checksums as their 32 bytes each. */
        void add(long elementId, long row, String kind, String identifier, String classFullName, String category, String federationGuid,
                byte[] checksum, byte[] contentChecksum, Fingerprint fingerprint) {
            if (broken != null) {
                return;
            }
            words(checksum, contentChecksum, words);
            add(elementId, row, kind, identifier, classFullName, category, federationGuid, words, fingerprint);
        }

        /** Adds an element with its checksums in hex (64 digits each). */
        void add(long elementId, long row, String kind, String identifier, String classFullName, String category, String federationGuid,
                String checksum, String contentChecksum, Fingerprint fingerprint) {
            if (broken != null) {
                return;
            }
            add(elementId, row, kind, identifier, classFullName, category, federationGuid, Hashes.bytes(checksum), Hashes.bytes(contentChecksum),
                    fingerprint);
        }

        /**
         * Adds an element with its checksum in {@code checksums[0..3]} and its content checksum in {@code checksums[4..7]}.
         *
         * @param federationGuid the version's GUID, or null when not known
         */
        void add(long elementId, long row, String kind, String identifier, String classFullName, String category, String federationGuid,
                long[] checksums, Fingerprint fingerprint) {
            if (broken != null) {
                return;
            }
            boolean uuid = Uuids.parse(federationGuid, guid);
            add(elementId, row, kind, identifier, classFullName, category, uuid ? null : federationGuid, uuid, guid[0], guid[1], checksums,
                    fingerprint);
        }

        /**
         * Adds an element with its checksums as in {@link #add(long, long, String, String, String, String, String, long[], Fingerprint)}
         * and its federation GUID either as a UUID's bits ({@code uuid}) or as {@code federationGuid} (null: not known).
         */
        void add(long elementId, long row, String kind, String identifier, String classFullName, String category, String federationGuid,
                boolean uuid, long guidHigh, long guidLow, long[] checksums, Fingerprint fingerprint) {
            if (broken != null) {
                return;
            }
            if (identifier.length() > 1024 || classFullName.length() > 1024 || kind.length() > 1024
                    || category != null && category.length() > 1024 || federationGuid != null && federationGuid.length() > 1024) {
                broken = "an identifier, kind, class, category or GUID of more than 1,024 characters";
                return;
            }
            try {
                int kindCode = name(kind);
                int classCode = name(classFullName);
                int categoryCode = category == null ? -1 : name(category);
                room(MAX_RECORD);
                buffer.put(ENTRY).putLong(elementId).putLong(row).putInt(kindCode).putInt(classCode);
                text(identifier);
                for (int i = 0; i < 8; i++) {
                    buffer.putLong(checksums[i]);
                }
                if (fingerprint == null) {
                    buffer.put((byte) 0);
                } else {
                    buffer.put((byte) 1).putLong(fingerprint.high()).putLong(fingerprint.low());
                }
                if (uuid) {
                    buffer.put(GUID_UUID).putLong(guidHigh).putLong(guidLow);
                } else if (federationGuid == null) {
                    buffer.put(GUID_NONE);
                } else {
                    buffer.put(GUID_TEXT);
                    text(federationGuid);
                }
                buffer.putInt(categoryCode);
                if (record) {
                    buffer.put((byte) 1).putLong(recordHigh).putLong(recordLow);
                    record = false;
                } else {
                    buffer.put((byte) 0);
                }
                count++;
            } catch (IOException e) {
                broken = e.toString();
            }
        }

        private int name(String name) throws IOException {
            Integer code = names.get(name);
            if (code == null) {
                code = names.size();
                names.put(name, code);
                room(MAX_RECORD);
                buffer.put(NAME);
                text(name);
            }
            return code;
        }

        private void text(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            buffer.putInt(bytes.length).put(bytes);
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            buffer.clear();
        }

        /** Ends the file and moves it into place; a failure only leaves the state to be read from the database. */
        void commit() {
            if (broken != null) {
                LOGGER.warn("The stored state file {} was not written ({}); the next run reads the state from the database", target, broken);
                discard();
                return;
            }
            try {
                room(8);
                buffer.put(END).putInt(count);
                flush();
                out.close();
                closed = true;
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOGGER.warn("The stored state file {} could not be written ({}); the next run reads the state from the database", target, e.toString());
                discard();
            }
        }

        /** Drops the file being written (the transaction rolled back). */
        void discard() {
            try {
                if (!closed) {
                    out.close();
                    closed = true;
                }
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // a temporary file; the next writer of the document truncates it
            }
        }
    }
}
