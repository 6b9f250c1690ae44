package io.sessionledger.dialect.vectara;

import io.sessionledger.service.errors.ApiError;
import io.sessionledger.service.errors.ApiException;
import io.sessionledger.service.security.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The Vectara-style dialect's rules, the same on both services: the shapes of agent and session keys, who may
 * use an agent, and the list parameters. What a body may hold is {@link VectaraRequests}; a generated key is
 * {@link SessionKeys}. Every refusal names the field at fault in {@code field_errors} (docs/decisions.md).
 */
public final class VectaraRules {

    /** The name every event written through this dialect carries in its metadata. */
    public static final String DIALECT = "vectara";
    public static final int MAX_AGENT_KEY = 64;
    public static final int MAX_KEY = 50;
    public static final int MAX_NAME = 255;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_METADATA_BYTES = 16 * 1024;
    public static final int MAX_METADATA_DEPTH = 10;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    /** A page key is a cursor this system issued; anything longer is not one. */
    public static final int MAX_PAGE_KEY = 512;

    private VectaraRules() {
    }

    /**
     * May this key use this agent: the agent key's shape, then the key's agent limit (the {@code sessions} scope
     * was checked with the key itself, by the API-key filter). Whether the agent is registered is asked
     * afterwards, so a limited key learns nothing about the agents it may not use.
     */
    public static String agentFor(Principal principal, String agentKey) {
        String checked = agentKey(agentKey);
        if (!principal.mayUseAgent(checked)) {
            throw forbidden("the API key may not use agent '" + checked + "'");
        }
        return checked;
    }

    public static String agentKey(String value) {
        if (!isKey(value, MAX_AGENT_KEY)) {
            throw invalid("agent_key", "agent_key must be 1-" + MAX_AGENT_KEY + " characters of 0-9 a-z A-Z _ -");
        }
        return value;
    }

    /** A session key in a path: one that cannot exist is refused as a bad request, not looked up. */
    public static String sessionKey(String value) {
        if (!isKey(value, MAX_KEY)) {
            throw invalid("session_key", "session_key must be 1-" + MAX_KEY + " characters of 0-9 a-z A-Z _ -");
        }
        return value;
    }

    /** {@code limit}: 1-100, {@value #DEFAULT_LIMIT} when absent. */
    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        String trimmed = value.trim();
        if (!trimmed.isEmpty() && trimmed.length() <= 3 && trimmed.chars().allMatch(Character::isDigit)) {
            int limit = Integer.parseInt(trimmed);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** {@code page_key} as sent, or null for the first page; whether it is one of ours the list decides. */
    public static String pageKey(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_PAGE_KEY) {
            throw badPageKey();
        }
        return value;
    }

    public static ApiException badPageKey() {
        return invalid("page_key", "page_key is not a page key this API issued");
    }

    /** {@code [0-9a-zA-Z_-]{1,max}}, checked without a regex (every request checks one or two). */
    public static boolean isKey(String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(new ApiError(HttpStatus.BAD_REQUEST, "invalid_request", message,
                Map.of(field, message), null));
    }

    public static ApiException agentNotFound(String agentKey) {
        return new ApiException(new ApiError(HttpStatus.NOT_FOUND, "agent_not_found",
                "agent '" + agentKey + "' does not exist"));
    }

    public static ApiException sessionNotFound(String sessionKey) {
        return new ApiException(new ApiError(HttpStatus.NOT_FOUND, "session_not_found",
                "session '" + sessionKey + "' does not exist"));
    }

    private static ApiException forbidden(String message) {
        return new ApiException(ApiError.forbidden(message));
    }
}
