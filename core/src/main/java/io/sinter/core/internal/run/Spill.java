package io.sinter.core.internal.run;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The connector's output of one task, written to a temporary file in file order so that a million
 * elements never sit in memory: each record is a few strings, addressed by its ordinal.
 *
 * <p>Reads go through a buffer that is kept between calls, so reading records in ordinal order (the
 * common case: inserts and updates are written in file order) costs one file read per 64 KiB, not a
 * system call per field.
 */
final class Spill implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final DataOutputStream out;
    private long[] offsets = new long[1024];
    private int count;
    private long position;
    private FileChannel in;
    private ByteBuffer buffer;
    /** File offset of {@code buffer}'s first byte; its content runs to {@code buffer.limit()}. */
    private long bufferStart;

    Spill(Path folder) throws IOException {
        Files.createDirectories(folder);
        this.file = Files.createTempFile(folder, "task", ".spill");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }

    /** Appends record {@code ordinal} (must be the next one) without fields, in no bytes of the file. */
    void write(int ordinal) throws IOException {
        if (ordinal != count) {
            throw new IllegalStateException("ordinal " + ordinal + " written out of order; expected " + count);
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        offsets[count++] = EMPTY;
    }

    /** The offset of a record without fields. */
    private static final long EMPTY = -1;

    /** Appends record {@code ordinal} (must be the next one). */
    void write(int ordinal, String... fields) throws IOException {
        if (fields.length == 0) {
            write(ordinal);
            return;
        }
        if (ordinal != count) {
            throw new IllegalStateException("ordinal " + ordinal + " written out of order; expected " + count);
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        offsets[count++] = position;
        out.writeInt(fields.length);
        position += 4;
        for (String field : fields) {
            if (field == null) {
                out.writeInt(-1);
                position += 4;
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
                position += 4 + bytes.length;
            }
        }
    }

    /** @return the fields of record {@code ordinal} */
    String[] read(int ordinal) throws IOException {
        if (in == null) {
            out.flush();
            in = FileChannel.open(file, StandardOpenOption.READ);
            buffer = ByteBuffer.allocate(BUFFER);
            buffer.limit(0);
        }
        long offset = offsets[ordinal];
        if (offset == EMPTY) {
            return new String[0];
        }
        if (offset >= bufferStart && offset <= bufferStart + buffer.limit()) {
            buffer.position((int) (offset - bufferStart));
        } else {
            bufferStart = offset;
            buffer.clear().limit(0);
        }
        String[] fields = new String[readInt()];
        for (int i = 0; i < fields.length; i++) {
            int length = readInt();
            if (length >= 0) {
                ensure(length);
                fields[i] = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
                buffer.position(buffer.position() + length);
            }
        }
        return fields;
    }

    private int readInt() throws IOException {
        ensure(4);
        return buffer.getInt();
    }

    /** Makes {@code bytes} bytes available from the buffer's position, refilling (and growing) it as needed. */
    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        bufferStart += buffer.position();
        buffer.compact();
        if (bytes > buffer.capacity()) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(bytes, 2 * buffer.capacity()));
            buffer.flip();
            larger.put(buffer);
            buffer = larger;
        }
        while (buffer.position() < bytes) {
            if (in.read(buffer, bufferStart + buffer.position()) < 0) {
                throw new EOFException("the spill file ends inside a record");
            }
        }
        buffer.flip();
    }

    int size() {
        return count;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
            if (in != null) {
                in.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
