package io.sinter.boot;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the OSGi framework when the JVM is asked to end (SIGTERM, Ctrl-C). The bnd launcher registers
 * no such hook, so without it bundles are never stopped: the EntityManagerFactory stays open and Derby
 * has to recover its log at the next start.
 */
@Component(immediate = true, service = {})
public final class FrameworkShutdownHook {
    private static final long TIMEOUT_MS = 30_000L;
    private final Logger logger = LoggerFactory.getLogger(FrameworkShutdownHook.class);
    private final Thread hook;

    @Activate
    public FrameworkShutdownHook(BundleContext context) {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        hook = new Thread(() -> stopFramework(system), "sinter-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void stopFramework(Bundle system) {
        long t0 = System.nanoTime();
        try {
            // Gogo's own hook may already have asked the framework to stop without waiting for it:
            // wait in every case, or the JVM ends before Derby and the EntityManagerFactory close.
            if ((system.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                logger.info("JVM shutdown requested: stopping the framework");
                system.stop();
            }
            if (system instanceof Framework framework) {
                framework.waitForStop(TIMEOUT_MS);
            }
            // the logging backend may already be gone at this point
            System.err.printf("sinter: framework stopped in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception e) {
            System.err.println("sinter: stopping the framework failed: " + e);
        }
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is stopping the framework
        }
    }
}
