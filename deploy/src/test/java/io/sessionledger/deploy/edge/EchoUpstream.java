package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny upstream that answers with what it received, so a test sees what the edge forwarded.
 * A path containing {@code /status/NNN} is answered with that status and an empty body, one containing
 * {@code /chunked/} with a chunked body (as Spring answers). Tests may add fixed JSON answers for exact
 * paths and the command side's principal lookup.
 */
final class EchoUpstream implements AutoCloseable {

    private static final Pattern STATUS = Pattern.compile("/status/(\\d{3})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final String name;
    private final Queue<String> echoedRequestIds = new ConcurrentLinkedQueue<>();
    private final AtomicInteger echoed = new AtomicInteger();

    EchoUpstream(String name, String health) throws IOException {
        this(name, health, 0);
    }

    /** On a given port: an instance that comes back where it was. */
    EchoUpstream(String name, String health, int port) throws IOException {
        this.name = name;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/actuator/health", exchange -> reply(exchange, 200, "{\"status\":\"" + health + "\"}"));
        server.createContext("/", this::echo);
        server.start();
    }

    /** Answers exactly {@code path} with this JSON; longer paths below it are still echoed. */
    EchoUpstream serve(String path, int status, String json) {
        server.createContext(path, exchange -> {
            if (exchange.getRequestURI().getRawPath().equals(path)) {
                reply(exchange, status, json);
            } else {
                echo(exchange);
            }
        });
        return this;
    }

    /** {@code GET /internal/v1/principal} as the command side answers it: 200 with the key's principal, else 401. */
    EchoUpstream principals(Map<String, String> principalByKey) {
        server.createContext("/internal/v1/principal", exchange -> {
            String principal = principalByKey.get(exchange.getRequestHeaders().getFirst("x-api-key"));
            reply(exchange, principal == null ? 401 : 200,
                    principal == null ? "{\"code\":\"unauthorized\",\"description\":\"no\"}" : principal);
        });
        return this;
    }

    /** How many requests reached the echo, the status paths included. */
    int echoedCount() {
        return echoed.get();
    }

    /** The x-request-id of every request this upstream echoed, in arrival order. */
    List<String> echoedRequestIds() {
        return List.copyOf(echoedRequestIds);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void echo(HttpExchange exchange) throws IOException {
        echoed.incrementAndGet();
        Matcher status = STATUS.matcher(exchange.getRequestURI().getRawPath());
        if (status.find()) {
            exchange.sendResponseHeaders(Integer.parseInt(status.group(1)), -1);
            exchange.close();
            return;
        }
        String requestId = exchange.getRequestHeaders().getFirst("x-request-id");
        if (requestId != null) {
            echoedRequestIds.add(requestId);
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("upstream", name);
        seen.put("method", exchange.getRequestMethod());
        seen.put("uri", exchange.getRequestURI().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), String.join(",", values)));
        seen.put("headers", headers);
        seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.getResponseHeaders().add("x-upstream", name);
        int code = exchange.getRequestMethod().equals("POST") ? 201 : 200;
        if (exchange.getRequestURI().getRawPath().contains("/chunked/")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, 0);
            exchange.getResponseBody().write(JSON.writeValueAsBytes(seen));
            exchange.close();
            return;
        }
        reply(exchange, code, JSON.writeValueAsString(seen));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
