package io.sessionledger.command.api.genesys;

import io.sessionledger.command.api.web.ApiError;
import io.sessionledger.command.api.web.DialectErrors;
import io.sessionledger.command.session.SessionRejected;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Genesys errors, both versions: {@code {"code","description"}} with the HTTP status. */
@Component
@Order(10)
public class GenesysErrors implements DialectErrors {

    @Override
    public boolean owns(String path) {
        return path.startsWith("/gks-server/") || path.startsWith("/internal/v1/genesys/");
    }

    @Override
    public ApiError rejected(SessionRejected rejection) {
        String message = rejection.getMessage();
        return switch (rejection.reason()) {
            case CUSTOMER_CONFLICT -> new ApiError(HttpStatus.BAD_REQUEST, "customer_conflict", message);
            case VISIT_CONFLICT, KEY_TAKEN -> new ApiError(HttpStatus.BAD_REQUEST, "visit_id_conflict", message);
            case TERMINATED -> new ApiError(HttpStatus.CONFLICT, "session_terminated", message);
            case NOT_FOUND -> ApiError.notFound(message);
            case VERSION_MISMATCH -> new ApiError(HttpStatus.PRECONDITION_FAILED, "precondition_failed", message);
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
