package io.sinter.rest.internal;

import io.sinter.core.api.ServiceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the error envelope of api.md section 1.9. Expected failures keep their
 * status; anything else is a bug: logged with its stack trace, answered 500 without one.
 */
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private final Logger logger = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ServiceException refused) {
            return refusal(refused);
        }
        if (failure instanceof WebApplicationException web) {
            Response original = web.getResponse();
            int status = original.getStatus();
            Response.ResponseBuilder answer = Response.status(status).type(Wire.JSON)
                    .entity(envelope(codeFor(status), messageFor(status, web)));
            original.getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                    values.forEach(v -> answer.header(name, v));
                }
            });
            return answer.build();
        }
        logger.error("Unexpected failure answering a request", failure);
        return Response.serverError().type(Wire.JSON)
                .entity(envelope("InternalServerError", "The server failed to answer the request.")).build();
    }

    static Response refusal(ServiceException refused) {
        int status = switch (refused.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case FORBIDDEN -> 403;
            case TOO_LARGE -> 413;
        };
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", refused.code());
        error.put("message", refused.getMessage());
        if (refused.target() != null) {
            error.put("target", refused.target());
        }
        if (!refused.details().isEmpty()) {
            error.put("details", refused.details().stream().map(d -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("code", d.code());
                detail.put("message", d.message());
                if (d.target() != null) {
                    detail.put("target", d.target());
                }
                return detail;
            }).toList());
        }
        return Response.status(status).type(Wire.JSON).entity(Map.of("error", error)).build();
    }

    /** The error body: {@code {"error":{"code":…,"message":…}}}. */
    static Map<String, Object> envelope(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Map.of("error", error);
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "InvalidRequest";
            case 401 -> "Unauthorized";
            case 403 -> "InsufficientPermissions";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 413 -> "PayloadTooLarge";
            case 415, 422 -> "InvalidRequest";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalServerError" : "InvalidRequest";
        };
    }

    private static String messageFor(int status, WebApplicationException failure) {
        return switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "The resource does not support this method.";
            default -> status >= 500 ? "The server failed to answer the request."
                    : failure.getMessage() == null ? "The request was not accepted." : failure.getMessage();
        };
    }
}
