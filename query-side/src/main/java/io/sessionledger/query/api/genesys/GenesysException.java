package io.sessionledger.query.api.genesys;

import org.springframework.http.HttpStatus;

/** A request the Genesys API refuses, with the status and code its error body carries. */
public class GenesysException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public GenesysException(HttpStatus status, String code, String description) {
        super(description);
        this.status = status;
        this.code = code;
    }

    public static GenesysException invalid(String description) {
        return new GenesysException(HttpStatus.BAD_REQUEST, "invalid_request", description);
    }

    public static GenesysException unavailable(String description) {
        return new GenesysException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", description);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
