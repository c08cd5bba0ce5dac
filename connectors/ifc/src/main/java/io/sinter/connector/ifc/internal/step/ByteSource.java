package io.sinter.connector.ifc.internal.step;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** Where the lexer gets its bytes from: an {@link InputStream} or a channel, read in large blocks. */
@FunctionalInterface
interface ByteSource {

    /**
     * Reads up to {@code length} bytes (at least one, blocking) into {@code target}.
     *
     * @return number of bytes read, or -1 at the end of the input
     */
    int read(byte[] target, int offset, int length) throws IOException;

    static ByteSource of(InputStream in) {
        return in::read;
    }

    static ByteSource of(ReadableByteChannel channel) {
        return (target, offset, length) -> channel.read(ByteBuffer.wrap(target, offset, length));
    }
}
