package io.sinter.connector.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that a connector component carries: which connector types of the
 * Synchronization API it serves and which file extensions it reads. Core selects a connector per
 * source file by these properties.
 *
 * <pre>
 * &#64;Component(service = Connector.class)
 * &#64;ConnectorType(type = "CSV", extensions = {"csv", "tsv"})
 * public class CsvConnector implements Connector { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ConnectorType {
    /** Prefix of the service property names. */
    String PREFIX_ = "connector.";

    /** Service property {@code connector.type}: connector type names, upper case (e.g. {@code IFC}). */
    String TYPE = "connector.type";

    /** Service property {@code connector.extensions}: file extensions, lower case, without the dot. */
    String EXTENSIONS = "connector.extensions";

    /** Service property {@code connector.version}: the connector's mapping version (part of the skip key). */
    String VERSION = "connector.version";

    /** Service property {@code connector.name}: the name people read, e.g. {@code IFC connector}. */
    String NAME = "connector.name";

    /** @return the connector types served */
    String[] type();

    /** @return the file extensions read, lower case, without the dot */
    String[] extensions();

    /** @return the mapping version; change it when the same file would now give other elements */
    String version() default "1";

    /** @return the name people read; empty: derived from the types */
    String name() default "";
}
