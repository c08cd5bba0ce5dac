package io.sinter.connector.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One source file handed to a connector: downloaded, hashed, with the settings that apply to it.
 *
 * @param id the source-file record id (the {@code provenance.sourceFileId} of its elements)
 * @param fileName the file name, with extension, as the user knows it
 * @param connectorType the connector type the file is mapped with, upper case
 * @param path the local copy to read
 * @param size its length in bytes
 * @param contentHash {@code sha256:<hex>} of its bytes
 * @param references reference files downloaded next to it (manifest children), possibly empty
 * @param settings connector settings for this file (e.g. {@code keyColumn} of the CSV connector)
 */
public record SourceFile(String id, String fileName, String connectorType, Path path, long size, String contentHash,
        List<SourceFile> references, Map<String, String> settings) {

    /** Checks and copies the arguments. */
    public SourceFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(connectorType, "connectorType");
        Objects.requireNonNull(path, "path");
        references = references == null ? List.of() : List.copyOf(references);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** @return the setting's value, or {@code defaultValue} when it is not set or blank */
    public String setting(String name, String defaultValue) {
        String value = settings.get(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /** @return the file name without its last extension */
    public String baseName() {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
