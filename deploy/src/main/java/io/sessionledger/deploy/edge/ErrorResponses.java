package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.dialect.ApiDialect;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.util.Map;

/**
 * Errors the edge produces itself, in the JSON dialect of the API the path belongs to, so a client
 * never has to parse a proxy's HTML page. Paths outside every dialect answer in the ledger's format.
 */
public final class ErrorResponses {

    public static final HttpString REQUEST_ID = new HttpString("x-request-id");
    /** The error the edge answered with, for its metrics (the request reached no service). */
    static final AttachmentKey<EdgeError> REFUSED = AttachmentKey.create(EdgeError.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorResponses() {
    }

    public static void send(HttpServerExchange exchange, EdgeError error, String detail) {
        exchange.putAttachment(REFUSED, error);
        exchange.setStatusCode(error.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        if (error.closesConnection()) {
            exchange.setPersistent(false);
        }
        String requestId = exchange.getRequestHeaders().getFirst(REQUEST_ID);
        if (requestId != null) {
            exchange.getResponseHeaders().put(REQUEST_ID, requestId);
        }
        exchange.getResponseSender().send(body(exchange.getRequestPath(), error.code(), detail, requestId));
    }

    static String body(String path, String code, String detail, String requestId) {
        Map<String, Object> body = ApiDialect.of(path).errorBody(code, detail, requestId, Map.of());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
