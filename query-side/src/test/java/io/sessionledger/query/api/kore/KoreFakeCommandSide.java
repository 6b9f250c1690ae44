package io.sessionledger.query.api.kore;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the two command-side endpoints Kore reads ask: who a key is (with its scopes and app limits),
 * and whether an app environment is registered for the key's tenant. An HTTP peer, as architecture.md says.
 */
final class KoreFakeCommandSide implements AutoCloseable {

    /** key -> principal JSON as {@code /internal/v1/principal} answers it. */
    private static final Map<String, String> PRINCIPALS = Map.of(
            "key-acme", principal("acme", null, null),
            "key-other", principal("other", null, null),
            "key-app-b-only", principal("acme", null, "[\"app-b\"]"),
            "key-audit-only", principal("acme", "[\"audit\"]", null));
    /** tenant/app/env registered; every other is not. */
    static final Set<String> REGISTERED = Set.of("acme/app-a/dev", "acme/app-a/prod", "acme/app-b/dev",
            "acme/app-list/dev", "acme/app-page/dev", "other/app-a/dev");

    final List<String> registryCalls = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    KoreFakeCommandSide() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/principal", this::principal);
        server.createContext("/internal/v1/registry/apps/", this::appEnvironment);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String principal(String tenant, String scopes, String apps) {
        return "{\"keyId\":\"k-" + tenant + "\",\"tenantId\":\"" + tenant + "\",\"name\":\"test\",\"scopes\":"
                + (scopes == null ? "[\"sessions\",\"audit\",\"erase\"]" : scopes) + ",\"agents\":null,\"apps\":"
                + apps + "}";
    }

    private void principal(HttpExchange exchange) throws IOException {
        String principal = PRINCIPALS.get(exchange.getRequestHeaders().getFirst("x-api-key"));
        if (principal == null) {
            reply(exchange, 401, "{\"code\":\"unauthorized\",\"description\":\"unknown key\"}");
        } else {
            reply(exchange, 200, principal);
        }
    }

    /** {@code /internal/v1/registry/apps/{appId}/environments/{env}} within the tenant of the caller's key. */
    private void appEnvironment(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String key = exchange.getRequestHeaders().getFirst("x-api-key");
        String tenant = PRINCIPALS.containsKey(key) ? PRINCIPALS.get(key).split("\"tenantId\":\"")[1].split("\"")[0]
                : "?";
        String entry = tenant + "/" + parts[5] + "/" + parts[7];
        registryCalls.add(entry);
        if (REGISTERED.contains(entry)) {
            reply(exchange, 200, "{\"appId\":\"" + parts[5] + "\",\"environment\":\"" + parts[7] + "\",\"tenantId\":\""
                    + tenant + "\"}");
        } else {
            reply(exchange, 404, "{\"code\":\"not_found\",\"description\":\"no such app environment\"}");
        }
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
