package io.sessionledger.service.errors;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** The generic code for a status when nothing more specific is known ({@code 404 -> not_found}). */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    public static String of(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "invalid_request";
            case 413 -> "payload_too_large";
            case 429 -> "rate_limit_exceeded";
            case 503 -> "unavailable";
            default -> status.is5xxServerError() ? "internal_error" : status.name().toLowerCase(Locale.ROOT);
        };
    }
}
