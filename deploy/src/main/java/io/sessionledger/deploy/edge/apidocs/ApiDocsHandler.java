package io.sessionledger.deploy.edge.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.deploy.edge.EdgeError;
import io.sessionledger.deploy.edge.ErrorResponses;
import io.sessionledger.deploy.edge.Upstreams;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /v3/api-docs}: one OpenAPI document for the whole system, merged on each request from the
 * command side's and the query side's own documents (requests are rare; nothing goes stale). Needs no key.
 */
public final class ApiDocsHandler implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiSource commandSide;
    private final OpenApiSource querySide;

    public ApiDocsHandler(Upstreams commandSide, Upstreams querySide) {
        this.commandSide = new OpenApiSource("command side", commandSide);
        this.querySide = new OpenApiSource("query side", querySide);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // the fetches block; never on an IO thread
            return;
        }
        CompletableFuture<JsonNode> command =
                CompletableFuture.supplyAsync(commandSide::fetch, exchange.getConnection().getWorker());
        JsonNode query = querySide.fetch();
        JsonNode merged = OpenApiMerge.merge(command.join(), query);
        if (merged == null) {
            ErrorResponses.send(exchange, EdgeError.UNAVAILABLE,
                    "Neither the command side nor the query side served its API description.");
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(JSON.writeValueAsString(merged));
    }
}
