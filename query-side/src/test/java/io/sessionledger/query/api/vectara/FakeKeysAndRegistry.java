package io.sessionledger.query.api.vectara;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for the command side's internal principal and registry lookups, answering as the real ones do.
 * Tenant {@code acme} has every agent except those whose key starts with {@code nobody}; tenant {@code other}
 * has only {@code support}.
 */
final class FakeKeysAndRegistry implements AutoCloseable {

    /** The principal each test key stands for, as {@code GET /internal/v1/principal} answers it. */
    private static final Map<String, String> PRINCIPALS = Map.of(
            "key-acme", "{\"keyId\":\"k-acme\",\"tenantId\":\"acme\",\"name\":\"all\"}",
            "key-other", "{\"keyId\":\"k-other\",\"tenantId\":\"other\",\"name\":\"all\"}",
            "key-billing-only", "{\"keyId\":\"k-billing\",\"tenantId\":\"acme\",\"name\":\"limited\","
                    + "\"scopes\":[\"sessions\"],\"agents\":[\"billing\"]}",
            "key-audit-only", "{\"keyId\":\"k-audit\",\"tenantId\":\"acme\",\"name\":\"auditor\","
                    + "\"scopes\":[\"audit\"]}");
    private static final Map<String, String> TENANTS = Map.of("key-acme", "acme", "key-other", "other",
            "key-billing-only", "acme", "key-audit-only", "acme");
    private static final String AGENTS = "/internal/v1/registry/agents/";

    private final HttpServer server;

    FakeKeysAndRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/principal", this::principal);
        server.createContext(AGENTS, this::agent);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void principal(HttpExchange exchange) throws IOException {
        String principal = PRINCIPALS.get(exchange.getRequestHeaders().getFirst("x-api-key"));
        reply(exchange, principal == null ? 401 : 200,
                principal == null ? "{\"code\":\"unauthorized\",\"description\":\"unknown key\"}" : principal);
    }

    private void agent(HttpExchange exchange) throws IOException {
        String tenant = TENANTS.get(exchange.getRequestHeaders().getFirst("x-api-key"));
        String agent = exchange.getRequestURI().getPath().substring(AGENTS.length());
        boolean registered = "acme".equals(tenant) ? !agent.startsWith("nobody")
                : "other".equals(tenant) && Set.of("support").contains(agent);
        reply(exchange, registered ? 200 : 404, registered
                ? "{\"agentKey\":\"" + agent + "\",\"tenantId\":\"" + tenant + "\",\"name\":\"" + agent + "\"}"
                : "{\"code\":\"not_found\",\"description\":\"no such agent for this tenant\"}");
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
    }
}
