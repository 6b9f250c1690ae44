package io.sessionledger.command.api.web;

/** Thrown by adapters to answer with {@link #error()}; carries no stack trace. */
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
