package io.sinter.connector.ifc.internal.step;

import java.util.OptionalLong;

/**
 * An ISO 10303-21 file that cannot be read: bad token, unterminated string, truncated file, duplicate
 * instance id, missing section terminator and so on.
 *
 * <p>Carries the position of the problem: the 1-based line, the byte offset from the start of the file
 * and, when the problem lies inside an entity instance, that instance's {@code #id}. The message reads
 * {@code line 42 (offset 1234), #17: expected ')' but found ';'}.
 */
public final class StepSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final long offset;
    private final long instanceId;

    /**
     * @param reason what is wrong, without the position
     * @param line 1-based line of the problem
     * @param offset byte offset of the problem from the start of the file
     * @param instanceId id of the instance being read, or a negative number when none
     */
    public StepSyntaxException(String reason, int line, long offset, long instanceId) {
        super(format(reason, line, offset, instanceId));
        this.reason = reason;
        this.line = line;
        this.offset = offset;
        this.instanceId = instanceId < 0 ? -1 : instanceId;
    }

    private static String format(String reason, int line, long offset, long instanceId) {
        StringBuilder message = new StringBuilder(reason.length() + 40)
                .append("line ").append(line).append(" (offset ").append(offset).append(')');
        if (instanceId >= 0) {
            message.append(", #").append(instanceId);
        }
        return message.append(": ").append(reason).toString();
    }

    /** @return what is wrong, without the position prefix of {@link #getMessage()} */
    public String reason() {
        return reason;
    }

    /** @return 1-based line of the problem */
    public int line() {
        return line;
    }

    /** @return byte offset of the problem from the start of the file */
    public long offset() {
        return offset;
    }

    /** @return id of the entity instance being read when the problem was found, if any */
    public OptionalLong instanceId() {
        return instanceId < 0 ? OptionalLong.empty() : OptionalLong.of(instanceId);
    }
}
