package io.sessionledger.query.security;

import jakarta.servlet.http.HttpServletRequest;

/** Who is calling: the API key's id, the one tenant it belongs to, its name. */
public record Principal(String keyId, String tenantId, String name) {

    public static final String ATTRIBUTE = Principal.class.getName();

    public static Principal of(HttpServletRequest request) {
        Object principal = request.getAttribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("request passed no API key check");
        }
        return (Principal) principal;
    }
}
