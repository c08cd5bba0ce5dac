package io.sinter.connector.ifc.internal.step;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

/**
 * An ISO 10303-21 file indexed by instance id, with attributes decoded on demand.
 *
 * <p>{@link #open} reads the whole file once, checking its syntax completely, and records for every
 * entity instance its id, upper-case type, byte offset, byte length and line, in primitive arrays (32 to
 * 44 bytes per instance: a file of a million instances costs 32 to 44 MB). Nothing else is kept: each
 * {@link #instance(long)} call reads that instance's bytes again and decodes them. Instances may be
 * written in any order and reference instances defined later.
 *
 * <p>Index queries are safe from any thread; {@link #instance(long)} is serialised (decoding reuses one
 * buffer and parser). Close the file to release its channel.
 */
public final class StepFile implements Closeable {

    private static final int READ_WINDOW = 1 << 16;

    private final Path path;
    private final FileChannel channel;
    private final StepHeader header;
    private final InstanceIndex index;
    /** Type names by code as indexed; decoding may add names to the parser's table, never to these. */
    private final String[] typeNames;
    private final Map<String, Integer> typeCodes = new HashMap<>();
    private final StepLexer decodeLexer = new StepLexer();
    private final StepParser decodeParser;
    /** Bytes of the file from {@code windowStart}, so that decoding in file order rarely reads. */
    private byte[] window = new byte[READ_WINDOW];
    private long windowStart;
    private int windowLength;

    private StepFile(Path path, FileChannel channel, StepHeader header, InstanceIndex index, NameTable types) {
        this.path = path;
        this.channel = channel;
        this.header = header;
        this.index = index;
        this.typeNames = new String[types.size()];
        for (int code = 0; code < typeNames.length; code++) {
            typeNames[code] = types.name(code);
            typeCodes.put(typeNames[code], code);
        }
        this.decodeParser = new StepParser(decodeLexer, types, null);
    }

