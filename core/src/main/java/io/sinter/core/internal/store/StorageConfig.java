package io.sinter.core.internal.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@value #PID} ({@code sinter.storage.*}). */
@ObjectClassDefinition(name = "Sinter storage", description = "File storage and pre-authenticated URLs")
public @interface StorageConfig {
    /** Configuration PID. */
    String PID = "io.sinter.storage";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "HMAC key of signed URLs, at least 32 bytes; empty: generated at first start in <data>/storage/signing.key")
    String signingKey() default "";

    @AttributeDefinition(description = "Lifetime of signed upload URLs in seconds")
    long uploadUrlLifetime() default 3600;

    @AttributeDefinition(description = "Lifetime of signed download URLs in seconds")
    long downloadUrlLifetime() default 3600;

    @AttributeDefinition(description = "Largest accepted upload (one file version) in bytes")
    long maxUploadBytes() default 2L * 1024 * 1024 * 1024;
}
