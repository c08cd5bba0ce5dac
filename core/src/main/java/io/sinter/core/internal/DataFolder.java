package io.sinter.core.internal;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/** The server's data folder: launch property {@value #PROPERTY}, default {@code data} in the working directory. */
public final class DataFolder {
    /** Launch property naming the data folder. */
    public static final String PROPERTY = "sinter.data";

    private DataFolder() {
    }

    /** @return the absolute data folder (not created) */
    public static Path of(BundleContext context) {
        String value = context.getProperty(PROPERTY);
        return Path.of(value == null || value.isBlank() ? "data" : value).toAbsolutePath().normalize();
    }
}
