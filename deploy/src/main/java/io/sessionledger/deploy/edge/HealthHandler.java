package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.deploy.health.BrokerHealth;
import io.sessionledger.deploy.health.ServiceHealth;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@code GET /actuator/health}: UP only when both services and the broker are. */
final class HealthHandler implements HttpHandler {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceHealth commandSide;
    private final ServiceHealth querySide;
    private final BrokerHealth broker;

    HealthHandler(ServiceHealth commandSide, ServiceHealth querySide, BrokerHealth broker) {
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.broker = broker;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // the probes block; never on an IO thread
            return;
        }
        Executor pool = exchange.getConnection().getWorker();
        CompletableFuture<String> command = CompletableFuture.supplyAsync(() -> commandSide.status(TIMEOUT), pool);
        CompletableFuture<String> query = CompletableFuture.supplyAsync(() -> querySide.status(TIMEOUT), pool);
        String kafka = broker.isUp(TIMEOUT) ? "UP" : "DOWN";

        Map<String, Object> components = new LinkedHashMap<>();
        components.put("commandSide", Map.of("status", command.join()));
        components.put("querySide", Map.of("status", query.join()));
        components.put("kafka", Map.of("status", kafka));
        boolean up = components.values().stream().allMatch(c -> ((Map<?, ?>) c).get("status").equals("UP"));

        Map<String, Object> body = up ? Map.of("status", "UP") : Map.of("status", "DOWN", "components", components);
        exchange.setStatusCode(up ? 200 : 503);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(JSON.writeValueAsString(body));
    }
}
