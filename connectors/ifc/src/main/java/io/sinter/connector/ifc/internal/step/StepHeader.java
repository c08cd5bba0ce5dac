package io.sinter.connector.ifc.internal.step;

import java.util.List;
import java.util.Optional;

/**
 * The HEADER section of an ISO 10303-21 file. Unset ({@code $}) strings read as {@code ""} and unset
 * lists as empty lists.
 *
 * @param description FILE_DESCRIPTION.description (for IFC, the view definition and options)
 * @param implementationLevel FILE_DESCRIPTION.implementation_level, such as {@code "2;1"}
 * @param name FILE_NAME.name
 * @param timeStamp FILE_NAME.time_stamp, as written
 * @param author FILE_NAME.author
 * @param organization FILE_NAME.organization
 * @param preprocessorVersion FILE_NAME.preprocessor_version
 * @param originatingSystem FILE_NAME.originating_system
 * @param authorization FILE_NAME.authorization
 * @param schemaIdentifiers FILE_SCHEMA.schema_identifiers, raw, at least one
 * @param records every header entity in file order, including optional and user-defined ones
 */
public record StepHeader(
        List<String> description,
        String implementationLevel,
        String name,
        String timeStamp,
        List<String> author,
        List<String> organization,
        String preprocessorVersion,
        String originatingSystem,
        String authorization,
        List<String> schemaIdentifiers,
        List<StepRecord> records) {

    /** @return the first schema identifier of FILE_SCHEMA, raw as written ({@code "IFC4X3_ADD2"}) */
    public String schemaIdentifier() {
        return schemaIdentifiers.get(0);
    }

    /** @return the IFC schema family of {@link #schemaIdentifier()}, or empty if it is not one */
    public Optional<IfcSchemaVersion> schemaVersion() {
        return IfcSchemaVersion.fromIdentifier(schemaIdentifier());
    }
}
