package io.sinter.connector.dxf.internal.reader;

/**
 * The DXF input cannot be read: a malformed pair, a value that does not match its group code, or the file ends
 * inside a section. The message starts with the position, e.g.
 * {@code line 1234 (pair 617): group code 'abc' is not an integer}.
 */
public final class DxfSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient DxfPosition position;
    private final String detail;

    /**
     * @param position where the problem was found
     * @param detail   what is wrong, without the position
     */
    public DxfSyntaxException(DxfPosition position, String detail) {
        super(position.describe() + ": " + detail);
        this.position = position;
        this.detail = detail;
    }

    /** @return where the problem was found */
    public DxfPosition position() {
        return position;
    }

    /** @return the 1-based index of the offending pair */
    public long pairIndex() {
        return position.pairIndex();
    }

    /** @return the 1-based line number in an ASCII file, {@code -1} for binary files */
    public long lineNumber() {
        return position.line();
    }

    /** @return the 0-based byte offset in a binary file, {@code -1} for ASCII files */
    public long byteOffset() {
        return position.byteOffset();
    }

    /** @return the message without the position prefix */
    public String detail() {
        return detail;
    }
}
