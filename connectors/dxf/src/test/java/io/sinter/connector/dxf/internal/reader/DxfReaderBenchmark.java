package io.sinter.connector.dxf.internal.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Throughput of {@link DxfReader}, not a test: reads the largest DXF of {@code ../shared/data/dxf} (or the file given
 * as argument) from memory repeatedly and prints MB/s and entities/s; then the same for a generated 100 000-entity
 * drawing, ASCII and binary, because the shared files are small.
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes io.sinter.connector.dxf.internal.reader.DxfReaderBenchmark [file.dxf]
 * </pre>
 */
public final class DxfReaderBenchmark {
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 5_000_000_000L;

    private DxfReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : largestSharedDxf();
        byte[] bytes = Files.readAllBytes(file);
        measure(file.toString(), bytes);
        byte[] synthetic = syntheticDrawing(100_000);
        measure("generated ASCII drawing, 100000 entities", synthetic);
        measure("generated binary drawing, 100000 entities",
                BinaryDxfWriter.convert(synthetic, true, StandardCharsets.UTF_8));
    }

    private static Path largestSharedDxf() throws IOException {
        Path dxf = SharedDxfFilesTest.dataDir().resolve("dxf");
        try (Stream<Path> files = Files.walk(dxf)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dxf"))
                    .max(Comparator.comparingLong(DxfReaderBenchmark::size))
                    .orElseThrow(() -> new IOException("no DXF file under " + dxf.toAbsolutePath()));
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void measure(String name, byte[] bytes) throws Exception {
        long[] entities = new long[1];
        DxfReader reader = new DxfReader();
        long firstStart = System.nanoTime();
        long total = reader.read(new ByteArrayInputStream(bytes), entity -> entities[0] += 1 + entity.children().size())
                .entityCount();
        long firstNanos = System.nanoTime() - firstStart;
        runFor(reader, bytes, WARM_UP_NANOS);
        long start = System.nanoTime();
        int runs = runFor(reader, bytes, MEASURE_NANOS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double megabytes = bytes.length / 1e6 * runs;
        System.out.printf(Locale.ROOT, "%s%n  %.2f MB, %d entities (%d with sub-entities); first read %.1f ms%n"
                + "  %d reads in %.1f s: %.1f MB/s, %.0f entities/s (%.2f ms per read)%n",
                name, bytes.length / 1e6, total, entities[0], firstNanos / 1e6, runs, seconds, megabytes / seconds,
                total * runs / seconds, seconds * 1000 / runs);
    }

    private static int runFor(DxfReader reader, byte[] bytes, long nanos) throws Exception {
        long end = System.nanoTime() + nanos;
        int runs = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += reader.read(new ByteArrayInputStream(bytes), entity -> { }).entityCount();
            runs++;
        }
        if (sink < 0) {
            throw new AssertionError();
        }
        return runs;
    }

    /** A plausible R2018 drawing: LINE, CIRCLE, LWPOLYLINE and TEXT in turn, coordinates with 12 decimals. */
    static byte[] syntheticDrawing(int entityCount) {
        StringBuilder dxf = new StringBuilder(entityCount * 200);
        pairs(dxf, 0, "SECTION", 2, "HEADER", 9, "$ACADVER", 1, "AC1032", 9, "$INSUNITS", 70, "6", 0, "ENDSEC");
        pairs(dxf, 0, "SECTION", 2, "ENTITIES");
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < entityCount; i++) {
            String handle = Integer.toHexString(0x100 + i).toUpperCase(Locale.ROOT);
            pairs(dxf, 0, new String[] {"LINE", "CIRCLE", "LWPOLYLINE", "TEXT"}[i % 4], 5, handle, 330, "1F",
                    100, "AcDbEntity", 8, "Layer" + (i % 16));
            switch (i % 4) {
                case 0 -> pairs(dxf, 100, "AcDbLine", 10, c(random), 20, c(random), 30, "0.0", 11, c(random),
                        21, c(random), 31, "0.0");
                case 1 -> pairs(dxf, 100, "AcDbCircle", 10, c(random), 20, c(random), 30, "0.0", 40, c(random));
                case 2 -> {
                    pairs(dxf, 100, "AcDbPolyline", 90, "4", 70, "1");
                    for (int v = 0; v < 4; v++) {
                        pairs(dxf, 10, c(random), 20, c(random));
                    }
                }
                default -> pairs(dxf, 100, "AcDbText", 10, c(random), 20, c(random), 30, "0.0", 40, "2.5",
                        1, "Room " + i + " \\U+00B2");
            }
        }
        pairs(dxf, 0, "ENDSEC", 0, "EOF");
        return dxf.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String c(SplittableRandom random) {
        return String.format(Locale.ROOT, "%.12f", random.nextDouble(-100_000, 100_000));
    }

    private static void pairs(StringBuilder dxf, Object... codesAndValues) {
        for (int i = 0; i < codesAndValues.length; i += 2) {
            dxf.append(String.format(Locale.ROOT, "%3d", (Integer) codesAndValues[i])).append('\n')
                    .append(codesAndValues[i + 1]).append('\n');
        }
    }
}
