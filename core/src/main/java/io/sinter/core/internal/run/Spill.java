package io.sinter.core.internal.run;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The connector's output of one task, written to a temporary file in file order so that a million
 * elements never sit in memory: each record is a few strings, addressed by its ordinal.
 */
final class Spill implements Closeable {
    private final Path file;
    private final DataOutputStream out;
    private long[] offsets = new long[1024];
    private int count;
    private long position;
    private RandomAccessFile in;

    Spill(Path folder) throws IOException {
        Files.createDirectories(folder);
        this.file = Files.createTempFile(folder, "task", ".spill");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** Appends record {@code ordinal} (must be the next one). */
    void write(int ordinal, String... fields) throws IOException {
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
            in = new RandomAccessFile(file.toFile(), "r");
        }
        in.seek(offsets[ordinal]);
        String[] fields = new String[in.readInt()];
        for (int i = 0; i < fields.length; i++) {
            int length = in.readInt();
            if (length >= 0) {
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                fields[i] = new String(bytes, StandardCharsets.UTF_8);
            }
        }
        return fields;
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
