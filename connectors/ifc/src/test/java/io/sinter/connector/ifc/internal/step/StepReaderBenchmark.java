package io.sinter.connector.ifc.internal.step;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints the throughput of the STEP reader on one file: indexing ({@link StepFile#open}), decoding every
 * instance through the index, and streaming with {@link StepReader}. Not a test: run it by hand,
 *
 * <pre>
 * cd connectors/ifc &amp;&amp; mvn -B -q -o test-compile &amp;&amp;
 *   java -cp target/classes:target/test-classes io.sinter.connector.ifc.internal.step.StepReaderBenchmark [file.ifc]
 * </pre>
 * Without an argument it takes the largest well-formed {@code .ifc} under {@code ../shared/data/ifc}.
 */
public final class StepReaderBenchmark {

    /** Long enough for the JIT to finish compiling the lexer and parser. */
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final long MEASURE_NANOS = 5_000_000_000L;
    private static final int MIN_ROUNDS = 10;

    private StepReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : largestSharedFile();
        long bytes = Files.size(file);
        int instances;
        try (StepFile indexed = StepFile.open(file)) {
            instances = indexed.instanceCount();
        }
        System.out.printf(Locale.ROOT, "%s: %.2f MB, %d instances, Java %s%n",
                file, bytes / 1e6, instances, System.getProperty("java.version"));
        report("index (StepFile.open)", file, bytes, instances, StepReaderBenchmark::index);
        report("index + decode all by id", file, bytes, instances, StepReaderBenchmark::indexAndDecode);
        report("stream + decode (StepReader)", file, bytes, instances, StepReaderBenchmark::stream);
        reportIndexMemory(file);
    }

    private static long index(Path file) throws Exception {
        try (StepFile indexed = StepFile.open(file)) {
            return indexed.instanceCount();
        }
    }

    private static long indexAndDecode(Path file) throws Exception {
        long attributes = 0;
        try (StepFile indexed = StepFile.open(file)) {
            for (long id : indexed.ids().toArray()) {
                attributes += indexed.instance(id).attributes().size();
            }
        }
        return attributes;
    }

    private static long stream(Path file) throws Exception {
        long attributes = 0;
        try (StepReader reader = StepReader.open(file)) {
            for (StepInstance instance; (instance = reader.next()) != null; ) {
                attributes += instance.attributes().size();
            }
        }
        return attributes;
    }

    /** One measured operation; returns a count derived from the work so that it is really done. */
    private interface Run {
        long run(Path file) throws Exception;
    }

    private static void report(String label, Path file, long bytes, int instances, Run run) throws Exception {
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; i < MIN_ROUNDS || System.nanoTime() < warmUpEnd; i++) {
            run.run(file);
        }
        List<Long> nanos = new ArrayList<>();
        long measureEnd = System.nanoTime() + MEASURE_NANOS;
        while (nanos.size() < MIN_ROUNDS || System.nanoTime() < measureEnd) {
            long start = System.nanoTime();
            run.run(file);
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        double median = nanos.get(nanos.size() / 2) / 1e9;
        double best = nanos.get(0) / 1e9;
        System.out.printf(Locale.ROOT, "%-30s median %7.2f ms  %7.1f MB/s  %9.0f instances/s   (best %.2f ms, %d rounds)%n",
                label, median * 1e3, bytes / 1e6 / median, instances / median, best * 1e3, nanos.size());
    }

    private static void reportIndexMemory(Path file) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        settle(runtime);
        long before = runtime.totalMemory() - runtime.freeMemory();
        try (StepFile indexed = StepFile.open(file)) {
            settle(runtime);
            long after = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf(Locale.ROOT, "heap held by the open index: about %.1f MB (%.0f bytes per instance)%n",
                    (after - before) / 1e6, (after - before) / (double) indexed.instanceCount());
        }
    }

    private static void settle(Runtime runtime) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    private static Path largestSharedFile() throws IOException {
        Path data = SharedIfcFilesTest.sharedDirectory().resolve("data").resolve("ifc");
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(path -> path.toString().endsWith(".ifc"))
                    .filter(path -> !path.startsWith(data.resolve("malformed")))
                    .max(Comparator.comparingLong(StepReaderBenchmark::size))
                    .orElseThrow(() -> new IOException("no .ifc file under " + data));
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
