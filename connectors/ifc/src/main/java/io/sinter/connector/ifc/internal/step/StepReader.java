package io.sinter.connector.ifc.internal.step;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads an ISO 10303-21 file front to back, one decoded entity instance at a time, for input that cannot
 * be revisited (an {@code .ifczip} entry, a network stream) or when every instance is wanted once. Holds
 * one instance at a time plus the ids and lines seen so far (16 to 28 bytes per instance) to report
 * duplicate ids. For random access by id use {@link StepFile}.
 *
 * <pre>{@code
 * try (StepReader reader = new StepReader(in)) {
 *     String schema = reader.header().schemaIdentifier();
 *     for (StepInstance instance; (instance = reader.next()) != null; ) { ... }
 * }
 * }</pre>
 *
 * <p>After a {@link StepSyntaxException} or {@link IOException} the reader is unusable: further calls
 * throw the same exception again. Not thread-safe.
 */
public final class StepReader implements Closeable {

    private final Closeable input;
    private final StepParser parser;
    private final StepHeader header;
    private final InstanceIndex seen = new InstanceIndex(false);
    private Exception failure;

    /** Reads the header from {@code in}; {@link #close()} closes {@code in}. */
    public StepReader(InputStream in) throws IOException, StepSyntaxException {
        this(in, ByteSource.of(in));
    }

    private StepReader(Closeable input, ByteSource source) throws IOException, StepSyntaxException {
        this.input = input;
        this.parser = new StepParser(new StepLexer(source, StepLexer.DEFAULT_BUFFER_SIZE), new NameTable(), seen);
        try {
            this.header = parser.readHeader();
        } catch (IOException | StepSyntaxException | RuntimeException | Error e) {
            closeQuietly(input, e);
            throw e;
        }
    }

    /** Opens {@code file} and reads its header. */
    public static StepReader open(Path file) throws IOException, StepSyntaxException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new StepReader(channel, ByteSource.of(channel));
    }

    /** @return the HEADER section */
    public StepHeader header() {
        return header;
    }

    /**
     * @return the next instance in file order, or {@code null} after the last one once the file has been
     *     read to {@code END-ISO-10303-21;}
     */
    public StepInstance next() throws IOException, StepSyntaxException {
        rethrowFailure();
        try {
            return parser.nextInstance() ? parser.readBody() : null;
        } catch (IOException | StepSyntaxException e) {
            failure = e;
            throw e;
        }
    }

    /** @return number of instances read so far */
    public int count() {
        return seen.size();
    }

    @Override
    public void close() throws IOException {
        input.close();
    }

    private void rethrowFailure() throws IOException, StepSyntaxException {
        if (failure instanceof StepSyntaxException e) {
            throw e;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
    }

    private static void closeQuietly(Closeable input, Throwable cause) {
        try {
            input.close();
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }
}
