package io.sessionledger.query.api.genesys;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The Genesys error body, {@code {"code","description"}}, and the one table from HTTP status to code. */
public record GenesysError(String code, String description) {

    private static final Map<Integer, String> CODES = Map.ofEntries(
            Map.entry(400, "invalid_request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"),
            Map.entry(406, "not_acceptable"),
            Map.entry(409, "session_terminated"),
            Map.entry(412, "precondition_failed"),
            Map.entry(413, "payload_too_large"),
            Map.entry(415, "unsupported_media_type"),
            Map.entry(431, "request_header_fields_too_large"),
            Map.entry(503, "unavailable"));

    /** A response for any status; server-side failures all become 503, so no client ever sees a 500. */
    public static ResponseEntity<GenesysError> respond(int status, String description) {
        int shown = shownStatus(status);
        return respond(HttpStatus.valueOf(shown), of(shown, description).code(), description);
    }

    public static int shownStatus(int status) {
        return status >= 500 || status < 400 ? 503 : status;
    }

    /** The body for a status as {@link #shownStatus} shows it. */
    public static GenesysError of(int shownStatus, String description) {
        return new GenesysError(CODES.getOrDefault(shownStatus, "invalid_request"), description);
    }

    public static ResponseEntity<GenesysError> respond(HttpStatus status, String code, String description) {
        // Preset content type: the body is JSON even when the client asked for HTML.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new GenesysError(code, description));
    }
}
