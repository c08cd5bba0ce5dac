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
}
