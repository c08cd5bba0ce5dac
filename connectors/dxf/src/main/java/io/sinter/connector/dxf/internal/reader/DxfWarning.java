package io.sinter.connector.dxf.internal.reader;

/**
 * Something in the file that was tolerated but that the caller may want to report (missing EOF marker, data after
 * EOF, duplicate handles, unknown code page, ...).
 *
 * @param position where it was noticed
 * @param message  what was noticed and what the reader did about it
 */
public record DxfWarning(DxfPosition position, String message) {

    @Override
    public String toString() {
        return position.describe() + ": " + message;
    }
}
