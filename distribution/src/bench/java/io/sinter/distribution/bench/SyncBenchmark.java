package io.sinter.distribution.bench;

import io.sinter.connector.api.ClassDefinition;
import io.sinter.connector.api.Connector;
import io.sinter.connector.api.ConnectorContext;
import io.sinter.connector.api.Element;
import io.sinter.connector.api.Geolocation;
import io.sinter.connector.api.Issue;
import io.sinter.connector.api.SourceFile;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end sync benchmark: a generated CSV of N rows x 10 columns synchronized through the REST API of the
 * real server (started by the distribution's {@code bin/sinter} with its default JVM options and -Xmx1g, embedded Derby,
 * fresh home, 127.0.0.1 on a free port). Prints initial-run
 * elements/s, the 1 %-changed re-run's time over the time to only parse the file, the unchanged re-run's time
 * over the time to hash the file, and the server's peak heap during the initial run. A main class, not a test:
 * run it with {@code distribution/benchmark-sync.sh} (or {@code mvn -B -Pbenchmark -DskipTests package}).
 *
 * <p>System properties: {@code bench.rows} (default 1000000), {@code bench.dist} (the built distribution
 * folder), {@code bench.work} (work folder, default {@code distribution/target/benchmark}), {@code bench.xmx}
 * (server heap, default 1g), {@code bench.serverOpts} (extra server JVM options, e.g. a flight recording).
 */
