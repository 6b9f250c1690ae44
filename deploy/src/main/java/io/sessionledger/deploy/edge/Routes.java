package io.sessionledger.deploy.edge;

import io.sessionledger.dialect.ApiDialect;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The routing table: writes go to the command side, reads to the query side, nothing else is public. */
public final class Routes {

    private Routes() {
    }

    /** @param rawPath the request path exactly as the client sent it (not decoded) */
    public static Route of(String method, String rawPath) {
        if (!isPlain(rawPath)) {
            return Route.NOT_FOUND;
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (rawPath.equals("/actuator/health")) {
            return method.equals("GET") ? Route.HEALTH : Route.NOT_FOUND;
        }
        if (rawPath.equals("/v3/api-docs")) {
            return read ? Route.API_DOCS : Route.NOT_FOUND;
        }
        ApiDialect dialect = ApiDialect.of(rawPath);
        if (dialect.isSessionApi()) {
            return dialect.isQuery(method, rawPath) ? Route.QUERY : Route.COMMAND;
        }
        // Reconciliation runs where the topic and the read model are, and asks the command side for the store;
        // dead letters are the records the read model could not apply.
        if (under(rawPath, "/ledger/v1/projections") || under(rawPath, "/ledger/v1/reconciliation")
                || under(rawPath, "/ledger/v1/dead-letters")) {
            return Route.QUERY;
        }
        // Each service's own document (/v3/api-docs/...) and the Swagger UI are served by the command side.
        if (under(rawPath, "/ledger/v1") || under(rawPath, "/v3/api-docs") || under(rawPath, "/swagger-ui")
                || rawPath.equals("/swagger-ui.html")) {
            return Route.COMMAND;
        }
        return Route.NOT_FOUND;
    }

    /**
     * Whether the route streams a response that may take minutes (a session's or a tenant's export): the edge then
     * cuts it only when it stops moving, not at a total time (EdgeLimits).
     */
    public static boolean isStream(String method, String rawPath) {
        if (!(method.equals("GET") || method.equals("HEAD"))) {
            return false;
        }
        if (rawPath.equals("/ledger/v1/export")) {
            return true;
        }
        String sessions = "/ledger/v1/sessions/";
        if (!rawPath.startsWith(sessions) || !rawPath.endsWith("/export")) {
            return false;
        }
        String id = rawPath.substring(sessions.length(), rawPath.length() - "/export".length());
        return !id.isEmpty() && !id.contains("/");
    }

    static boolean under(String path, String prefix) {
        return ApiDialect.isUnder(path, prefix);
    }

    /**
     * The upstreams normalise paths after the edge has routed them, so "/ledger/v1/../../internal/x"
     * would reach an internal endpoint. Dot segments (plain, encoded or with ;params), encoded slashes
     * and backslashes are therefore never routed.
     */
    static boolean isPlain(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return false;
        }
        if (rawPath.indexOf('%') < 0 && rawPath.indexOf('\\') < 0) {
            // Nothing is encoded, so the path decodes to itself: only its dot segments are left to check, without
            // the lower-cased copy, the decoding and the split that every request paid for (issue 11).
            return !hasDotSegment(rawPath);
        }
        String lower = rawPath.toLowerCase();
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return false;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return !hasDotSegment(decoded);
    }

    /** A segment that is {@code .} or {@code ..}, with or without {@code ;params}. */
    private static boolean hasDotSegment(String path) {
        int start = 0;
        int end = -1; // where the segment's name ends: its first ';', if any
        for (int i = 0; i <= path.length(); i++) {
            char c = i == path.length() ? '/' : path.charAt(i);
            if (c == ';' && end < 0) {
                end = i;
            } else if (c == '/') {
                int nameEnd = end < 0 ? i : end;
                int length = nameEnd - start;
                if ((length == 1 || length == 2) && path.charAt(start) == '.' && path.charAt(nameEnd - 1) == '.') {
                    return true;
                }
                start = i + 1;
                end = -1;
            }
        }
        return false;
    }
}
