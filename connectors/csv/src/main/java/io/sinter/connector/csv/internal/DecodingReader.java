package io.sinter.connector.csv.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link Reader} that decodes bytes strictly: an undecodable byte sequence is an error, never a
 * replacement character. Unlike {@link java.io.InputStreamReader} it first hands out every character
 * decoded before the bad bytes, and only the next read fails, with an {@link UndecodableInputException}
 * that carries the byte offset. A caller that counts line breaks therefore knows the exact line of the
 * error. The error is sticky: every later read throws it again.
 *
 * <p>Without an explicit charset the input is UTF-8, unless it starts with a UTF-16 byte order mark.
 */
final class DecodingReader extends Reader {
    private static final int BYTE_BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER_SIZE);
    private long bytesRead;
    private boolean endOfInput;
    private boolean flushed;
    private UndecodableInputException failure;

    private DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Opens a reader over {@code in}.
     *
     * @param in the bytes; closed with the reader
     * @param charset the character set, or null to detect UTF-16 by its byte order mark and read UTF-8 otherwise
     */
    static DecodingReader open(InputStream in, Charset charset) throws IOException {
        Objects.requireNonNull(in, "in");
        if (charset != null) {
            DecodingReader reader = new DecodingReader(in, charset);
            reader.bytes.flip();
            return reader;
        }
        ByteBuffer head = ByteBuffer.allocate(2);
        int n;
        while (head.hasRemaining() && (n = in.read(head.array(), head.position(), head.remaining())) >= 0) {
            head.position(head.position() + n);
        }
        head.flip();
        Charset detected = StandardCharsets.UTF_8;
        if (head.remaining() == 2) {
            int b0 = head.get(0) & 0xFF;
            int b1 = head.get(1) & 0xFF;
            if (b0 == 0xFF && b1 == 0xFE) {
                detected = StandardCharsets.UTF_16LE;
            } else if (b0 == 0xFE && b1 == 0xFF) {
                detected = StandardCharsets.UTF_16BE;
            }
        }
        DecodingReader reader = new DecodingReader(in, detected);
        reader.bytes.put(head);
        reader.bytesRead = reader.bytes.position();
        reader.bytes.flip();
        return reader;
    }

    /** @return the character set the bytes are decoded with */
    Charset charset() {
        return charset;
    }

    /** @return how many bytes were taken from the stream so far (slightly ahead of the characters handed out) */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (failure != null) {
            throw failure;
        }
        if (flushed) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        for (;;) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                long at = bytesRead - bytes.remaining();
                failure = new UndecodableInputException(describe(result, at), at);
                int decoded = out.position() - offset;
                if (decoded > 0) {
                    return decoded;
                }
                throw failure;
            }
            int decoded = out.position() - offset;
            if (result.isOverflow()) {
                return decoded;
            }
            if (endOfInput) {
                if (!flushed) {
                    if (decoder.flush(out).isOverflow()) {
                        return out.position() - offset;
                    }
                    flushed = true;
                    decoded = out.position() - offset;
                }
                return decoded > 0 ? decoded : -1;
            }
            if (decoded > 0) {
                return decoded;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
                bytesRead += n;
            }
            bytes.flip();
        }
    }

    private String describe(CoderResult result, long at) {
        return "The file is not valid " + charset.name() + ": " + (result.isMalformed() ? "malformed" : "unmappable")
                + " byte sequence of " + result.length() + " byte(s) at byte offset " + at
                + "; set the connector setting 'encoding' to the file's character set (e.g. windows-1252)";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The bytes at {@link #byteOffset()} cannot be decoded with the reader's character set. */
    static final class UndecodableInputException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long byteOffset;

        UndecodableInputException(String message, long byteOffset) {
            super(message);
            this.byteOffset = byteOffset;
        }

        /** @return the 0-based offset of the first undecodable byte in the file */
        long byteOffset() {
            return byteOffset;
        }
    }
}
