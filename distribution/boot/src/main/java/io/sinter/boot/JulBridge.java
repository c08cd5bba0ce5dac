package io.sinter.boot;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging (Jersey, EclipseLink, SPI Fly) to SLF4J, so everything lands in one log.
 * Installed once, at start level 1.
 */
@Component(immediate = true, service = {})
public final class JulBridge {

    @Activate
    public JulBridge() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // Run the whole publishing path once now: if the first JUL record came from inside a class
        // load (SPI Fly's weaving hook logs through JUL), loading the bridge's own classes then would
        // re-enter that class load and fail with "Cycle detected while trying to load class".
        java.util.logging.Logger.getLogger(JulBridge.class.getName()).info("java.util.logging is bridged to SLF4J");
    }

    @Deactivate
    void deactivate() {
        SLF4JBridgeHandler.uninstall();
    }
}
