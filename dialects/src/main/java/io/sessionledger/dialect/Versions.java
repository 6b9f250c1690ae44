package io.sessionledger.dialect;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import org.springframework.http.HttpStatus;

/** {@code If-Match} (an extension no seed API has): the version a client last saw, as given in the ETag. */
public final class Versions {

    private Versions() {
    }

    /** The expected version, or null when the client sent none or {@code *}. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ApiException(new ApiError(HttpStatus.PRECONDITION_FAILED, "precondition_failed",
                    "If-Match must be a session version as given in the ETag"));
        }
        return Long.parseLong(value);
    }
}
