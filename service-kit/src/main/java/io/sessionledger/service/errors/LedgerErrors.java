package io.sessionledger.service.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The ledger's own API, and any path no dialect owns: {@code {"code","description"}} with the HTTP status.
 * {@link ErrorFormats} falls back to it, so it is not a bean that claims paths.
 */
public final class LedgerErrors implements DialectErrors {

    public static final LedgerErrors INSTANCE = new LedgerErrors();

    private LedgerErrors() {
    }

    @Override
    public boolean owns(String path) {
        return true;
    }

    @Override
    public ResponseEntity<Object> render(ApiError error, String requestId) {
        return codeAndDescription(error);
    }

    /** The {@code {"code","description"}} body that the ledger API and the Genesys dialect share. */
    public static ResponseEntity<Object> codeAndDescription(ApiError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code());
        body.put("description", error.message());
        return respond(error, body);
    }

    /** Status, JSON content type and {@code Retry-After} when the error has one. */
    public static ResponseEntity<Object> respond(ApiError error, Object body) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(error.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (error.retryAfterSeconds() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
        }
        return builder.body(body);
    }
}
