package io.sessionledger.dialect.vectara;

import io.sessionledger.dialect.ApiDialect;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.DialectErrors;
import io.sessionledger.service.errors.LedgerErrors;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The Vectara error body, {@code {"code","messages":[...],"request_id","field_errors":{...}}}, with the seed's
 * codes: {@code invalid_request} and {@code invalid_metadata} 400, {@code unauthorized} 401, {@code forbidden} 403,
 * {@code agent_not_found} / {@code session_not_found} 404, {@code conflict} 409, {@code rate_limit_exceeded} 429;
 * plus {@code precondition_failed} 412 for a stale {@code If-Match}.
 */
@Component
@Order(30)
public class VectaraErrors implements DialectErrors {

    @Override
    public boolean owns(String path) {
        return ApiDialect.of(path) == ApiDialect.VECTARA;
    }

    @Override
    public ApiError refused(String reason, String message) {
        return switch (reason) {
            case "NOT_FOUND" -> new ApiError(HttpStatus.NOT_FOUND, "session_not_found", message);
            // The session key is the only key a Vectara client names, so a clash is always that field's.
            case "KEY_TAKEN" -> new ApiError(HttpStatus.CONFLICT, "conflict", message, Map.of("key", message), null);
            case "TERMINATED" -> new ApiError(HttpStatus.CONFLICT, "conflict", message);
            default -> DialectErrors.super.refused(reason, message);
        };
    }

    @Override
    public ResponseEntity<Object> render(ApiError error, String requestId) {
        // A plain 404 (no route, a deleted session found by the query side) is a session not found here.
        String code = error.status() == HttpStatus.NOT_FOUND && error.code().equals("not_found")
                ? "session_not_found" : error.code();
        return LedgerErrors.respond(error,
                ApiDialect.VECTARA.errorBody(code, error.message(), requestId, error.fieldErrors()));
    }
}
