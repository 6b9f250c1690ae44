package io.sessionledger.dialect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which API a path belongs to, whether a request there reads or writes, and what an error looks like in it:
 * the one place that knows each dialect's paths and error shape. Both services render errors with it (through
 * their {@code DialectErrors}) and the edge routes and answers with it. Plain Java on purpose: the edge uses
 * this class without Spring.
 */
public enum ApiDialect {
    /** Genesys Knowledge Center, both versions: {@code {"code","description"}}. */
    GENESYS("/gks-server/v1", "/gks-server/v2"),
    /** Kore.ai Agent Platform: {@code {"errors":[{"msg","code"}]}}. */
    KORE("/api/v2/apps"),
    /** Vectara-style agent sessions: {@code {"code","messages","request_id","field_errors"}}. */
    VECTARA("/v2/agents"),
    /** The ledger's own API: {@code {"code","description"}}. */
    LEDGER("/ledger/v1"),
    /** Health, API docs, unknown paths: errors in the ledger's format; no key, no quota. */
    NONE();

    private final List<String> prefixes;

    ApiDialect(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    public static ApiDialect of(String path) {
        for (ApiDialect dialect : values()) {
            for (String prefix : dialect.prefixes) {
                if (isUnder(path, prefix)) {
                    return dialect;
                }
            }
        }
        return NONE;
    }

    /**
     * {@code path} is {@code prefix} or below it ({@code prefix + "/..."}). Asked several times per request in every
     * process: it builds no string (a {@code prefix + "/"} per prefix and call was a measurable share, issue 11).
     */
    public static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** The session APIs (not the ledger's own, not the paths of no API). */
    public boolean isSessionApi() {
        return this == GENESYS || this == KORE || this == VECTARA;
    }

    /**
     * Whether the query side answers this request: reads, and Kore's list, which is a POST
     * ({@code .../sessions/list}). Every other request to a session API is a write, for the command side.
     */
    public boolean isQuery(String method, String path) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        return this == KORE && method.equals("POST") && isKoreList(path);
    }

    /** An error body in this dialect's shape. */
    public Map<String, Object> errorBody(String code, String message, String requestId,
                                         Map<String, String> fieldErrors) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (this) {
            case KORE -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("msg", message);
                error.put("code", code);
                body.put("errors", List.of(error));
            }
            case VECTARA -> {
                // Every field at fault has its own message; in name order, so the answer is the same every time.
                Map<String, String> fields = fieldErrors == null ? Map.of() : new TreeMap<>(fieldErrors);
                body.put("code", code);
                body.put("messages", fields.isEmpty() ? List.of(message) : List.copyOf(fields.values()));
                body.put("request_id", requestId);
                body.put("field_errors", fields);
            }
            default -> {
                body.put("code", code);
                body.put("description", message);
            }
        }
        return body;
    }

    /** {@code /api/v2/apps/{app}/environments/{env}/sessions/list}, with or without a trailing slash. */
    private static boolean isKoreList(String path) {
        String[] parts = path.split("/", -1);
        int n = parts.length;
        boolean trailing = n > 0 && parts[n - 1].isEmpty();
        int last = trailing ? n - 2 : n - 1;
        return last == 8 && parts[1].equals("api") && parts[2].equals("v2") && parts[3].equals("apps")
                && !parts[4].isEmpty() && parts[5].equals("environments") && !parts[6].isEmpty()
                && parts[7].equals("sessions") && parts[8].equals("list");
    }
}
