package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny upstream that answers with what it received, so a test sees what the edge forwarded.
 * A path containing {@code /status/NNN} is answered with that status and an empty body.
 */
final class EchoUpstream implements AutoCloseable {

    private static final Pattern STATUS = Pattern.compile("/status/(\\d{3})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;

    EchoUpstream(String name, String health) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health", exchange -> reply(exchange, 200, "{\"status\":\"" + health + "\"}"));
        server.createContext("/", exchange -> echo(name, exchange));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void echo(String name, HttpExchange exchange) throws IOException {
        Matcher status = STATUS.matcher(exchange.getRequestURI().getRawPath());
        if (status.find()) {
            exchange.sendResponseHeaders(Integer.parseInt(status.group(1)), -1);
            exchange.close();
            return;
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
        reply(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, JSON.writeValueAsString(seen));
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
