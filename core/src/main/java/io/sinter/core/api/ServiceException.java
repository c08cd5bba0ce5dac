package io.sinter.core.api;

import java.util.List;
import java.util.Objects;

/**
 * An expected refusal of a core service, with the error code of api.md section 1.9. The REST bundle
 * maps {@link Kind} to the HTTP status and writes the error envelope; the shell prints the message.
 */
public class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Kind {
        /** the addressed entity does not exist (404) */
        NOT_FOUND,
        /** the request conflicts with the current state (409) */
        CONFLICT,
        /** the request is invalid (422); {@link #details()} lists each problem */
        INVALID,
        /** the caller may not do this (403) */
        FORBIDDEN,
        /** the request body is larger than allowed (413) */
        TOO_LARGE
    }

    /**
     * One problem of an invalid request.
     *
     * @param code {@code MissingRequiredProperty}, {@code InvalidValue}, {@code InvalidJson} or {@code LimitExceeded}
     * @param message a sentence for people
     * @param target the request element at fault, e.g. {@code sourceFiles[0].connectorType}
     */
    public record Detail(String code, String message, String target) {
    }

    private final Kind kind;
    private final String code;
    private final String target;
    private final List<Detail> details;

    /** A refusal without target or details. */
    public ServiceException(Kind kind, String code, String message) {
        this(kind, code, message, null, List.of());
    }

    /** A refusal naming the request element at fault and listing each problem. */
    public ServiceException(Kind kind, String code, String message, String target, List<Detail> details) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.target = target;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    /** @return a 404 with {@code code}, e.g. {@code iModelNotFound} */
    public static ServiceException notFound(String code, String message) {
        return new ServiceException(Kind.NOT_FOUND, code, message);
    }

    /** @return a 409 with {@code code} */
    public static ServiceException conflict(String code, String message) {
        return new ServiceException(Kind.CONFLICT, code, message);
    }

    /** @return a 422 with the area's validation {@code code} and one detail */
    public static ServiceException invalid(String code, String detailCode, String message, String target) {
        return new ServiceException(Kind.INVALID, code, message, target, List.of(new Detail(detailCode, message, target)));
    }

    /** @return why */
    public Kind kind() {
        return kind;
    }

    /** @return the error code */
    public String code() {
        return code;
    }

    /** @return the request element at fault, or null */
    public String target() {
        return target;
    }

    /** @return each problem of an invalid request */
    public List<Detail> details() {
        return details;
    }
}
