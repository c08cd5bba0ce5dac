package io.sinter.distribution;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.lib.utf8properties.UTF8Properties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam provisioning from the distribution itself: the bundles bnd exported from sinter.bndrun
 * (target/bundles), the start levels of its {@code -runbundles+} and the framework properties of its
 * {@code -runproperties}; only the paths are moved into a per-test home folder and the HTTP port to a
 * free one. So the tests start what a user starts.
 */
final class SinterRuntime {
    /** Framework property naming the test's home folder (etc/, deploy/, data/, logs/). */
    static final String HOME = "sinter.it.home";

    private SinterRuntime() {
    }

    /** Password of the bootstrap administrator 'admin' of every test home (etc/io.sinter.auth.cfg). */
    static final String ADMIN_PASSWORD = "it-admin-password-0123";

    /** Framework property with the HTTP port the test home is configured for (read by the tests only). */
    static final String PORT = "sinter.it.port";

    /** A new home folder with the distribution's etc/ (HTTP on {@code port}) and an empty deploy/. */
    static Path newHome(String name, int port) {
        try {
            Path home = Path.of(System.getProperty("sinter.it.work", "target/it-work"))
                    .resolve(name + "-" + System.currentTimeMillis()).toAbsolutePath();
            Path dist = Path.of(System.getProperty("sinter.it.dist", "src/dist"));
            Files.createDirectories(home.resolve("etc"));
            Files.createDirectories(home.resolve("deploy"));
            try (Stream<Path> files = Files.list(dist.resolve("etc"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, home.resolve("etc").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            writeHttpConfig(home, port);
            Files.writeString(home.resolve("etc/io.sinter.auth.cfg"), "bootstrapPassword = " + ADMIN_PASSWORD + "\n");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes etc/io.sinter.http.cfg of {@code home}: where the server listens. */
    static void writeHttpConfig(Path home, int port) throws IOException {
        Files.writeString(home.resolve("etc/io.sinter.http.cfg"), "host = 127.0.0.1\nport = " + port + "\n");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options that start the distribution's bundle set on {@code home}, serving HTTP on {@code port}. */
    static Option[] options(Path home, int port) {
        if (!Files.isRegularFile(home.resolve("etc/io.sinter.http.cfg"))) {
            throw new IllegalArgumentException(home + " is no test home: use newHome");
        }
        UTF8Properties bndrun = loadBndrun();
        List<Option> options = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        OSGiHeader.parseProperties(bndrun.getProperty("-runproperties")).forEach(properties::put);
        properties.put("sinter.data", home.resolve("data").toString());
        properties.put("felix.fileinstall.dir", home.resolve("etc") + "," + home.resolve("deploy"));
        properties.put(PORT, Integer.toString(port));
        properties.put(HOME, home.toString());
        // no console: Gogo would read the test JVM's standard input (surefire's command channel, or nothing
        // in CI) and stop the framework when it ends
        properties.put("gosh.args", "--nointeractive");
        properties.forEach((name, value) -> options.add(frameworkProperty(name).value(value)));
        // read by logback and Derby from system properties; the last framework started wins
        options.add(systemProperty("sinter.logs").value(home.resolve("logs").toString()));
        options.add(systemProperty("logback.configurationFile").value(home.resolve("etc/logback.xml").toString()));
        options.add(systemProperty("derby.stream.error.file").value(home.resolve("logs/derby.log").toString()));

        // Pax Exam's own helper bundles come from the local Maven repository, offline
        options.add(systemProperty("org.ops4j.pax.url.mvn.localRepository").value(System.getProperty("maven.repo.local")));
        options.add(systemProperty("org.ops4j.pax.url.mvn.repositories").value(""));
        options.add(systemProperty("org.ops4j.pax.url.mvn.offline").value("true"));

        Parameters decorations = new Parameters(bndrun.getProperty("-runbundles+"));
        for (Path jar : runBundles()) {
            String bsn = symbolicName(jar);
            options.add(bundle(jar.toUri().toString()).startLevel(startLevel(bsn, decorations)).start(!isFragment(jar)));
        }
        // Pax Exam's helper bundles import org.slf4j [1.4,2): give them the 1.7 API (no provider)
        options.add(mavenBundle("org.slf4j", "slf4j-api", "1.7.36").startLevel(1));
        options.add(junitBundles());
        options.add(frameworkStartLevel(10));
        options.add(cleanCaches(true));
        return options.toArray(new Option[0]);
    }

    private static UTF8Properties loadBndrun() {
        UTF8Properties properties = new UTF8Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("sinter.it.bndrun", "sinter.bndrun")))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static List<Path> runBundles() {
        Path dir = Path.of(System.getProperty("sinter.it.bundles", "target/bundles")).resolve("export/sinter");
        try (Stream<Path> jars = Files.list(dir)) {
            List<Path> result = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (result.isEmpty()) {
                throw new IllegalStateException("no bundles in " + dir + ": run 'mvn verify' (package exports them)");
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("no exported bundles in " + dir + ": run 'mvn verify'", e);
        }
    }

    static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String symbolicName(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String bsn = file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn.split(";")[0].trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start level that the bndrun's decorations give {@code bsn} (first matching glob). */
    static int startLevel(String bsn, Parameters decorations) {
        for (Map.Entry<String, Attrs> entry : decorations.entrySet()) {
            String glob = entry.getKey().replaceAll("~+$", "");
            if (Pattern.matches(glob.replace(".", "\\.").replace("*", ".*"), bsn)) {
                String level = entry.getValue().get("startlevel");
                return level == null ? 2 : Integer.parseInt(level);
            }
        }
        return 2;
    }
}
