package io.sessionledger.dialect.vectara;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.DialectErrors;
import io.sessionledger.service.errors.LedgerErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        return path.startsWith("/v2/agents/") || path.equals("/v2/agents");
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.status() == HttpStatus.NOT_FOUND && error.code().equals("not_found")
                ? "session_not_found" : error.code());
        // Every field at fault has its own message; in name order, so that the answer is the same every time.
        Map<String, String> fieldErrors = new TreeMap<>(error.fieldErrors());
        body.put("messages", fieldErrors.isEmpty() ? List.of(error.message()) : List.copyOf(fieldErrors.values()));
        body.put("request_id", requestId);
        body.put("field_errors", fieldErrors);
        return LedgerErrors.respond(error, body);
    }
}
