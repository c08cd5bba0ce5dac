package io.sinter.core.internal.run;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@value #PID} ({@code sinter.sync.*}). */
@ObjectClassDefinition(name = "Sinter synchronization", description = "Run execution")
public @interface SyncConfig {
    /** Configuration PID. */
    String PID = "io.sinter.sync";

    @AttributeDefinition(description = "Runs executing at the same time, server-wide (sinter.sync.workers)", min = "1")
    int workers() default 2;

    @AttributeDefinition(description = "Run execution time limit in seconds (sinter.sync.runTimeout)")
    long runTimeout() default 3600;

    @AttributeDefinition(description = "Retries of a task after a retryable error (sinter.sync.retries)", min = "0")
    int retries() default 2;

    @AttributeDefinition(description = "Back-off before each retry in seconds, comma-separated; the last repeats (sinter.sync.retryDelays)")
    String retryDelays() default "10,30";

    @AttributeDefinition(description = "Hosts manifest URLs may be fetched from; empty allows any (sinter.sync.download.allowedHosts)")
    String[] download_allowedHosts() default {};

    @AttributeDefinition(description = "Destinations exempt from the address rules of downloads: host names, addresses or CIDR ranges, "
            + "each optionally with :port (sinter.sync.download.allowPrivate)")
    String[] download_allowPrivate() default {};

    @AttributeDefinition(description = "Largest file a manifest URL may deliver, in bytes (sinter.sync.download.maxBytes)")
    long download_maxBytes() default 2L * 1024 * 1024 * 1024;

    @AttributeDefinition(description = "Time limit of one download in seconds (sinter.sync.download.timeout)")
    long download_timeout() default 600;

    @AttributeDefinition(description = "Connect time limit of a download in seconds (sinter.sync.download.connectTimeout)")
    long download_connectTimeout() default 30;
}
