package io.sessionledger.dialect.genesys;

import io.sessionledger.dialect.ApiDialect;
import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.DialectErrors;
import io.sessionledger.service.errors.LedgerErrors;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Genesys errors, both versions: {@code {"code","description"}} with the HTTP status. Codes:
 * {@code invalid_request, visit_id_conflict, customer_conflict} 400, {@code unauthorized} 401, {@code forbidden} 403,
 * {@code not_found} 404, {@code session_terminated} 409, {@code precondition_failed} 412, and the generic ones.
 */
@Component
@Order(10)
public class GenesysErrors implements DialectErrors {

    @Override
    public boolean owns(String path) {
        return ApiDialect.of(path) == ApiDialect.GENESYS || path.startsWith("/internal/v1/genesys/");
    }

    @Override
    public ApiError refused(String reason, String message) {
        return switch (reason) {
            case "CUSTOMER_CONFLICT" -> new ApiError(HttpStatus.BAD_REQUEST, "customer_conflict", message);
            case "VISIT_CONFLICT", "KEY_TAKEN" -> new ApiError(HttpStatus.BAD_REQUEST, "visit_id_conflict", message);
            case "TERMINATED" -> new ApiError(HttpStatus.CONFLICT, "session_terminated", message);
            default -> DialectErrors.super.refused(reason, message);
        };
    }

    @Override
    public ResponseEntity<Object> render(ApiError error, String requestId) {
        return LedgerErrors.codeAndDescription(error);
    }
}
