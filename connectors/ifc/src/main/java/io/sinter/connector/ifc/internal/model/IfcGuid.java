package io.sinter.connector.ifc.internal.model;

import java.util.Optional;
import java.util.UUID;

/**
 * The IFC GlobalId encoding: a 128-bit GUID written as 22 characters of the IFC base-64 alphabet
 * {@code 0-9 A-Z a-z _ $}, most significant first. The first character carries the top 2 bits (so it is
 * {@code 0} to {@code 3}), each of the other 21 carries 6 bits. This is the "compressed GUID" of
 * buildingSMART's IfcGloballyUniqueId, as implemented by the IFC toolkits (IfcOpenShell
 * {@code ifcopenshell.guid}, xBIM {@code IfcGloballyUniqueId}).
 */
public final class IfcGuid {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$";
    private static final int LENGTH = 22;

    private IfcGuid() {
    }

    /**
     * @param globalId a GlobalId as written in the file
     * @return the GUID in standard lower-case UUID form, or empty when {@code globalId} is not a valid
     *     22-character IFC GUID
     */
    public static Optional<String> toUuid(String globalId) {
        if (globalId == null || globalId.length() != LENGTH) {
            return Optional.empty();
        }
        int first = ALPHABET.indexOf(globalId.charAt(0));
        if (first < 0 || first > 3) {
            return Optional.empty();
        }
        long high = 0;
        long low = first;
        for (int i = 1; i < LENGTH; i++) {
            int digit = ALPHABET.indexOf(globalId.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            // shift the 128-bit number (high:low) left by 6 and add the digit
            high = (high << 6) | (low >>> 58);
            low = (low << 6) | digit;
        }
        return Optional.of(new UUID(high, low).toString());
    }

    /** @return the 22-character IFC GlobalId of {@code uuid} */
    public static String fromUuid(UUID uuid) {
        long high = uuid.getMostSignificantBits();
        long low = uuid.getLeastSignificantBits();
        char[] out = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 1; i--) {
            out[i] = ALPHABET.charAt((int) (low & 63));
            low = (low >>> 6) | (high << 58);
            high >>>= 6;
        }
        out[0] = ALPHABET.charAt((int) (low & 3));
        return new String(out);
    }
}
