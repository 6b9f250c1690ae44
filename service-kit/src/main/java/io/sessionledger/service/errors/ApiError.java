package io.sessionledger.service.errors;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A client-facing error before a dialect renders it in its own format.
 *
 * @param fieldErrors the offending fields and what is wrong with each (Vectara shows them; others may not)
 * @param retryAfterSeconds for 429 and 503: when to try again, or null
 */
public record ApiError(HttpStatus status, String code, String message, Map<String, String> fieldErrors,
                       Long retryAfterSeconds) {

    public ApiError {
        fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    public ApiError(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of(), null);
    }

    public static ApiError badRequest(String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    /** A 400 that names the field at fault. */
    public static ApiError badField(String field, String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, "invalid_request", message, Map.of(field, message), null);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ApiError unavailable(String message) {
        return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", message);
    }

    public ApiError withCode(String newCode) {
        return new ApiError(status, newCode, message, fieldErrors, retryAfterSeconds);
    }
}
