package io.sessionledger.deploy.edge;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;

/**
 * Size limits checked by the edge, so that oversized requests get a JSON error in the API's dialect
 * (the HTTP parser's own limit is set far above these and answers only abusive requests).
 */
final class RequestLimits {

    static final int MAX_REQUEST_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private RequestLimits() {
    }

    /** The violated limit, or null when the request is within all of them. */
    static EdgeError check(HttpServerExchange exchange) {
        if (requestLineLength(exchange) > MAX_REQUEST_LINE) {
            return EdgeError.URI_TOO_LONG;
        }
        if (headerBytes(exchange) > MAX_HEADER_BYTES) {
            return EdgeError.HEADERS_TOO_LARGE;
        }
        return null;
    }

    private static int requestLineLength(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        return exchange.getRequestMethod().length() + 1 + exchange.getRequestURI().length()
                + (query == null || query.isEmpty() ? 0 : query.length() + 1)
                + 1 + exchange.getProtocol().length();
    }

    /** Bytes on the wire as "name: value\r\n" for every header line. */
    private static int headerBytes(HttpServerExchange exchange) {
        int total = 0;
        for (HeaderValues values : exchange.getRequestHeaders()) {
            int name = values.getHeaderName().length();
            for (String value : values) {
                total += name + 2 + value.length() + 2;
            }
        }
        return total;
    }
}
