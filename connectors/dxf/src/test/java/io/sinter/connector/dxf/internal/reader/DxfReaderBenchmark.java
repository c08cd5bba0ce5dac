package io.sinter.connector.dxf.internal.reader;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.SourceFile;
import io.sinter.connector.dxf.internal.DxfConnector;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Throughput of the DXF connector, not a test (the build runs no {@code *Benchmark}). For the drawing
 * {@code ../shared/data/dxf/drawings/uncommon.dxf} and for a generated ASCII DXF of at least 200 MB (that drawing's
 * ENTITIES replicated with fresh unique handles, written to {@code target/dxf-benchmark/}) it measures, as the median
 * of 3 runs after one warm-up run:
 * <ol>
 * <li>pairs: the group-code pair reader alone ({@link DxfPairReader#next()} to the end; values parsed and typed);</li>
 * <li>records: {@link DxfReader} with a visitor that does nothing (sections, tables, blocks, entity records);</li>
 * <li>full: {@link DxfConnector#extract} into a no-op {@link ConnectorContext}: elements with properties and
 * geometry in metres, as the server gets them.</li>
 * </ol>
 * It prints MB/s (10^6 bytes), entities/s (top-level entities of the file) and the peak heap in use during the runs
 * of each step. Small files are read repeatedly within a run (at least 1 s per run).
 *
 * <pre>
 * connectors/dxf/benchmark.sh [MB] [source.dxf]
 * java -cp target/classes:target/test-classes:CONNECTOR_API_JAR io.sinter.connector.dxf.internal.reader.DxfReaderBenchmark [MB] [source.dxf] [--synthetic]
 * </pre>
 *
 * {@code --synthetic} adds the earlier in-memory measurement of a generated 100 000-entity drawing (LINE, CIRCLE,
 * LWPOLYLINE, TEXT), ASCII and binary.
 */
public final class DxfReaderBenchmark {
    private static final int RUNS = 3;
    private static final long MIN_RUN_NANOS = 1_000_000_000L;

    private DxfReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = 200;
        String shared = System.getProperty("sinter.shared.dir", "../../../shared");
        Path source = Path.of(shared, "data", "dxf", "drawings", "uncommon.dxf");
        boolean synthetic = false;
        for (String arg : args) {
            if (arg.equals("--synthetic")) {
                synthetic = true;
            } else if (arg.matches("\\d+")) {
                megabytes = Long.parseLong(arg);
            } else {
                source = Path.of(arg);
            }
        }
        System.out.printf(Locale.ROOT, "DXF benchmark: Java %s, %d processors, max heap %d MiB; median of %d runs after"
                + " 1 warm-up%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, RUNS);
        Path generated = Path.of("target", "dxf-benchmark", "replicated-" + megabytes + "MB-"
                + source.getFileName().toString());
        if (!Files.isRegularFile(generated) || Files.size(generated) < megabytes * 1_000_000L) {
            long start = System.nanoTime();
            long copies = Replicator.write(source, generated, megabytes * 1_000_000L);
            System.out.printf(Locale.ROOT, "generated %s: %d copies of the ENTITIES of %s, %.1f MB in %.1f s%n",
                    generated, copies, source.getFileName(), Files.size(generated) / 1e6,
                    (System.nanoTime() - start) / 1e9);
        }
        for (Path file : List.of(source, generated)) {
            benchmark(file);
        }
        if (synthetic) {
            byte[] ascii = syntheticDrawing(100_000);
            inMemory("generated ASCII drawing, 100000 entities (in memory)", ascii);
            inMemory("generated binary drawing, 100000 entities (in memory)",
                    BinaryDxfWriter.convert(ascii, true, StandardCharsets.UTF_8));
        }
    }

    private static void benchmark(Path file) throws Exception {
        long size = Files.size(file);
        long entities = new DxfReader().read(input(file), entity -> { }).entityCount();
        System.out.printf(Locale.ROOT, "%n%s: %.2f MB, %d top-level entities%n", file, size / 1e6, entities);
        System.out.println("  step      MB/s      entities/s   s/read   peak heap MiB");
        measure("pairs", size, entities, () -> {
            long pairs = 0;
            try (DxfPairReader reader = DxfPairReader.open(input(file))) {
                while (reader.next()) {
                    pairs += reader.code();
                }
            }
            return pairs;
        });
        measure("records", size, entities, () -> new DxfReader().read(input(file), entity -> { }).entityCount());
        DxfConnector connector = new DxfConnector();
        SourceFile sourceFile = new SourceFile("benchmark", file.getFileName().toString(), "DXF", file, size,
                "sha256:0", List.of(), Map.of());
        measure("full", size, entities, () -> {
            NoOpContext context = new NoOpContext();
            connector.extract(sourceFile, context);
            return context.elements + context.vertices;
        });
    }

    private interface Work {
        long run() throws Exception;
    }

    private static void measure(String step, long bytes, long entities, Work work) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long sink = timedRun(work)[1];
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        double[] rates = new double[RUNS];
        double[] secondsPerRead = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long[] result = timedRun(work);
            sink += result[1];
            double seconds = result[0] / 1e9 / result[2];
            secondsPerRead[i] = seconds;
            rates[i] = bytes / 1e6 / seconds;
        }
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        Arrays.sort(rates);
        Arrays.sort(secondsPerRead);
        double seconds = secondsPerRead[RUNS / 2];
        System.out.printf(Locale.ROOT, "  %-8s %7.1f %14.0f %8.3f %11d%s%n", step, rates[RUNS / 2], entities / seconds,
                seconds, peak >> 20, sink == Long.MIN_VALUE ? " " : "");
    }

    /** @return nanoseconds, the work's result and the number of reads (repeated up to at least a second) */
    private static long[] timedRun(Work work) throws Exception {
        long start = System.nanoTime();
        long sink = 0;
        long reads = 0;
        do {
            sink += work.run();
            reads++;
        } while (System.nanoTime() - start < MIN_RUN_NANOS);
        return new long[] {System.nanoTime() - start, sink, reads};
    }

    private static InputStream input(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The connector's output is counted and dropped. */
    private static final class NoOpContext implements ConnectorContext {
        long elements;
        long vertices;

        @Override
        public void element(Element element) {
            elements++;
            Geometry geometry = element.geometry();
            if (geometry != null) {
                geometry.meshes().forEach(mesh -> vertices += mesh.vertices().length);
                geometry.polylines().forEach(line -> vertices += line.points().length);
            }
        }

        @Override
        public void declareClass(ClassDefinition definition) {
        }

        @Override
        public void units(String unitName, double metresPerUnit) {
        }

        @Override
        public void geolocation(Geolocation geolocation) {
        }

        @Override
        public void issue(Issue issue) {
        }

        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }

    /**
     * Writes a large ASCII DXF from a real one: everything up to the ENTITIES section's body as it is, then the body
     * again and again with every handle (group 5) of an entity replaced by a fresh one above the source's largest,
     * then the rest ({@code ENDSEC}, OBJECTS, {@code EOF}).
     */
    static final class Replicator {
        private Replicator() {
        }

        /** @return the number of copies of the ENTITIES body written */
        static long write(Path source, Path target, long minBytes) throws IOException {
            String text = new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1);
            String[] lines = text.split("\r?\n", -1);
            int bodyStart = -1;
            int bodyEnd = -1;
            long maxHandle = 0;
            for (int i = 0; i + 1 < lines.length; i += 2) {
                String code = lines[i].trim();
                String value = lines[i + 1].trim();
                if (code.equals("5") || code.equals("105")) {
                    maxHandle = Math.max(maxHandle, HandleSet.parse(value));
                }
                if (code.equals("2") && value.equals("ENTITIES") && i >= 2 && lines[i - 1].trim().equals("SECTION")) {
                    bodyStart = i + 2;
                } else if (bodyStart >= 0 && bodyEnd < 0 && code.equals("0") && value.equals("ENDSEC")) {
                    bodyEnd = i;
                }
            }
            if (bodyStart < 0 || bodyEnd < 0) {
                throw new IOException(source + " has no complete ENTITIES section");
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            long handle = Math.max(maxHandle, 0xFFFF) + 1;
            long copies = 0;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
                for (int i = 0; i < bodyStart; i++) {
                    line(out, lines[i]);
                }
                long written = 0;
                long bodyBytes = 0;
                for (int i = bodyStart; i < bodyEnd; i++) {
                    bodyBytes += lines[i].length() + 1;
                }
                long rest = text.length() - bodyBytes;
                while (written + rest < minBytes || copies == 0) {
                    for (int i = bodyStart; i < bodyEnd; i += 2) {
                        line(out, lines[i]);
                        if (lines[i].trim().equals("5")) {
                            String fresh = Long.toHexString(handle++).toUpperCase(Locale.ROOT);
                            line(out, fresh);
                            written += lines[i].length() + fresh.length() + 2;
                        } else {
                            line(out, lines[i + 1]);
                            written += lines[i].length() + lines[i + 1].length() + 2;
                        }
                    }
                    copies++;
                }
                for (int i = bodyEnd; i < lines.length; i++) {
                    if (i == lines.length - 1 && lines[i].isEmpty()) {
                        break;
                    }
                    line(out, lines[i]);
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return copies;
        }

        private static void line(OutputStream out, String line) throws IOException {
            out.write(line.getBytes(StandardCharsets.ISO_8859_1));
            out.write('\n');
        }
    }

    private static void inMemory(String name, byte[] bytes) throws Exception {
        long entities = new DxfReader().read(new ByteArrayInputStream(bytes), entity -> { }).entityCount();
        System.out.printf(Locale.ROOT, "%n%s: %.2f MB, %d entities%n", name, bytes.length / 1e6, entities);
        System.out.println("  step      MB/s      entities/s   s/read   peak heap MiB");
        measure("records", bytes.length, entities,
                () -> new DxfReader().read(new ByteArrayInputStream(bytes), entity -> { }).entityCount());
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
