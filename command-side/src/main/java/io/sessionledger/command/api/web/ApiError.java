package io.sessionledger.command.api.web;

import org.springframework.http.HttpStatus;

/** A client-facing error before a dialect renders it in its own format. */
public record ApiError(HttpStatus status, String code, String message) {

    public static ApiError badRequest(String message) {
        return new ApiError(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(HttpStatus.NOT_FOUND, "not_found", message);
    }
}
