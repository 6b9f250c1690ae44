package io.sessionledger.command.api.web;

import io.sessionledger.command.session.SessionRejected;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Errors of the ledger's own API, and of any path no dialect owns: {@code {"code","description"}}. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class LedgerErrors implements DialectErrors {

    @Override
    public boolean owns(String path) {
        return true;
    }

    @Override
    public ApiError rejected(SessionRejected rejection) {
        return switch (rejection.reason()) {
            case NOT_FOUND -> ApiError.notFound(rejection.getMessage());
            case VERSION_MISMATCH -> new ApiError(HttpStatus.PRECONDITION_FAILED, "precondition_failed",
                    rejection.getMessage());
            default -> new ApiError(HttpStatus.CONFLICT, "conflict", rejection.getMessage());
        };
    }

    @Override
    public ResponseEntity<Object> render(ApiError error, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("description", error.message());
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
