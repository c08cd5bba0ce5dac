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
    }

    @Deactivate
    void deactivate() {
        SLF4JBridgeHandler.uninstall();
    }
}
