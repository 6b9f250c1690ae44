package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.edge.quota.Quotas;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

import java.util.UUID;

/** The edge's front door: size limits, a request id, the routing table, then the key's quota. */
final class EdgeHandler implements HttpHandler {

    private final HttpHandler command;
    private final HttpHandler query;
    private final HttpHandler health;
    private final HttpHandler apiDocs;
    private final Quotas quotas;

    EdgeHandler(HttpHandler command, HttpHandler query, HttpHandler health, HttpHandler apiDocs, Quotas quotas) {
        this.command = command;
        this.query = query;
        this.health = health;
        this.apiDocs = apiDocs;
        this.quotas = quotas;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String requestId = exchange.getRequestHeaders().getFirst(ErrorResponses.REQUEST_ID);
        if (requestId == null || requestId.isBlank()) {
            exchange.getRequestHeaders().put(ErrorResponses.REQUEST_ID, UUID.randomUUID().toString());
        }
        EdgeError tooLarge = RequestLimits.check(exchange);
        if (tooLarge != null) {
            ErrorResponses.send(exchange, tooLarge, "The request is larger than the edge accepts: at most "
                    + RequestLimits.MAX_REQUEST_LINE + " bytes of request line and "
                    + RequestLimits.MAX_HEADER_BYTES + " bytes of headers.");
            return;
        }
        switch (Routes.of(exchange.getRequestMethod().toString(), exchange.getRequestPath())) {
            case COMMAND -> proxy(exchange, command);
            case QUERY -> proxy(exchange, query);
            case HEALTH -> health.handleRequest(exchange);
            case API_DOCS -> apiDocs.handleRequest(exchange);
            case NOT_FOUND -> ErrorResponses.send(exchange, EdgeError.NOT_FOUND,
                    "No API is served at " + exchange.getRequestPath() + ".");
        }
    }

    /**
     * The proxy answers an unreachable upstream with an empty 503; that response is replaced with a
     * JSON error before it is sent. Upstream responses are already on their way by then, so they pass
     * through untouched. A request over its key's quota is answered here and never forwarded.
     */
    private void proxy(HttpServerExchange exchange, HttpHandler upstream) throws Exception {
        exchange.addDefaultResponseListener(ex -> {
            if (ex.isResponseStarted() || ex.getStatusCode() < StatusCodes.INTERNAL_SERVER_ERROR) {
                return false;
            }
            ErrorResponses.send(ex, EdgeError.UNAVAILABLE, "The service behind this API is not available.");
            return true;
        });
        quotas.guard(exchange, upstream);
    }
}
