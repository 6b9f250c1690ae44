package io.sessionledger.service.web;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;

/** Checks on single values from headers, paths and bodies; a failure is a 400 that names the field. */
public final class Inputs {

    private Inputs() {
    }

    /** Non-blank, bounded, no control characters; null stays null. */
    public static String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw bad(name, "'" + name + "' must not be blank");
        }
        if (value.length() > maxLength) {
            throw bad(name, "'" + name + "' is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw bad(name, "'" + name + "' contains control characters");
            }
        }
        return value;
    }

    /** Like {@link #text} but the value must be there. */
    public static String required(String name, String value, int maxLength) {
        if (value == null) {
            throw bad(name, "'" + name + "' is required");
        }
        return text(name, value, maxLength);
    }

    /** 1 to {@code maxLength} characters of {@code A-Z a-z 0-9 _ -}, plus those in {@code extra}. */
    public static String token(String name, String value, int maxLength, String extra) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            throw bad(name, "'" + name + "' must be 1-" + maxLength + " characters of A-Z a-z 0-9 _ -" + extra);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || extra.indexOf(c) >= 0;
            if (!ok) {
                throw bad(name, "'" + name + "' must be 1-" + maxLength + " characters of A-Z a-z 0-9 _ -" + extra);
            }
        }
        return value;
    }

    public static ApiException bad(String field, String message) {
        return new ApiException(ApiError.badField(field, message));
    }
}