public final class SyncBenchmark {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] CLASSES = {"Wall", "Door", "Window", "Slab", "Beam"};
    private static final long GIB = 1L << 30;

    private final int rows;
    private final Path dist;
    private final Path work;
    private int port;
    private Process server;
    private String token;
    private static final String ADMIN_PASSWORD = "benchmark-admin-password";

    private SyncBenchmark(int rows, Path dist, Path work) {
        this.rows = rows;
        this.dist = dist;
        this.work = work;
    }

    /**
     * Runs the benchmark.
     *
     * @param args ignored; see the system properties in the class comment
     */
    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        Path dist = Path.of(System.getProperty("bench.dist", "distribution/target/sinter")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("bench.work", "distribution/target/benchmark")).toAbsolutePath().normalize();
        SyncBenchmark benchmark = new SyncBenchmark(rows, dist, work);
        try {
            benchmark.run();
        } finally {
            benchmark.stopServer();
        }
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        Path initial = work.resolve("rows.csv");
        Path changed = work.resolve("rows-1pct-changed.csv");
        long t = System.nanoTime();
        generate(initial, rows, false);
        int changedRows = generate(changed, rows, true);
        System.out.printf(Locale.ROOT, "generated %s: %,d rows x 10 columns, %,d bytes (%.1f s); %s: %,d rows changed%n",
                initial.getFileName(), rows, Files.size(initial), seconds(t), changed.getFileName(), changedRows);

        startServer();
        String[] ids = iModel("benchmark");
        String fileId = upload(ids[2], "rows.csv", initial);
        String connection = json(201, "POST", "/synchronization/imodels/storageconnections", "{\"iModelId\":\"" + ids[1]
                + "\",\"authenticationType\":\"Service\",\"sourceFiles\":[{\"storageFileId\":\"" + fileId + "\",\"connectorType\":\"CSV\"}]}",
                "connection", "id");

        // 1. initial run, with the server's heap sampled
        HeapSampler heap = new HeapSampler(server.pid());
        heap.start();
        Run first = run(connection);
        heap.stop();
        first.expect("Success", "inserted", rows);
        double elementsPerSecond = rows / first.seconds;
        System.out.printf(Locale.ROOT, "initial run: %.2f s, %,.0f elements/s; server peak heap used %,d MiB%n", first.seconds,
                elementsPerSecond, heap.peakUsed() >> 20);

        // 2. 1 % of the rows changed vs. the connector parsing the same file in this JVM
        double parse = median(3, () -> parse(changed));
        System.out.printf(Locale.ROOT, "parse only (CSV connector, this JVM, median of 3): %.2f s%n", parse);
        updateContent(fileId, changed);
        Run second = run(connection);
        System.out.printf(Locale.ROOT, "1 %% changed re-run: %.2f s%n", second.seconds);
        second.expect("Success", "updated", changedRows);
        double changedRatio = second.seconds / parse;

        // 3. unchanged content vs. SHA-256 of the file in this JVM
        double hash = median(3, () -> sha256(changed));
        System.out.printf(Locale.ROOT, "SHA-256 of the file (this JVM, median of 3): %.3f s%n", hash);
        Run third = run(connection);
        System.out.printf(Locale.ROOT, "unchanged re-run: %.3f s%n", third.seconds);
        third.expect("Skipped", "unchanged", rows);
        double skipRatio = third.seconds / hash;
        double skipAllowed = 1.1 * hash + 0.5;

        String command = System.getProperty("bench.command", "distribution/benchmark-sync.sh");
        System.out.println();
        System.out.printf(Locale.ROOT, "Sync benchmark: %,d rows x 10 columns (%,d bytes), CSV connector, embedded Derby, server bin/sinter -Xmx%s, %d cores%n",
                rows, Files.size(initial), System.getProperty("bench.xmx", "1g"), Runtime.getRuntime().availableProcessors());
        System.out.println("| measure | value | target | met |");
        System.out.println("|---|---|---|---|");
        row("initial run", String.format(Locale.ROOT, "%.2f s, %,.0f elements/s", first.seconds, elementsPerSecond), ">= 25,000 elements/s",
                elementsPerSecond >= 25_000);
        row("1 % changed re-run / parse only", String.format(Locale.ROOT, "%.2f s / %.2f s = %.2f", second.seconds, parse, changedRatio), "<= 1.5",
                changedRatio <= 1.5);
        row("unchanged re-run / SHA-256 of file", String.format(Locale.ROOT, "%.3f s / %.3f s = %.2f (limit 1.1 x hash + 0.5 s = %.3f s)",
                third.seconds, hash, skipRatio, skipAllowed), "<= 1.1 plus 0.5 s", third.seconds <= skipAllowed);
        row("server peak heap used, initial run", String.format(Locale.ROOT, "%,d MiB (%d samples, max committed %,d MiB)",
                heap.peakUsed() >> 20, heap.samples(), heap.peakCommitted() >> 20), "< 1 GiB", heap.samples() > 0 && heap.peakUsed() < GIB);
        System.out.println();
        System.out.println("reproduce: " + command);
    }

    private static void row(String measure, String value, String target, boolean met) {
        System.out.println("| " + measure + " | " + value + " | " + target + " | " + (met ? "yes" : "NO") + " |");
    }

    // ---------------------------------------------------------------------------------------------- the file

    /**
     * Writes the CSV: id, name, type (the class), level, count (integers), height, width (decimals), external
     * (boolean), installed (date), remark (quoted text with a comma).
     *
     * @return the number of rows that differ from the unchanged file (every 100th row, when {@code changed})
     */
    static int generate(Path file, int rows, boolean changed) throws IOException {
        int differing = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,name,type,level,count,height,width,external,installed,remark\n");
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                boolean change = changed && i % 100 == 37;
                differing += change ? 1 : 0;
                line.setLength(0);
                line.append("E-").append(i).append(",Element ").append(i).append(',').append(CLASSES[i % CLASSES.length]).append(',')
                        .append(i % 12).append(',').append(change ? 1000 + i % 1000 : i * 7 % 1000).append(',')
                        .append(2 + i % 3).append('.').append(i % 100).append(",0.").append(100 + i % 900)
                        .append(i % 2 == 0 ? ",true," : ",false,")
                        .append("2024-03-").append(i % 28 < 9 ? "0" : "").append(i % 28 + 1)
                        .append(",\"fire rated, ").append(i % 90).append(" min\"\n");
                out.append(line);
            }
        }
        return differing;
    }

    /** @return seconds the CSV connector needs to turn {@code file} into elements handed to a context that only counts */
    private double parse(Path file) {
        try {
            Connector connector = (Connector) Class.forName("io.sinter.connector.csv.internal.CsvConnector").getDeclaredConstructor().newInstance();
            SourceFile source = new SourceFile("bench", file.getFileName().toString(), "CSV", file, Files.size(file), "sha256:0", List.of(), Map.of());
            CountingContext context = new CountingContext();
            long start = System.nanoTime();
            connector.extract(source, context);
            double s = seconds(start);
            if (context.elements != rows) {
                throw new IllegalStateException("the parser produced " + context.elements + " elements, expected " + rows);
            }
            return s;
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }

    /** @return seconds to compute the SHA-256 of {@code file} */
    private static double sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long start = System.nanoTime();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            digest.digest();
            return seconds(start);
        } catch (Exception e) {
            throw new IllegalStateException("cannot hash " + file, e);
        }
    }

    /** One warm-up, then the median of {@code rounds} timings. */
    private static double median(int rounds, java.util.function.DoubleSupplier timing) {
        timing.getAsDouble();
        double[] times = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            times[i] = timing.getAsDouble();
        }
        Arrays.sort(times);
        return times[rounds / 2];
    }

    // ---------------------------------------------------------------------------------------------- the server

    private void startServer() throws Exception {
        Path home = work.resolve("home");
        deleteTree(home);
        Files.createDirectories(home.resolve("deploy"));
        copyTree(dist.resolve("etc"), home.resolve("etc"));
        Files.copy(dist.resolve("deploy/connector-csv.jar"), home.resolve("deploy/connector-csv.jar"));
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        // the server as shipped: bin/sinter (its default JVM options, e.g. the collector) with this JVM's java
        String options = "-Xmx" + System.getProperty("bench.xmx", "1g") + " " + System.getProperty("bench.serverOpts", "").trim();
        List<String> command = List.of("/bin/sh", dist.resolve("bin/sinter").toString(), "--daemon", "-Dsinter.http.host=127.0.0.1",
                "-Dsinter.http.port=" + port, "-Dsinter.auth.bootstrapPassword=" + ADMIN_PASSWORD);
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("SINTER_HOME", home.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", options.trim());
        server = builder.redirectErrorStream(true).redirectOutput(home.resolve("server.out").toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        awaitBody("/health", "\"UP\"", Duration.ofSeconds(120));
        token = signIn();
        awaitBody("/synchronization/connectors", "\"CSV\"", Duration.ofSeconds(60));
        System.out.printf(Locale.ROOT, "server pid %d on 127.0.0.1:%d, home %s, up after %.1f s%n", server.pid(), port, home, seconds(start));
    }

    private void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private String[] iModel(String name) throws Exception {
        String tw = json(201, "POST", "/itwins", "{\"displayName\":\"" + name + "\"}", "iTwin", "id");
        String im = json(201, "POST", "/imodels", "{\"iTwinId\":\"" + tw + "\",\"name\":\"" + name + "\"}", "iModel", "id");
        String root = json(200, "GET", "/storage?iTwinId=" + tw, null, "folder", "id");
        return new String[] {tw, im, root};
    }

    private String upload(String folderId, String name, Path content) throws Exception {
        String ticket = call(202, "POST", "/storage/folders/" + folderId + "/files", "{\"displayName\":\"" + name + "\"}").body();
        put(field(ticket, "uploadUrl", "href"), content);
        String id = field(ticket, "file", "id");
        call(200, "POST", "/storage/files/" + id + "/complete", null);
        return id;
    }

    private void updateContent(String fileId, Path content) throws Exception {
        String ticket = call(202, "POST", "/storage/files/" + fileId + "/updatecontent", null).body();
        put(field(ticket, "uploadUrl", "href"), content);
        call(200, "POST", "/storage/files/" + fileId + "/complete", null);
    }

    private void put(String url, Path content) throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .PUT(HttpRequest.BodyPublishers.ofFile(content)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("PUT " + url + " -> " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A finished run: its wall time from the start request to the first poll that saw it Completed, and its JSON. */
    private record Run(double seconds, String json) {
        void expect(String result, String count, long value) {
            Matcher task = Pattern.compile("\"tasks\":\\[\\{.*?\"result\":\"(\\w+)\"").matcher(json);
            Matcher n = Pattern.compile("\"" + count + "\":(\\d+)").matcher(json);
            if (!task.find() || !task.group(1).equals(result) || !n.find() || Long.parseLong(n.group(1)) != value) {
                throw new IllegalStateException("expected task result " + result + " with " + count + " = " + value + ", got " + json);
            }
        }
    }

    private Run run(String connection) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = send("POST", "/synchronization/imodels/storageconnections/" + connection + "/run", null);
        if (started.statusCode() != 202) {
            throw new IllegalStateException("run start -> " + started.statusCode() + " " + started.body());
        }
        String location = started.headers().firstValue("Location").orElseThrow();
        // the run's event stream (api.md section 7.3) says when it ends, without polling the server 50 times a second
        HttpResponse<java.util.stream.Stream<String>> events = CLIENT.send(HttpRequest.newBuilder(URI.create(location + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        if (events.statusCode() != 200) {
            throw new IllegalStateException("run events -> " + events.statusCode());
        }
        boolean ended = false;
        try (java.util.stream.Stream<String> lines = events.body()) {
            java.util.Iterator<String> it = lines.iterator();
            while (!ended && it.hasNext()) {
                ended = it.next().equals("event: end");
            }
        }
        double elapsed = seconds(start);
        String body = call(200, "GET", location, null).body();
        if (!ended || !body.contains("\"state\":\"Completed\"")) {
            throw new IllegalStateException("the run's event stream ended before the run: " + body);
        }
        return new Run(elapsed, body);
    }

    /** The administrator's access token (password grant); the connection is of type Service, so runs need no consent. */
    private String signIn() throws IOException, InterruptedException {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=admin&password=" + ADMIN_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("cannot sign in: " + answer.statusCode() + " " + answer.body());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        URI uri = URI.create(url.startsWith("http") ? url : "http://127.0.0.1:" + port + url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null && !uri.getPath().startsWith("/storage/blobs/")) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(int expected, String method, String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(method, url, body);
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " -> " + answer.statusCode() + " " + answer.body());
        }
        return answer;
    }

    private String json(int expected, String method, String url, String body, String object, String member) throws Exception {
        return field(call(expected, method, url, body).body(), object, member);
    }

    /** @return the string member {@code member} of the first object {@code object} in {@code json} (no JSON library needed) */
    private static String field(String json, String object, String member) {
        Matcher m = Pattern.compile("\"" + object + "\":\\{[^{}]*?\"" + member + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + object + "." + member + " in " + json);
        }
        return m.group(1);
    }

    private void awaitBody(String path, String fragment, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue() + "; see " + work.resolve("home/server.out"));
            }
            try {
                last = send("GET", path, null).body();
                if (last.contains(fragment)) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " never contained " + fragment + "; last: " + last);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Samples the server's heap with {@code jstat -gc <pid> 200}: used = S0U + S1U + EU + OU, committed = S0C + S1C + EC + OC. */
    private static final class HeapSampler {
        private final long pid;
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakCommitted = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private Process jstat;
        private Thread reader;

        HeapSampler(long pid) {
            this.pid = pid;
        }

        void start() throws IOException {
            Path tool = Path.of(System.getProperty("java.home"), "bin", "jstat");
            jstat = new ProcessBuilder(Files.isExecutable(tool) ? tool.toString() : "jstat", "-gc", Long.toString(pid), "200")
                    .redirectErrorStream(true).start();
            reader = new Thread(this::read, "jstat-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> header = null;
                for (String line; (line = in.readLine()) != null;) {
                    List<String> cells = Arrays.asList(line.trim().split("\\s+"));
                    if (cells.contains("EU")) {
                        header = cells;
                        continue;
                    }
                    if (header == null || cells.size() != header.size()) {
                        continue;
                    }
                    double used = 0;
                    double committed = 0;
                    for (String c : List.of("S0U", "S1U", "EU", "OU")) {
                        used += Double.parseDouble(cells.get(header.indexOf(c)));
                    }
                    for (String c : List.of("S0C", "S1C", "EC", "OC")) {
                        committed += Double.parseDouble(cells.get(header.indexOf(c)));
                    }
                    long usedBytes = (long) (used * 1024);
                    long committedBytes = (long) (committed * 1024);
                    peakUsed.accumulateAndGet(usedBytes, Math::max);
                    peakCommitted.accumulateAndGet(committedBytes, Math::max);
                    samples.incrementAndGet();
                }
            } catch (IOException | RuntimeException ignored) {
                // sampling ends with the process
            }
        }

        void stop() throws InterruptedException {
            jstat.destroy();
            jstat.waitFor();
            reader.join(2000);
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakCommitted() {
            return peakCommitted.get();
        }

        long samples() {
            return samples.get();
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
            // not needed
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

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
