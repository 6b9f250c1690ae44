package io.sessionledger.deploy.edge;

/** The errors the edge answers itself; codes follow docs/architecture.md. */
public enum EdgeError {
    BAD_REQUEST(400, "invalid_request"),
    NOT_FOUND(404, "not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    REQUEST_TIMEOUT(408, "request_timeout"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    URI_TOO_LONG(414, "uri_too_long"),
    RATE_LIMITED(429, "rate_limit_exceeded"),
    HEADERS_TOO_LARGE(431, "request_header_fields_too_large"),
    UNAVAILABLE(503, "unavailable");

    private final int status;
    private final String code;

    EdgeError(int status, String code) {
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** After these the connection is closed: what follows on it cannot be trusted to be a request. */
    boolean closesConnection() {
        return this == BAD_REQUEST || this == REQUEST_TIMEOUT || this == PAYLOAD_TOO_LARGE || this == URI_TOO_LONG
                || this == HEADERS_TOO_LARGE;
    }
}
