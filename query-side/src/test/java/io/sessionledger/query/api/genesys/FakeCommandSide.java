package io.sessionledger.query.api.genesys;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.TestEvents;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Stands in for the command side's two internal endpoints: an HTTP peer, answering as the contract in
 * architecture.md says. Ensure publishes the created session to the real broker, as the real one does.
 */
final class FakeCommandSide implements AutoCloseable {

    static final Map<String, String> TENANT_BY_KEY = Map.of("key-acme", "acme", "key-other", "other");

    /** What one ensure call carried. */
    record EnsureCall(String sessionId, String apiKey, String dialect, String requestId, String correlationId) {
    }

    final List<EnsureCall> ensureCalls = new CopyOnWriteArrayList<>();
    private final Set<String> created = new HashSet<>();
    private final HttpServer server;
    private final EventProducer producer;

    FakeCommandSide(String bootstrap, String topic) throws IOException {
        producer = new EventProducer(bootstrap, topic);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/principal", this::principal);
        server.createContext("/internal/v1/genesys/sessions/", this::ensure);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void principal(HttpExchange exchange) throws IOException {
        String tenant = TENANT_BY_KEY.get(exchange.getRequestHeaders().getFirst("x-api-key"));
        if (tenant == null) {
            reply(exchange, 401, "{\"code\":\"unauthorized\",\"description\":\"unknown key\"}");
        } else {
            reply(exchange, 200, "{\"keyId\":\"k-" + tenant + "\",\"tenantId\":\"" + tenant + "\",\"name\":\"test\"}");
        }
    }

    private synchronized void ensure(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String sessionId = path.substring("/internal/v1/genesys/sessions/".length(), path.length() - "/ensure".length());
        var headers = exchange.getRequestHeaders();
        String apiKey = headers.getFirst("x-api-key");
        ensureCalls.add(new EnsureCall(sessionId, apiKey, headers.getFirst("x-ledger-dialect"),
                headers.getFirst("x-request-id"), headers.getFirst("x-correlation-id")));
        if (!"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 405, "{\"code\":\"method_not_allowed\",\"description\":\"POST only\"}");
            return;
        }
        if (sessionId.startsWith("refuse")) {
            reply(exchange, 409, "{\"code\":\"session_terminated\",\"description\":\"refused by the command side\"}");
            return;
        }
        String tenant = TENANT_BY_KEY.get(apiKey);
        boolean isNew = created.add(tenant + ":" + sessionId);
        String position = "null";
        if (isNew) {
            RecordMetadata written = producer.send(TestEvents.envelope(0, java.time.Instant.now(),
                    TestEvents.anonymous(tenant, sessionId)));
            position = "{\"partition\":" + written.partition() + ",\"offset\":" + written.offset() + "}";
        }
        reply(exchange, 200, "{\"aggregateId\":\"" + tenant + ":" + sessionId + "\",\"version\":0,\"created\":"
                + isNew + ",\"position\":" + position + "}");
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        producer.close();
    }
}
