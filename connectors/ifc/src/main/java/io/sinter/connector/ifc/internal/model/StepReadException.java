package io.sinter.connector.ifc.internal.model;

import io.sinter.connector.ifc.internal.step.StepSyntaxException;

/**
 * Carries a {@link StepSyntaxException} met while decoding an instance on demand out of code that cannot
 * declare it; {@link io.sinter.connector.ifc.internal.IfcConnector} unwraps it into a
 * {@code ConnectorException}.
 */
public final class StepReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepReadException(StepSyntaxException cause) {
        super(cause.getMessage(), cause);
    }

    /** @return the syntax error */
    @Override
    public synchronized StepSyntaxException getCause() {
        return (StepSyntaxException) super.getCause();
    }
}
