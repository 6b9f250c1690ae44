package io.sessionledger.deploy.edge;

/** The few errors the edge answers itself; codes follow docs/architecture.md. */
public enum EdgeError {
    NOT_FOUND(404, "not_found"),
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
}
