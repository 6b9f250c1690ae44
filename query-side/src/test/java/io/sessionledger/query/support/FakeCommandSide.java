package io.sessionledger.query.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Stands in for the command side's internal endpoints, an HTTP peer answering as docs/architecture.md says:
 * who a key is and whether an app environment or an agent is registered for its tenant ({@link TestTenants}),
 * and, given the session topic, the Genesys ensure, which publishes the session it creates as the real one does.
 */
public final class FakeCommandSide implements AutoCloseable {

    private static final String AGENTS = "/internal/v1/registry/agents/";
    private static final String ENSURE = "/internal/v1/genesys/sessions/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one ensure call carried. */
    public record EnsureCall(String sessionId, String apiKey, String dialect, String requestId, String correlationId) {
    }

    public final List<EnsureCall> ensureCalls = new CopyOnWriteArrayList<>();
    /** Every app environment asked for, as tenant/app/env. */
    public final List<String> registryCalls = new CopyOnWriteArrayList<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Set<String> created = new HashSet<>();
    private final EventProducer sessionEvents;
    private final HttpServer server;

    private FakeCommandSide(EventProducer sessionEvents) throws IOException {
        this.sessionEvents = sessionEvents;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/principal", this::principal);
        server.createContext("/internal/v1/store-position", this::storePosition);
        server.createContext("/internal/v1/registry/apps/", this::appEnvironment);
        server.createContext(AGENTS, this::agent);
        if (sessionEvents != null) {
            server.createContext(ENSURE, this::ensure);
        }
        server.start();
    }

    /** Keys and registry only. */
    public static FakeCommandSide start() {
        return start(null);
    }

    /** Keys, registry and the Genesys ensure, which publishes what it creates through {@code sessionEvents}. */
    public static FakeCommandSide start(EventProducer sessionEvents) {
        try {
            return new FakeCommandSide(sessionEvents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on the command side refuses this key, as after a revocation. */
    public void revoke(String secret) {
        revoked.add(secret);
    }

    private void principal(HttpExchange exchange) throws IOException {
        String secret = exchange.getRequestHeaders().getFirst("x-api-key");
        TestTenants.Key key = secret == null || revoked.contains(secret) ? null : TestTenants.KEYS.get(secret);
        if (key == null) {
            reply(exchange, 401, Map.of("code", "unauthorized", "description", "unknown key"));
        } else {
            reply(exchange, 200, key);
        }
    }

    /** {@code /internal/v1/registry/apps/{appId}/environments/{env}} within the tenant of the caller's key. */
    private void appEnvironment(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String tenant = tenantOf(exchange);
        String entry = (tenant == null ? "?" : tenant) + "/" + parts[5] + "/" + parts[7];
        registryCalls.add(entry);
        if (TestTenants.APP_ENVIRONMENTS.contains(entry)) {
            reply(exchange, 200, Map.of("appId", parts[5], "environment", parts[7], "tenantId", tenant));
        } else {
            reply(exchange, 404, Map.of("code", "not_found", "description", "no such app environment"));
        }
    }

    /** {@code /internal/v1/registry/agents/{agentKey}} within the tenant of the caller's key. */
    private void agent(HttpExchange exchange) throws IOException {
        String tenant = tenantOf(exchange);
        String agent = exchange.getRequestURI().getPath().substring(AGENTS.length());
        if (TestTenants.hasAgent(tenant, agent)) {
            reply(exchange, 200, Map.of("agentKey", agent, "tenantId", tenant, "name", agent));
        } else {
            reply(exchange, 404, Map.of("code", "not_found", "description", "no such agent for this tenant"));
        }
    }

    /** {@code POST /internal/v1/genesys/sessions/{id}/ensure}; ids starting with "refuse" are refused. */
    private synchronized void ensure(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String sessionId = path.substring(ENSURE.length(), path.length() - "/ensure".length());
        var headers = exchange.getRequestHeaders();
        ensureCalls.add(new EnsureCall(sessionId, headers.getFirst("x-api-key"), headers.getFirst("x-ledger-dialect"),
                headers.getFirst("x-request-id"), headers.getFirst("x-correlation-id")));
        if (!"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 405, Map.of("code", "method_not_allowed", "description", "POST only"));
            return;
        }
        if (sessionId.startsWith("refuse")) {
            reply(exchange, 409, Map.of("code", "session_terminated", "description", "refused by the command side"));
            return;
        }
        String tenant = tenantOf(exchange);
        boolean isNew = created.add(tenant + ":" + sessionId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("aggregateId", tenant + ":" + sessionId);
        answer.put("version", 0);
        answer.put("created", isNew);
        answer.put("position", null);
        if (isNew) {
            RecordMetadata written = sessionEvents.send(TestEvents.envelope(0, Instant.now(),
                    TestEvents.anonymous(tenant, sessionId)));
            answer.put("position", Map.of("partition", written.partition(), "offset", written.offset()));
        }
        reply(exchange, 200, answer);
    }

    /** What {@code GET /internal/v1/store-position} answers the admin key (the store and publisher as a test sets them). */
    public volatile Map<String, Object> storePosition = Map.of();

    private void storePosition(HttpExchange exchange) throws IOException {
        if (!"query-admin".equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
            reply(exchange, 403, Map.of("code", "forbidden", "description", "the admin key only"));
            return;
        }
        reply(exchange, 200, storePosition);
    }

    private static String tenantOf(HttpExchange exchange) {
        return TestTenants.tenantOf(exchange.getRequestHeaders().getFirst("x-api-key"));
    }

    private static void reply(HttpExchange exchange, int status, Object answer) throws IOException {
        byte[] body = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Stops serving; the session topic's producer belongs to the caller. */
    @Override
    public void close() {
        server.stop(0);
    }
}
