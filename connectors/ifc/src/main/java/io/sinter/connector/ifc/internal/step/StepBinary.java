package io.sinter.connector.ifc.internal.step;

/**
 * A BINARY value, written {@code "0FF"} in the file: the first hex digit is the number of unused
 * high-order bits (0 to 3) of the second digit, the other digits hold the bits, most significant first.
 *
 * @param encoded the hex digits as written, without the quotes, upper case
 */
public record StepBinary(String encoded) {

    /** @return number of bits of the value */
    public int bitLength() {
        return 4 * (encoded.length() - 1) - unusedBits();
    }

    /**
     * @param index 0 for the most significant bit
     * @return the bit at {@code index}
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #bitLength()}
     */
    public boolean bit(int index) {
        if (index < 0 || index >= bitLength()) {
            throw new IndexOutOfBoundsException("bit " + index + " of " + bitLength());
        }
        int position = index + unusedBits();
        int digit = Character.digit(encoded.charAt(1 + position / 4), 16);
        return (digit & (8 >> (position % 4))) != 0;
    }

    private int unusedBits() {
        return encoded.charAt(0) - '0';
    }

    @Override
    public String toString() {
        return "\"" + encoded + "\"";
    }
}
