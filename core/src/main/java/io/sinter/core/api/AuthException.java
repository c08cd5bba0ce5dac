package io.sinter.core.api;

/**
 * Authentication refused: a 401 of api.md section 1.9 ({@code HeaderNotFound}, {@code InvalidAuthorizationScheme},
 * {@code InvalidHeaderValue}, {@code Unauthorized}, {@code RequiredScopeMissing}) or an OAuth error of the
 * token endpoint ({@code invalid_request}, {@code invalid_grant}, ... with status 400 or 401).
 */
public class AuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    /** A refusal with HTTP {@code status} and {@code code}. */
    public AuthException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** @return 401 for bearer checks; 400 or 401 for the token endpoint */
    public int status() {
        return status;
    }

    /** @return the error code */
    public String code() {
        return code;
    }
}
