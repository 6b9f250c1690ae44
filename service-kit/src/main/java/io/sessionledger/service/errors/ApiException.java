package io.sessionledger.service.errors;

/** Thrown anywhere in a request to answer with {@link #error()} in the path's dialect; carries no stack trace. */
public class ApiException extends RuntimeException {

    private final ApiError error;

    public ApiException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
