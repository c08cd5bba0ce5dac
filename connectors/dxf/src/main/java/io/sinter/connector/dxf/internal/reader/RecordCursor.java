package io.sinter.connector.dxf.internal.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups pairs into records: a {@code (0, TYPE)} pair and the pairs up to the next group 0. Reading a record's body
 * reads the next record's group 0 pair, which the cursor holds until {@link #advance}. The body of {@code EOF} is
 * never read, so nothing behind the marker is parsed.
 */
final class RecordCursor {
    private static final int COMMENT = 999;

    private final DxfPairReader pairs;
    /** A group 0 pair has been read and starts the next record. */
    private boolean pending;
    private boolean inputEnded;
    private boolean current;
    private String type;
    private DxfPosition position;
    private List<DxfPair> body = List.of();

    RecordCursor(DxfPairReader pairs) {
        this.pairs = pairs;
    }

    /**
     * Moves to the next record.
     *
     * @param keepBody whether to keep the body pairs (false when skipping a section)
     * @return false when the input has ended
     * @throws DxfSyntaxException when a pair is malformed or the file does not start with a group 0 pair
     */
    boolean advance(boolean keepBody) throws IOException, DxfSyntaxException {
        current = false;
        body = List.of();
        if (!pending && !findRecordStart()) {
            return false;
        }
        pending = false;
        current = true;
        type = pairs.stringValue().trim();
        position = pairs.position();
        if (type.equals("EOF")) {
            return true;
        }
        List<DxfPair> collected = keepBody ? new ArrayList<>() : null;
        while (pairs.next()) {
            int code = pairs.code();
            if (code == 0) {
                pending = true;
                break;
            }
            if (keepBody && code != COMMENT) {
                collected.add(pairs.pair());
            }
        }
        inputEnded = !pending;
        if (keepBody) {
            body = collected;
        }
        return true;
    }

    private boolean findRecordStart() throws IOException, DxfSyntaxException {
        if (inputEnded) {
            return false;
        }
        while (pairs.next()) {
            if (pairs.code() == 0) {
                return true;
            }
            if (pairs.code() != COMMENT) {
                throw new DxfSyntaxException(pairs.position(), "expected a group code 0 pair starting a record,"
                        + " found group code " + pairs.code());
            }
        }
        inputEnded = true;
        return false;
    }

    /** @return whether a record is current (false after the input has ended) */
    boolean hasRecord() {
        return current;
    }

    /** @return the current record's type */
    String type() {
        return type;
    }

    /** @return where the current record starts */
    DxfPosition position() {
        return position;
    }

    /** @return the current record's body (empty when it was skipped) */
    List<DxfPair> body() {
        return body;
    }

    /** @return the current record; call once per record, it takes over the body list */
    DxfRecord record() {
        return DxfRecord.owning(type, position, body);
    }

    /** @return the position of the last pair read, for errors at the end of the input */
    DxfPosition lastPairPosition() {
        return pairs.position();
    }
}
