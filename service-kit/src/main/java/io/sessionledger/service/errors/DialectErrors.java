package io.sessionledger.service.errors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The one error interface: each API dialect says which paths it owns, how it names a refusal of the session's
 * rules, and what its error body looks like. Both services render every error through it.
 */
public interface DialectErrors {

    boolean owns(String path);

    /** The body and headers of {@code error} in this dialect's format. */
    ResponseEntity<Object> render(ApiError error, String requestId);

    /**
     * A command the session's rules refused, by the domain's reason name ({@code CUSTOMER_CONFLICT},
     * {@code VISIT_CONFLICT}, {@code KEY_TAKEN}, {@code TERMINATED}, {@code NOT_FOUND}, {@code VERSION_MISMATCH},
     * {@code OWNER_MISMATCH}).
     */
    default ApiError refused(String reason, String message) {
        return switch (reason) {
            case "NOT_FOUND" -> ApiError.notFound(message);
            case "VERSION_MISMATCH" -> new ApiError(HttpStatus.PRECONDITION_FAILED, "precondition_failed", message);
            case "OWNER_MISMATCH" -> ApiError.forbidden(message);
            default -> new ApiError(HttpStatus.CONFLICT, "conflict", message);
        };
    }
}
