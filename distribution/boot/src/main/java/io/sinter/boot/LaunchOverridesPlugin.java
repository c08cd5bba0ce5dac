package io.sinter.boot;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link LaunchOverrides} to every configuration ConfigAdmin delivers, so a
 * {@code -Dsinter.sync.workers=4} on the command line beats {@code workers=2} in
 * {@code etc/io.sinter.sync.cfg}. For a PID that has an override but no file, it creates an empty
 * configuration so the override still reaches the component.
 */
@Component(service = ConfigurationPlugin.class, immediate = true,
        property = {ConfigurationPlugin.CM_RANKING + ":Integer=100"})
public final class LaunchOverridesPlugin implements ConfigurationPlugin {
    private final Logger logger = LoggerFactory.getLogger(LaunchOverridesPlugin.class);
    private final BundleContext context;
    private final Map<String, String> sinterProperties;

    @Activate
    public LaunchOverridesPlugin(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) {
        this.context = context;
        this.sinterProperties = sinterSystemProperties();
        Set<String> pids = new TreeSet<>();
        for (String name : sinterProperties.keySet()) {
            String pid = LaunchOverrides.pidOf(name);
            if (pid != null) {
                pids.add(pid);
            }
        }
        if (context.getProperty("org.osgi.service.http.port") != null || context.getProperty("org.apache.felix.http.host") != null) {
            pids.add(LaunchOverrides.PID_PREFIX + "http");
        }
        for (String pid : pids) {
            ensureExists(configurationAdmin, pid);
        }
        if (!sinterProperties.isEmpty()) {
            logger.info("Launch overrides: {}", sinterProperties.keySet());
        }
    }

    private static Map<String, String> sinterSystemProperties() {
        Map<String, String> result = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(LaunchOverrides.PROPERTY_PREFIX)) {
                result.put(name, System.getProperty(name));
            }
        }
        return result;
    }

    private void ensureExists(ConfigurationAdmin configurationAdmin, String pid) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
            if (configuration.getProperties() == null) {
                configuration.update(new Hashtable<>());
            }
        } catch (IOException e) {
            logger.warn("Cannot create configuration {} for its launch overrides: {}", pid, e.toString());
        }
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        Map<String, String> overrides = LaunchOverrides.forPid(pid instanceof String s ? s : null, sinterProperties, context::getProperty);
        LaunchOverrides.apply(overrides, properties);
    }
}
