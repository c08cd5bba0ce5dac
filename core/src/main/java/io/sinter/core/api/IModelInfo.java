package io.sinter.core.api;

import java.time.Instant;

/**
 * An iModel (api.md section 3.1).
 *
 * @param id UUID
 * @param iTwinId owning iTwin
 * @param name unique per iTwin, case-insensitive
 * @param description free text, or null
 * @param createdDateTime creation time
 * @param extent {@code {southWest:{latitude,longitude}, northEast:{...}}} in degrees, as given, or null
 * @param horizontalCrsId e.g. {@code EPSG:25832}, or null
 */
public record IModelInfo(String id, String iTwinId, String name, String description, Instant createdDateTime,
        Extent extent, String horizontalCrsId) {

    /**
     * A geographic rectangle in degrees.
     *
     * @param south latitude of the south-west corner
     * @param west longitude of the south-west corner
     * @param north latitude of the north-east corner
     * @param east longitude of the north-east corner
     */
    public record Extent(double south, double west, double north, double east) {
    }
}
