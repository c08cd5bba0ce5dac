package io.sinter.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** A bundle copied into deploy/ is installed and started; deleting it uninstalls it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {
    private static final String BSN = "io.sinter.it.hotdeploy.sample";

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        int port = SinterRuntime.freePort();
        return SinterRuntime.options(SinterRuntime.newHome("hotdeploy", port), port);
    }

    @Test
    public void bundleInDeployFolderStartsAndItsRemovalUninstallsIt() throws Exception {
        Path deploy = Path.of(context.getProperty(SinterRuntime.HOME), "deploy");
        assertNull(find());
        Path staged = Files.createTempFile(deploy.getParent(), "sample", ".tmp");
        writeBundle(staged);
        // an atomic move: FileInstall never sees a half-written jar
        Path jar = Files.move(staged, deploy.resolve("sample.jar"), StandardCopyOption.ATOMIC_MOVE);

        Bundle installed = awaitState(Bundle.ACTIVE);
        assertEquals("1.0.0", installed.getVersion().toString());

        Files.delete(jar);
        awaitGone();
    }

    /** The CSV connector shipped in the distribution's deploy/ folder: installed, listed, removed, all live. */
    @Test
    public void connectorBundleIsListedWhileDeployedOnly() throws Exception {
        int port = Integer.parseInt(context.getProperty(SinterRuntime.PORT));
        Http.await(port, "/health", 200, java.time.Duration.ofSeconds(60));
        org.junit.Assert.assertTrue(Http.get(port, "/synchronization/connectors").body().startsWith("{\"connectors\":[]"));
        Path shipped = Path.of(System.getProperty("sinter.it.connectors"), "connector-csv.jar");
        Path deploy = Path.of(context.getProperty(SinterRuntime.HOME), "deploy");
        Path staged = Files.copy(shipped, deploy.getParent().resolve("csv.tmp"), StandardCopyOption.REPLACE_EXISTING);
        Path jar = Files.move(staged, deploy.resolve("connector-csv.jar"), StandardCopyOption.ATOMIC_MOVE);

        String listed = Http.awaitBody(port, "/synchronization/connectors", "\"types\":[\"CSV\",\"SHELLEDWCSV\"]", java.time.Duration.ofSeconds(30));
        org.junit.Assert.assertTrue(listed, listed.contains("\"extensions\":[\"csv\",\"tsv\",\"txt\"]"));
        org.junit.Assert.assertTrue(listed, listed.contains("\"symbolicName\":\"io.sinter.connector.csv\""));
        org.junit.Assert.assertTrue(listed, listed.contains("{\"name\":\"CSV\",\"installed\":true,\"connectorId\":\"io.sinter.connector.csv.internal.CsvConnector\"}"));
        org.junit.Assert.assertTrue(Http.get(port, "/health").body().contains("\"connectors\":1"));

        Files.delete(jar);
        Http.awaitBody(port, "/synchronization/connectors", "{\"connectors\":[],", java.time.Duration.ofSeconds(30));
        org.junit.Assert.assertTrue(Http.get(port, "/health").body().contains("\"connectors\":0"));

        // every connector the distribution ships resolves and registers in the running server
        for (String name : new String[] {"connector-dxf.jar", "connector-ifc.jar"}) {
            Path copy = Files.copy(Path.of(System.getProperty("sinter.it.connectors"), name), deploy.getParent().resolve(name + ".tmp"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, deploy.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
        // the two bundles start one after the other: wait for each
        Http.awaitBody(port, "/synchronization/connectors", "\"types\":[\"IFC\"]", java.time.Duration.ofSeconds(30));
        Http.awaitBody(port, "/synchronization/connectors", "\"types\":[\"DWG\",\"DXF\"]", java.time.Duration.ofSeconds(30));
        org.junit.Assert.assertTrue(Http.get(port, "/health").body().contains("\"connectors\":2"));
    }


    private static void writeBundle(Path target) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", BSN);
        main.putValue("Bundle-Version", "1.0.0");
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    private Bundle find() {
        return Arrays.stream(context.getBundles()).filter(b -> BSN.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    private Bundle awaitState(int state) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Bundle bundle = find();
            if (bundle != null && bundle.getState() == state) {
                return bundle;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("bundle " + BSN + " did not reach state " + state + "; now " + find());
    }

    private void awaitGone() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (find() == null) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("bundle " + BSN + " still installed after its jar was deleted");
    }
}
