package io.sessionledger.deploy.edge;

import io.sessionledger.deploy.edge.quota.Quotas;
import io.sessionledger.deploy.edge.wire.Refusal;
import io.sessionledger.deploy.edge.wire.WireConduit;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.Protocols;
import io.undertow.util.StatusCodes;

import java.util.Set;
import java.util.UUID;

/**
 * The edge's front door: refusals of the wire check, the methods the APIs use, a request id, the routing
 * table, then the key's quota.
 */
final class EdgeHandler implements HttpHandler {

    /**
     * Every method an API or the docs use. Anything else, known (TRACE, CONNECT) or not, is 405 in the
     * path's dialect: a 501 would tell the client the server is at fault.
     */
    static final Set<HttpString> METHODS = Set.of(Methods.GET, Methods.HEAD, Methods.POST, Methods.PUT,
            Methods.PATCH, Methods.DELETE, Methods.OPTIONS);
    private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private final UpstreamProxy.Proxies command;
    private final HttpHandler query;
    private final HttpHandler health;
    private final HttpHandler apiDocs;
    private final Quotas quotas;
    private final ReadPositions readPositions;

    EdgeHandler(UpstreamProxy.Proxies command, HttpHandler query, HttpHandler health, HttpHandler apiDocs,
                Quotas quotas, ReadPositions readPositions) {
        this.command = command;
        this.query = query;
        this.health = health;
        this.apiDocs = apiDocs;
        this.quotas = quotas;
        this.readPositions = readPositions;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String requestId = exchange.getRequestHeaders().getFirst(ErrorResponses.REQUEST_ID);
        if (requestId == null || requestId.isBlank()) {
            exchange.getRequestHeaders().put(ErrorResponses.REQUEST_ID, UUID.randomUUID().toString());
        }
        Refusal refusal = WireConduit.refusalOf(exchange);
        if (refusal != null) {
            ErrorResponses.send(exchange, refusal.error(), refusal.detail());
            return;
        }
        if (!METHODS.contains(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, ALLOW);
            // CONNECT would turn the connection into a tunnel: whatever the client sends next is not a request.
            exchange.setPersistent(exchange.isPersistent() && !exchange.getRequestMethod().equals(Methods.CONNECT));
            ErrorResponses.send(exchange, EdgeError.METHOD_NOT_ALLOWED, "The method "
                    + exchange.getRequestMethod() + " is not allowed here; allowed: " + ALLOW + ".");
            return;
        }
        if (exchange.getProtocol().equals(Protocols.HTTP_1_0)) {
            exchange.addResponseCommitListener(EdgeHandler::unchunkedForHttp10);
        }
        Route route = Routes.of(exchange.getRequestMethod().toString(), exchange.getRequestPath());
        exchange.putAttachment(InFlight.ROUTE, route);
        switch (route) {
            case COMMAND -> {
                readPositions.watchWrite(exchange);
                proxy(exchange, Routes.isStream(exchange.getRequestMethod().toString(), exchange.getRequestPath())
                        ? command.streaming() : command.bounded());
            }
            case QUERY -> {
                readPositions.stampRead(exchange);
                proxy(exchange, query);
            }
            case HEALTH -> health.handleRequest(exchange);
            case API_DOCS -> apiDocs.handleRequest(exchange);
            case NOT_FOUND -> ErrorResponses.send(exchange, EdgeError.NOT_FOUND,
                    "No API is served at " + exchange.getRequestPath() + ".");
        }
    }

    /**
     * An HTTP/1.0 client cannot read chunked framing (RFC 9112 6.1), yet the proxy copies a service's
     * "Transfer-Encoding: chunked". Without it Undertow sends a body of unknown length unframed and closes
     * the connection after it; a body with a Content-Length keeps the connection alive.
     */
    private static void unchunkedForHttp10(HttpServerExchange exchange) {
        exchange.getResponseHeaders().remove(Headers.TRANSFER_ENCODING);
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
