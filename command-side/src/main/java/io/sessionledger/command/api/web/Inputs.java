package io.sessionledger.command.api.web;

/** Checks on single values from headers, paths and bodies. */
public final class Inputs {

    private Inputs() {
    }

    /** Non-blank, bounded, no control characters; null stays null. */
    public static String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new ApiException(ApiError.badRequest("'" + name + "' must not be blank"));
        }
        if (value.length() > maxLength) {
            throw new ApiException(ApiError.badRequest("'" + name + "' is longer than " + maxLength + " characters"));
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ApiException(ApiError.badRequest("'" + name + "' contains control characters"));
            }
        }
        return value;
    }
}
