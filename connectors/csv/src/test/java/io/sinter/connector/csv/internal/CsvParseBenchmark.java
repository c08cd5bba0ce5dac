package io.sinter.connector.csv.internal;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.SourceFile;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of the CSV connector; a main class, not a test. Generates a file of {@code rows} rows of 10
 * columns (key, name, class, two integers, two decimals, a boolean, a date and a quoted text with a
 * comma), then times the parser alone and {@link CsvConnector#extract} into a context that only counts.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:&lt;connector-api.jar&gt; \
 *     io.sinter.connector.csv.internal.CsvParseBenchmark [rows] [rounds]
 * </pre>
 */
public final class CsvParseBenchmark {
    private CsvParseBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional row count (default 1,000,000) and number of timed rounds (default 3)
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = Files.createTempFile("sinter-csv-benchmark", ".csv");
        try {
            generate(file, rows);
            System.out.printf(Locale.ROOT, "file: %,d rows x 10 columns, %,d bytes%n", rows, Files.size(file));
            SourceFile source = new SourceFile("bench", "benchmark.csv", "CSV", file, Files.size(file), "sha256:0", List.of(), Map.of());
            for (int round = 0; round <= rounds; round++) {
                String label = round == 0 ? "warm-up" : "round " + round;
                long start = System.nanoTime();
                long records = parseOnly(file);
                double parserSeconds = (System.nanoTime() - start) / 1e9;
                CountingContext context = new CountingContext();
                start = System.nanoTime();
                new CsvConnector().extract(source, context);
                double extractSeconds = (System.nanoTime() - start) / 1e9;
                if (context.elements != rows || records != rows + 1) {
                    throw new IllegalStateException("expected " + rows + " elements, got " + context.elements);
                }
                System.out.printf(Locale.ROOT, "%-8s parser alone: %.2f s, %,.0f rows/s | extract(): %.2f s, %,.0f elements/s%n",
                        label, parserSeconds, rows / parserSeconds, extractSeconds, rows / extractSeconds);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long parseOnly(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file); DecodingReader reader = DecodingReader.open(in, null)) {
            CsvParser parser = new CsvParser(reader, (char) 0, ',');
            long records = 0;
            long fields = 0;
            while (parser.next()) {
                records++;
                fields += parser.fieldCount();
            }
            if (fields != records * 10) {
                throw new IllegalStateException("expected 10 fields per record");
            }
            return records;
        }
    }

    private static void generate(Path file, int rows) throws Exception {
        String[] classes = {"Wall", "Door", "Window", "Slab", "Beam"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,name,type,level,count,height,width,external,installed,remark\n");
            for (int i = 0; i < rows; i++) {
                out.write("E-");
                out.write(Integer.toString(i));
                out.write(",Element ");
                out.write(Integer.toString(i));
                out.write(',');
                out.write(classes[i % classes.length]);
                out.write(',');
                out.write(Integer.toString(i % 12));
                out.write(',');
                out.write(Integer.toString(i * 7 % 1000));
                out.write(",");
                out.write(Integer.toString(2 + i % 3));
                out.write('.');
                out.write(Integer.toString(i % 100));
                out.write(",0.");
                out.write(Integer.toString(100 + i % 900));
                out.write(i % 2 == 0 ? ",true," : ",false,");
                out.write("2024-03-");
                out.write(i % 28 < 9 ? "0" + (i % 28 + 1) : Integer.toString(i % 28 + 1));
                out.write(",\"fire rated, ");
                out.write(Integer.toString(i % 90));
                out.write(" min\"\n");
            }
        }
    }

    /** Counts elements and drops everything else. */
    private static final class CountingContext implements ConnectorContext {
        private long elements;

        @Override
        public void element(Element element) {
            elements++;
        }

        @Override
        public void declareClass(ClassDefinition definition) {
            // counted nowhere
        }

        @Override
        public void units(String unitName, double metresPerUnit) {
            // not needed
        }

        @Override
        public void geolocation(Geolocation geolocation) {
            // not needed
        }

        @Override
        public void issue(Issue issue) {
            // not needed
        }

        @Override
        public void progress(long done, long total) {
            // not needed
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
