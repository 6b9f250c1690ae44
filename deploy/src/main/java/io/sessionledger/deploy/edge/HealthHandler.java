package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.deploy.health.BrokerHealth;
import io.sessionledger.deploy.health.ServiceHealth;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code GET /actuator/health}: UP when at least one instance of each service and the broker are, since the
 * edge then serves every API. The components are shown whenever anything is not UP, each instance with its
 * own status, so an operator sees a dead instance even while its twin carries the traffic.
 */
final class HealthHandler implements HttpHandler {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<URI, ServiceHealth> commandSide;
    private final Map<URI, ServiceHealth> querySide;
    private final BrokerHealth broker;

    HealthHandler(Upstreams commandSide, Upstreams querySide, BrokerHealth broker) {
        this.commandSide = probes(commandSide);
        this.querySide = probes(querySide);
        this.broker = broker;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this); // the probes block; never on an IO thread
            return;
        }
        Executor pool = exchange.getConnection().getWorker();
        Map<URI, CompletableFuture<String>> command = ask(commandSide, pool);
        Map<URI, CompletableFuture<String>> query = ask(querySide, pool);
        String kafka = broker.isUp(TIMEOUT) ? "UP" : "DOWN";

        Map<String, Object> components = new LinkedHashMap<>();
        components.put("commandSide", side(command));
        components.put("querySide", side(query));
        components.put("kafka", Map.of("status", kafka));
        boolean up = components.values().stream().allMatch(c -> ((Map<?, ?>) c).get("status").equals("UP"));
        boolean allInstancesUp = up && List.of(command, query).stream()
                .allMatch(side -> side.values().stream().allMatch(status -> status.join().equals("UP")));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        if (!allInstancesUp) {
            body.put("components", components);
        }
        exchange.setStatusCode(up ? 200 : 503);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(JSON.writeValueAsString(body));
    }

    private static Map<URI, ServiceHealth> probes(Upstreams upstreams) {
        Map<URI, ServiceHealth> probes = new LinkedHashMap<>();
        upstreams.all().forEach(uri -> probes.put(uri, new ServiceHealth(uri.toString())));
        return probes;
    }

    private static Map<URI, CompletableFuture<String>> ask(Map<URI, ServiceHealth> probes, Executor pool) {
        Map<URI, CompletableFuture<String>> answers = new LinkedHashMap<>();
        probes.forEach((uri, probe) -> answers.put(uri, CompletableFuture.supplyAsync(() -> probe.status(TIMEOUT), pool)));
        return answers;
    }

    /** A service is UP when one of its instances is; with several, each instance's own status is listed. */
    private static Map<String, Object> side(Map<URI, CompletableFuture<String>> answers) {
        Map<String, String> instances = new LinkedHashMap<>();
        answers.forEach((uri, status) -> instances.put(uri.toString(), status.join()));
        Map<String, Object> side = new LinkedHashMap<>();
        if (instances.size() == 1) {
            side.put("status", instances.values().iterator().next());
            return side;
        }
        side.put("status", instances.containsValue("UP") ? "UP" : "DOWN");
        side.put("instances", instances);
        return side;
    }
}
