package io.sinter.core.internal.persistence;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@value DatabaseComponent#PID}: which database Sinter uses. Switching databases is
 * configuration only: an empty URL means embedded Derby under the data folder.
 */
@ObjectClassDefinition(name = "Sinter database", description = "JDBC connection of the Sinter persistence unit")
@interface PersistenceConfig {

    @AttributeDefinition(description = "JDBC URL; empty: embedded Derby in <data>/db")
    String url() default "";

    @AttributeDefinition(description = "Database user (the Derby network client needs one)")
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password")
    String password() default "";

    @AttributeDefinition(description = "Selects the JDBC driver's DataSourceFactory service")
    String dataSourceFactory_target() default "(osgi.jdbc.driver.class=org.apache.derby.jdbc.EmbeddedDriver)";

    @AttributeDefinition(description = "EclipseLink ddl-generation: create-or-extend-tables, none")
    String ddlGeneration() default "create-or-extend-tables";

    @AttributeDefinition(description = "EclipseLink log level (SEVERE, WARNING, INFO, FINE)")
    String logLevel() default "WARNING";
}
