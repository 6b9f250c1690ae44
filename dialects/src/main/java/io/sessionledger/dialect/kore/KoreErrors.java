package io.sessionledger.dialect.kore;

import io.sessionledger.dialect.ApiDialect;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.DialectErrors;
import io.sessionledger.service.errors.LedgerErrors;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Kore.ai's error shape, {@code {"errors":[{"msg","code"}]}} with the HTTP status (docs/decisions.md). Codes:
 * {@code invalid_request} 400, {@code unauthorized} 401, {@code forbidden} 403 (including a userReference that
 * is not the session's owner), {@code app_not_found} / {@code session_not_found} 404,
 * {@code session_terminated} / {@code conflict} 409, {@code precondition_failed} 412,
 * {@code rate_limit_exceeded} 429, and the generic ones.
 */
@Component
@Order(20)
public class KoreErrors implements DialectErrors {

    @Override
    public boolean owns(String path) {
        return ApiDialect.of(path) == ApiDialect.KORE;
    }

    @Override
    public ApiError refused(String reason, String message) {
        return switch (reason) {
            case "NOT_FOUND" -> new ApiError(HttpStatus.NOT_FOUND, "session_not_found", message);
            case "TERMINATED" -> new ApiError(HttpStatus.CONFLICT, "session_terminated", message);
            default -> DialectErrors.super.refused(reason, message);
        };
    }

    @Override
    public ResponseEntity<Object> render(ApiError error, String requestId) {
        return LedgerErrors.respond(error,
                ApiDialect.KORE.errorBody(error.code(), error.message(), requestId, error.fieldErrors()));
    }
}
