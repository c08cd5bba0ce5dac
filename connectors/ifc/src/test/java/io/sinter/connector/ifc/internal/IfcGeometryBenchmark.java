package io.sinter.connector.ifc.internal;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Issue;
import io.sinter.connector.ifc.internal.model.IfcExtraction;
import io.sinter.connector.ifc.internal.step.StepFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints what tessellation costs: for each shared IFC model, the connector's extraction without geometry
 * ("parse only": index, decode, properties, placements) and with geometry, in MB/s and elements/s, and
 * the peak heap of one run of each. Elements are counted and dropped, as core would stream them. Not a
 * test: run it by hand,
 *
 * <pre>
 * cd connectors/ifc &amp;&amp; mvn -B -q -o test-compile &amp;&amp;
 *   java -cp target/classes:target/test-classes:../../connector-api/target/classes \
 *     io.sinter.connector.ifc.internal.IfcGeometryBenchmark [file.ifc ...]
 * </pre>
 * Without arguments it takes every well-formed {@code .ifc} of at least 100 kB under {@code ../shared/data/ifc}.
 */
public final class IfcGeometryBenchmark {
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final int MIN_ROUNDS = 5;

    private IfcGeometryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            files.add(Path.of(arg));
        }
        if (files.isEmpty()) {
            files = sharedFiles();
        }
        System.out.printf(Locale.ROOT, "Java %s, %d processors, max heap %.0f MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e6);
        for (Path file : files) {
            long bytes = Files.size(file);
            Counting counts = new Counting();
            run(file, true, counts);
            System.out.printf(Locale.ROOT, "%s: %.2f MB, %d elements, %d with geometry, %d triangles%n", file.getFileName(),
                    bytes / 1e6, counts.elements, counts.withGeometry, counts.triangles);
            report("  parse only", file, bytes, counts.elements, false);
            report("  parse + geometry", file, bytes, counts.elements, true);
        }
    }

    /** A context that counts and drops what it gets. */
    private static final class Counting implements ConnectorContext {
        long elements;
        long withGeometry;
        long triangles;

        @Override
        public void element(Element element) {
            elements++;
            Geometry geometry = element.geometry();
            if (geometry != null) {
                withGeometry++;
                for (Geometry.Mesh mesh : geometry.meshes()) {
                    triangles += mesh.triangles().length / 3;
                }
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

    private static long run(Path file, boolean geometry, Counting counts) throws Exception {
        try (StepFile step = StepFile.open(file)) {
            new IfcExtraction(step, step.schemaVersion().orElseThrow(), counts, geometry).run();
        }
        return counts.elements + counts.triangles;
    }

    private static void report(String label, Path file, long bytes, long elements, boolean geometry) throws Exception {
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; i < MIN_ROUNDS || System.nanoTime() < warmUpEnd; i++) {
            run(file, geometry, new Counting());
        }
        List<Long> nanos = new ArrayList<>();
        List<Long> cpuNanos = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long measureEnd = System.nanoTime() + MEASURE_NANOS;
        while (nanos.size() < MIN_ROUNDS || System.nanoTime() < measureEnd) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            run(file, geometry, new Counting());
            cpuNanos.add(threads.getCurrentThreadCpuTime() - cpuStart);
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        Collections.sort(cpuNanos);
        double median = nanos.get(nanos.size() / 2) / 1e9;
        double cpu = cpuNanos.get(cpuNanos.size() / 2) / 1e9;
        double peak = peakHeap(file, geometry);
        // CPU time of the extracting thread is less disturbed than wall time when other processes share the cores
        System.out.printf(Locale.ROOT, "%-20s wall %8.2f ms, cpu %8.2f ms: %6.1f MB/s  %8.0f elements/s (by cpu)  peak heap %6.1f MB"
                + "  (%d rounds)%n", label, median * 1e3, cpu * 1e3, bytes / 1e6 / cpu, elements / cpu, peak / 1e6, nanos.size());
    }

    /** @return the peak heap in use during one run, after a collection (sum of the heap pools' peaks) */
    private static double peakHeap(Path file, boolean geometry) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        run(file, geometry, new Counting());
        return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<Path> sharedFiles() throws IOException {
        String property = System.getProperty("sinter.shared.dir");
        Path shared = property != null ? Path.of(property) : Path.of("../../../shared");
        Path data = shared.toAbsolutePath().normalize().resolve("data").resolve("ifc");
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(path -> path.toString().endsWith(".ifc"))
                    .filter(path -> !path.startsWith(data.resolve("malformed")))
                    .filter(path -> size(path) >= 100_000)
                    .filter(IfcGeometryBenchmark::supported)
                    .sorted().toList();
        }
    }

    private static boolean supported(Path path) {
        try (StepFile step = StepFile.open(path)) {
            return step.schemaVersion().isPresent() && new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .stripTrailing().endsWith("END-ISO-10303-21;");
        } catch (Exception e) {
            return false;
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