    /**
     * Opens and indexes {@code file}.
     *
     * @throws StepSyntaxException if the file is not a complete, well-formed ISO 10303-21 file
     */
    public static StepFile open(Path file) throws IOException, StepSyntaxException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            NameTable types = new NameTable();
            InstanceIndex index = new InstanceIndex(true);
            StepParser parser = new StepParser(
                    new StepLexer(ByteSource.of(channel), 4 * StepLexer.DEFAULT_BUFFER_SIZE), types, index);
            StepHeader header = parser.readHeader();
            while (parser.nextInstance()) {
                parser.skipBody();
            }
            index.trimToSize();
            return new StepFile(file, channel, header, index, types);
        } catch (IOException | StepSyntaxException | RuntimeException | Error e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** @return the file this was opened from */
    public Path path() {
        return path;
    }

    /** @return the HEADER section */
    public StepHeader header() {
        return header;
    }

    /** @return the first FILE_SCHEMA identifier as written, such as {@code IFC4X3_ADD2} */
    public String schemaIdentifier() {
        return header.schemaIdentifier();
    }

    /** @return the IFC schema family of the file, or empty when the schema is not one Sinter reads */
    public Optional<IfcSchemaVersion> schemaVersion() {
        return header.schemaVersion();
    }

    /** @return number of entity instances */
    public int instanceCount() {
        return index.size();
    }

    /** @return whether an instance {@code #id} is defined */
    public boolean contains(long id) {
        return index.slotOf(id) >= 0;
    }

    /**
     * @return the upper-case entity type of {@code #id}; for a complex instance the part names joined by
     *     {@code '+'}
     */
    public Optional<String> typeOf(long id) {
        int slot = index.slotOf(id);
        return slot < 0 ? Optional.empty() : Optional.of(typeNames[index.type(slot)]);
    }

    /** @return the 1-based line on which {@code #id} is defined */
    public OptionalInt lineOf(long id) {
        int slot = index.slotOf(id);
        return slot < 0 ? OptionalInt.empty() : OptionalInt.of(index.line(slot));
    }

    /** @return all instance ids in file order */
    public LongStream ids() {
        return StreamSupport.longStream(new Ids(-1), false);
    }

    /** @return ids of the instances of exactly {@code type} (no subtypes), compared without case, in file order */
    public LongStream idsOfType(String type) {
        Integer code = typeCodes.get(type.toUpperCase(Locale.ROOT));
        if (code == null) {
            return LongStream.empty();
        }
        return StreamSupport.longStream(new Ids(code), false);
    }

    /**
     * The ids of the slots, or of those of one type, in file order: iterating a stream over this
     * spliterator costs one call per id (a mapped and filtered range costs a buffered pipeline).
     */
    private final class Ids implements Spliterator.OfLong {
        private final int type;
        private final int end = index.size();
        private int next;

        /** @param type the type code of the slots to take, or -1 for all */
        Ids(int type) {
            this.type = type;
        }

        @Override
        public boolean tryAdvance(LongConsumer action) {
            while (next < end) {
                int slot = next++;
                if (type < 0 || index.type(slot) == type) {
                    action.accept(index.id(slot));
                    return true;
                }
            }
            return false;
        }

        @Override
        public Spliterator.OfLong trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return end - next;
        }

        @Override
        public int characteristics() {
            return ORDERED | NONNULL | IMMUTABLE | (type < 0 ? SIZED | SUBSIZED : 0);
        }
    }

    /** @return number of instances per entity type, sorted by type name */
    public Map<String, Integer> countsByType() {
        int[] counts = new int[typeNames.length];
        for (int slot = 0; slot < index.size(); slot++) {
            counts[index.type(slot)]++;
        }
        Map<String, Integer> byType = new TreeMap<>();
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > 0) {
                byType.put(typeNames[code], counts[code]);
            }
        }
        return byType;
    }

    /**
     * Reads and decodes {@code #id}.
     *
     * @throws NoSuchElementException if no instance {@code #id} is defined; check {@link #contains} or use
     *     {@link #find} for ids taken from references in the file
     * @throws IOException if the file cannot be read, or changed since it was indexed
     */
    public StepInstance instance(long id) throws IOException, StepSyntaxException {
        int slot = index.slotOf(id);
        if (slot < 0) {
            throw new NoSuchElementException("no instance #" + id + " in " + path);
        }
        return decode(slot, id);
    }

    /** @return the decoded instance {@code #id}, or empty if it is not defined */
    public Optional<StepInstance> find(long id) throws IOException, StepSyntaxException {
        int slot = index.slotOf(id);
        return slot < 0 ? Optional.empty() : Optional.of(decode(slot, id));
    }

    private synchronized StepInstance decode(int slot, long id) throws IOException, StepSyntaxException {
        int length = index.length(slot);
        long offset = index.offset(slot);
        if (offset < windowStart || offset + length > windowStart + windowLength) {
            readWindow(offset, length);
        }
        int from = (int) (offset - windowStart);
        decodeLexer.reset(window, from, from + length, offset, index.line(slot));
        StepInstance instance = decodeParser.readInstance();
        if (instance.id() != id) {
            throw new IOException(path + " changed since it was indexed: found #" + instance.id()
                    + " where #" + id + " was");
        }
        return instance;
    }

    private void readWindow(long offset, int length) throws IOException {
        // start half a window before the instance: references point backwards as often as forwards
        // (points before the faces that use them), so both stay in the window
        long start = Math.max(0, offset - READ_WINDOW / 2);
        int needed = (int) (offset - start) + length;
        int size = Math.max(needed, READ_WINDOW);
        if (window.length < size) {
            window = new byte[size];
        }
        ByteBuffer target = ByteBuffer.wrap(window, 0, size);
        windowStart = start;
        windowLength = 0;
        while (target.position() < needed) {
            if (channel.read(target, start + target.position()) < 0) {
                throw new EOFException(path + " is shorter than when it was indexed");
            }
        }
        windowLength = target.position();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
