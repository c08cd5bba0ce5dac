package io.sinter.connector.ifc.internal;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Geometry;
import io.sinter.connector.api.Issue;
import io.sinter.connector.ifc.internal.model.IfcExtraction;
import io.sinter.connector.ifc.internal.step.StepFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The Java side of the web-ifc comparison ({@code benchmark/run.sh}): for each file, "parse" (index the
 * file and decode every instance, what web-ifc's OpenModel plus GetLine on every line does) and "parse +
 * geometry" (the connector's full extraction with geometry into a context that counts and drops the
 * elements), in wall time (median of the rounds), MB/s and entities/s (entity instances of the file per
 * second; process CPU time besides, steadier on a shared machine); the peak heap of one full extraction (heap in use just before a collection, and the most left
 * after one). With {@code --webifc results.tsv} (the output of
 * {@code bench-webifc.mjs}) it prints both side by side with the ratios against issue 4's targets.
 *
 * <pre>
 * java -Xmx&lt;file size&gt; -cp target/classes:target/test-classes:../../connector-api/target/classes \
 *   io.sinter.connector.ifc.internal.IfcComparisonBenchmark [--webifc results.tsv] file.ifc ...
 * </pre>
 * Files under 50 MB are warmed up and measured for a few seconds; larger ones are run {@code -Dbench.largeRounds}
 * times each way (default 3, no warm-up: the JIT is warm from the smaller files when they come first).
 */
public final class IfcComparisonBenchmark {
    private static final long LARGE = 50_000_000L;
    private static final long BUDGET_NANOS = 3_000_000_000L;
    private static final int MIN_ROUNDS = 5;
    private static final int LARGE_ROUNDS = Integer.getInteger("bench.largeRounds", 3);
    private static final AtomicLong LIVE_AFTER_GC = new AtomicLong();
    private static final AtomicLong USED_BEFORE_GC = new AtomicLong();

    private IfcComparisonBenchmark() {
    }

    /** What was measured on one file by one reader. */
    private record Result(String file, long bytes, long entities, double parseSeconds, double geometrySeconds,
            long elements, long triangles, double peakHeap, double peakLive, double parseCpu, double geometryCpu) {
    }

