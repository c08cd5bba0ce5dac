package io.sinter.boot;

import java.util.Dictionary;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rule that maps launch properties onto Sinter's configurations: {@code -Dsinter.<area>.<name>=v}
 * sets property {@code <name>} of PID {@code io.sinter.<area>}, and wins over the value from the
 * {@code etc/io.sinter.<area>.cfg} file. Two well-known OSGi properties are accepted as aliases for the
 * HTTP endpoint: {@code org.osgi.service.http.port} and {@code org.apache.felix.http.host}.
 */
final class LaunchOverrides {
    static final String PID_PREFIX = "io.sinter.";
    static final String PROPERTY_PREFIX = "sinter.";

    /** Alias launch property -> Sinter launch property, for PID io.sinter.http. */
    private static final Map<String, String> HTTP_ALIASES = Map.of(
            "org.osgi.service.http.port", "sinter.http.port",
            "org.apache.felix.http.host", "sinter.http.host");

    private LaunchOverrides() {
    }

    /** The PID whose properties {@code sinterProperty} overrides, or null when it names none. */
    static String pidOf(String sinterProperty) {
        if (!sinterProperty.startsWith(PROPERTY_PREFIX)) {
            return null;
        }
        String rest = sinterProperty.substring(PROPERTY_PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || dot == rest.length() - 1) {
            return null;
        }
        return PID_PREFIX + rest.substring(0, dot);
    }

    /**
     * The overrides for one PID.
     *
     * @param pid the configuration's PID
     * @param sinterProperties the {@code sinter.*} launch properties (name to value)
     * @param launchProperty looks up any other launch property by name (null when unset)
     * @return property name within the PID to value, sorted by name
     */
    static Map<String, String> forPid(String pid, Map<String, String> sinterProperties, Function<String, String> launchProperty) {
        Map<String, String> result = new TreeMap<>();
        if (pid == null || !pid.startsWith(PID_PREFIX) || pid.length() == PID_PREFIX.length()) {
            return result;
        }
        String prefix = PROPERTY_PREFIX + pid.substring(PID_PREFIX.length()) + ".";
        if ((PID_PREFIX + "http").equals(pid)) {
            HTTP_ALIASES.forEach((alias, name) -> {
                String value = launchProperty.apply(alias);
                if (value != null && !value.isBlank()) {
                    result.put(name.substring(prefix.length()), value.trim());
                }
            });
        }
        sinterProperties.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                result.put(name.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /** Writes {@code overrides} into {@code properties}. */
    static void apply(Map<String, String> overrides, Dictionary<String, Object> properties) {
        overrides.forEach(properties::put);
    }
}
