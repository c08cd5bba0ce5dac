package io.sinter.connector.ifc.internal.step;

import java.util.Locale;
import java.util.Optional;

/**
 * The IFC schema families Sinter reads, and how the identifiers found in {@code FILE_SCHEMA} map to them.
 *
 * <ul>
 *   <li>{@link #IFC2X3}: {@code IFC2X3} and its releases ({@code IFC2X3_TC1}, ...), and the older
 *       {@code IFC2X} / {@code IFC2X2} releases ({@code IFC2X_FINAL}, {@code IFC2X2_FINAL},
 *       {@code IFC2X2_ADD1}), which IFC2X3 extends;</li>
 *   <li>{@link #IFC4}: {@code IFC4}, {@code IFC4_ADD1}, {@code IFC4_ADD2}, {@code IFC4_ADD2_TC1} and the
 *       {@code IFC4RC*} release candidates;</li>
 *   <li>{@link #IFC4X3}: {@code IFC4X3} and its releases ({@code IFC4X3_ADD1}, {@code IFC4X3_ADD2},
 *       {@code IFC4X3_TC1}, {@code IFC4X3_RC1} to {@code _RC4}), and the interim {@code IFC4X1} and
 *       {@code IFC4X2}, which IFC4X3 absorbed.</li>
 * </ul>
 * Identifiers are compared without case and without an ASN.1 object identifier suffix
 * ({@code 'IFC2X3 {1 0 10303 ...}'}). Anything else (IFC 1.x/2.0, IFC4X4 drafts, non-IFC STEP schemas) is
 * not recognised.
 */
public enum IfcSchemaVersion {
    /** IFC 2x3 and the older 2x releases. */
    IFC2X3,
    /** IFC 4 with its addenda and corrigenda. */
    IFC4,
    /** IFC 4.3 with its releases, and the interim 4.1 and 4.2. */
    IFC4X3;

    /**
     * @param schemaIdentifier a {@code FILE_SCHEMA} entry such as {@code IFC4X3_ADD2}
     * @return the schema family, or empty when the identifier is not an IFC schema Sinter reads
     */
    public static Optional<IfcSchemaVersion> fromIdentifier(String schemaIdentifier) {
        String id = normalise(schemaIdentifier);
        if (isRelease(id, "IFC2X3") || isRelease(id, "IFC2X2") || isRelease(id, "IFC2X")) {
            return Optional.of(IFC2X3);
        }
        if (isRelease(id, "IFC4X3") || isRelease(id, "IFC4X2") || isRelease(id, "IFC4X1")) {
            return Optional.of(IFC4X3);
        }
        if (isRelease(id, "IFC4")) {
            return Optional.of(IFC4);
        }
        return Optional.empty();
    }

    private static String normalise(String schemaIdentifier) {
        String id = schemaIdentifier.trim().toUpperCase(Locale.ROOT);
        int end = 0;
        while (end < id.length() && id.charAt(end) != '{' && !Character.isWhitespace(id.charAt(end))) {
            end++;
        }
        return id.substring(0, end);
    }

    /** @return whether {@code id} is {@code base}, {@code base_SOMETHING} or {@code baseRCn} */
    private static boolean isRelease(String id, String base) {
        if (!id.startsWith(base)) {
            return false;
        }
        String rest = id.substring(base.length());
        return rest.isEmpty() || (rest.length() > 1 && rest.charAt(0) == '_') || isReleaseCandidate(rest);
    }

    private static boolean isReleaseCandidate(String suffix) {
        if (suffix.length() < 3 || !suffix.startsWith("RC")) {
            return false;
        }
        return suffix.substring(2).chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