    public static void main(String[] args) throws Exception {
        Path webIfc = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--webifc")) {
                webIfc = Path.of(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        watchCollections();
        System.out.printf(Locale.ROOT, "Java %s, %d processors, max heap %.0f MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e6);
        List<Result> ours = new ArrayList<>();
        for (Path file : files) {
            Result result = measure(file);
            ours.add(result);
            System.out.printf(Locale.ROOT, "sinter  %s: parse %.3f s, parse+geometry %.3f s, %d elements, %d triangles,"
                    + " peak heap %.1f MB (live %.1f MB)%n", file.getFileName(), result.parseSeconds(), result.geometrySeconds(),
                    result.elements(), result.triangles(), result.peakHeap() / 1e6, result.peakLive() / 1e6);
        }
        Map<String, Result> theirs = webIfc == null ? Map.of() : readWebIfc(webIfc);
        table(ours, theirs);
    }

    private static Result measure(Path file) throws Exception {
        long bytes = Files.size(file);
        long entities = count(file);
        double[] parse = median(file, bytes, () -> parse(file));
        double[] geometry = median(file, bytes, () -> extract(file, new Counting()));
        // one more full extraction alone, for its peak heap
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        LIVE_AFTER_GC.set(0);
        USED_BEFORE_GC.set(0);
        Runtime runtime = Runtime.getRuntime();
        Counting counts = new Counting();
        extract(file, counts);
        // heap use peaks just before a collection; what is in use at the end counts too
        double peak = Math.max(USED_BEFORE_GC.get(), runtime.totalMemory() - runtime.freeMemory());
        double live = LIVE_AFTER_GC.get();
        return new Result(file.getFileName().toString(), bytes, entities, parse[0], geometry[0], counts.elements, counts.triangles,
                peak, live, parse[1], geometry[1]);
    }

    /** In a method of its own, so that no frame keeps the index alive once counted. */
    private static long count(Path file) throws Exception {
        try (StepFile step = StepFile.open(file)) {
            return step.instanceCount();
        }
    }

    /** Index and decode every instance; returns the attribute count so that the work is done. */
    private static long parse(Path file) throws Exception {
        long attributes = 0;
        try (StepFile step = StepFile.open(file)) {
            for (PrimitiveIterator.OfLong ids = step.ids().iterator(); ids.hasNext(); ) {
                attributes += step.instance(ids.nextLong()).attributes().size();
            }
        }
        return attributes;
    }

    private static long extract(Path file, Counting counts) throws Exception {
        try (StepFile step = StepFile.open(file)) {
            new IfcExtraction(step, step.schemaVersion().orElseThrow(), counts, true).run();
        }
        return counts.elements + counts.triangles;
    }

    private interface Run {
        long run() throws Exception;
    }

    /** @return median wall seconds and median process CPU seconds (all threads, GC and JIT included) */
    private static double[] median(Path file, long bytes, Run run) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        boolean large = bytes >= LARGE;
        if (!large) {
            long warmUpEnd = System.nanoTime() + BUDGET_NANOS;
            for (int i = 0; i < MIN_ROUNDS || System.nanoTime() < warmUpEnd; i++) {
                run.run();
            }
        }
        List<Long> nanos = new ArrayList<>();
        List<Long> cpuNanos = new ArrayList<>();
        long end = System.nanoTime() + BUDGET_NANOS;
        do {
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            run.run();
            cpuNanos.add(os.getProcessCpuTime() - cpuStart);
            nanos.add(System.nanoTime() - start);
        } while (large ? nanos.size() < LARGE_ROUNDS : nanos.size() < MIN_ROUNDS || System.nanoTime() < end);
        Collections.sort(nanos);
        Collections.sort(cpuNanos);
        return new double[] {nanos.get(nanos.size() / 2) / 1e9, cpuNanos.get(cpuNanos.size() / 2) / 1e9};
    }

    /** Records the most heap still in use after any collection. */
    private static void watchCollections() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    LIVE_AFTER_GC.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc(), heapPools), Math::max);
                    USED_BEFORE_GC.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc(), heapPools), Math::max);
                }
            }, null, null);
        }
    }

    private static long heapUsed(Map<String, MemoryUsage> usage, Set<String> heapPools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : usage.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    private static Map<String, Result> readWebIfc(Path tsv) throws Exception {
        Map<String, Result> results = new HashMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            if (f.length < 11) {
                continue;
            }
            String name = Path.of(f[0]).getFileName().toString();
            results.put(name, new Result(name, Long.parseLong(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Double.parseDouble(f[8]) * 1e6, Double.NaN,
                    Double.parseDouble(f[9]), Double.parseDouble(f[10])));
        }
        return results;
    }

    private static void table(List<Result> ours, Map<String, Result> theirs) {
        System.out.println();
        String row = "%-24s %-7s %7s %8s | %7s %7s %7s %10s | %7s %7s %7s %10s | %6s %9s %9s%n";
        System.out.printf(Locale.ROOT, row, "file", "reader", "MB", "entities", "parse s", "cpu s", "MB/s", "entities/s",
                "+geom s", "cpu s", "MB/s", "entities/s", "meshes", "triangles", "peak MB");
        for (Result our : ours) {
            print(row, our, "sinter", String.format(Locale.ROOT, "%.0f/%.0f", our.peakHeap() / 1e6, our.peakLive() / 1e6));
            Result their = theirs.get(our.file());
            if (their != null) {
                print(row, their, "web-ifc", String.format(Locale.ROOT, "rss %.0f", their.peakHeap() / 1e6));
                System.out.printf(Locale.ROOT, "%-24s %-7s %7s %8s | wall %6.2fx  cpu %6.2fx %10s | wall %6.2fx  cpu %6.2fx %10s |%n",
                        "", "ratio", "", "", their.parseSeconds() / our.parseSeconds(), their.parseCpu() / our.parseCpu(), "",
                        their.geometrySeconds() / our.geometrySeconds(), their.geometryCpu() / our.geometryCpu(), "");
            }
        }
        System.out.printf(Locale.ROOT, "meshes: products with geometry. peak MB: sinter = most heap in use during one full extraction"
                + " (just before a collection, garbage included) / most left after a collection (an upper bound of what is live:"
                + " young collections leave old garbage), in a heap of at most %.0f MB; web-ifc = the node process's max RSS so far.%n",
                Runtime.getRuntime().maxMemory() / 1e6);
        Result large = ours.stream().max((a, b) -> Long.compare(a.bytes(), b.bytes())).orElse(null);
        if (large != null && large.bytes() >= LARGE && theirs.containsKey(large.file())) {
            Result their = theirs.get(large.file());
            double parse = their.parseSeconds() / large.parseSeconds();
            double geometry = their.geometrySeconds() / large.geometrySeconds();
            double parseCpu = their.parseCpu() / large.parseCpu();
            double geometryCpu = their.geometryCpu() / large.geometryCpu();
            System.out.printf(Locale.ROOT, "%nTargets on %s (%.0f MB), throughput ratio sinter / web-ifc by wall time (by CPU time):%n",
                    large.file(), large.bytes() / 1e6);
            System.out.printf(Locale.ROOT, "  parse                            %5.2fx (%5.2fx)  target >= 1.5x  %s%n", parse, parseCpu,
                    parse >= 1.5 ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "  parse+geometry                   %5.2fx (%5.2fx)  target >= 1.0x  %s%n", geometry, geometryCpu,
                    geometry >= 1.0 ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "  peak heap / file size            %5.2f   (target <= 1.0)  %s%n",
                    large.peakHeap() / large.bytes(), large.peakHeap() <= large.bytes() ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "  left after a collection / size   %5.2f%n", large.peakLive() / large.bytes());
        }
    }

    private static void print(String row, Result r, String reader, String peak) {
        String name = r.file().length() > 24 ? r.file().substring(0, 21) + "..." : r.file();
        System.out.printf(Locale.ROOT, row, name, reader, String.format(Locale.ROOT, "%.1f", r.bytes() / 1e6), r.entities(),
                String.format(Locale.ROOT, "%.3f", r.parseSeconds()), String.format(Locale.ROOT, "%.3f", r.parseCpu()),
                String.format(Locale.ROOT, "%.1f", r.bytes() / 1e6 / r.parseSeconds()),
                String.format(Locale.ROOT, "%.0f", r.entities() / r.parseSeconds()),
                String.format(Locale.ROOT, "%.3f", r.geometrySeconds()), String.format(Locale.ROOT, "%.3f", r.geometryCpu()),
                String.format(Locale.ROOT, "%.1f", r.bytes() / 1e6 / r.geometrySeconds()),
                String.format(Locale.ROOT, "%.0f", r.entities() / r.geometrySeconds()), r.elements(), r.triangles(), peak);
    }

    /** A context that counts and drops what it gets. */
    private static final class Counting implements ConnectorContext {
        long elements;
        long triangles;

        @Override
        public void element(Element element) {
            Geometry geometry = element.geometry();
            if (geometry != null) {
                elements++;
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
}
