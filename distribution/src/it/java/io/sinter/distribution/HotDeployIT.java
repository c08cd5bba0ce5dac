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
