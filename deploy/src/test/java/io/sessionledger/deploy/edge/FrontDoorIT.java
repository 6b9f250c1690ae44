package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.deploy.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hostile requests through a real edge (issue 8), sent as raw bytes: each gets its status with a JSON
 * body in the dialect of its path (the ledger's format where there is none), and none reaches a service.
 */
class FrontDoorIT {

    private static final String GENESYS = "/gks-server/v1/sessions/rep-1";
    private static final String KORE = "/api/v2/apps/a1/environments/dev/sessions";
    private static final String VECTARA = "/v2/agents/bot/sessions";
    private static final String JSON_HEADERS = "Host: edge.test\r\nContent-Type: application/json\r\n";

    private static EchoUpstream command;
    private static EchoUpstream query;
    private static Edge edge;

    @BeforeAll
    static void start() throws Exception {
        command = new EchoUpstream("command", "UP");
        query = new EchoUpstream("query", "UP");
        edge = Edge.start(new EdgeSettings("127.0.0.1", 0, command.url(), query.url(), "127.0.0.1:" + Ports.findFree()));
    }

    @AfterAll
    static void stop() {
        edge.close();
        command.close();
        query.close();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // 1: a body the edge did not receive whole is never forwarded
                arguments("chunk size ZZ", post(GENESYS, "Transfer-Encoding: chunked\r\n") + "ZZ\r\n{}\r\n0\r\n\r\n", 400),
                arguments("chunk size -1", post(GENESYS, "Transfer-Encoding: chunked\r\n") + "-1\r\n{}\r\n0\r\n\r\n", 400),
                arguments("chunk size 2^64", post(GENESYS, "Transfer-Encoding: chunked\r\n") + "10000000000000000\r\n{}\r\n0\r\n\r\n", 400),
                arguments("chunk longer than its size", post(GENESYS, "Transfer-Encoding: chunked\r\n") + "2\r\n{}}\r\n0\r\n\r\n", 400),
                arguments("chunked body over the limit", post(KORE, "Transfer-Encoding: chunked\r\n") + "10001\r\n" + "x".repeat(65537) + "\r\n0\r\n\r\n", 413),
                // 3: the edge's own refusals
                arguments("CONNECT", "CONNECT edge.test:443 HTTP/1.1\r\nHost: edge.test:443\r\n\r\n", 405),
                arguments("TRACE", "TRACE " + GENESYS + " HTTP/1.1\r\nHost: edge.test\r\n\r\n", 405),
                arguments("an unknown method", "BREW " + VECTARA + " HTTP/1.1\r\nHost: edge.test\r\n\r\n", 405),
                arguments("100 headers", get(GENESYS, headers(100)), 431),
                arguments("198 headers", get(KORE, headers(198)), 431),
                arguments("250 headers", get(GENESYS, headers(250)), 431),
                arguments("a 17 KiB header", get(VECTARA, "x-big: " + "h".repeat(17 * 1024) + "\r\n"), 431),
                arguments("a 1 MB request line", get(GENESYS + "?q=" + "a".repeat(1_000_000), ""), 414),
                arguments("a 3 MB request line", get(VECTARA + "?q=" + "a".repeat(3_000_000), ""), 414),
                arguments("a backslash in the path", get("/gks-server/v1/sessions/a\\b", ""), 400),
                arguments("a # in the path", get("/gks-server/v1/sessions/a#b", ""), 400),
                arguments("raw UTF-8 in the path", get("/gks-server/v1/sessions/cüstömer", ""), 400),
                arguments("an absolute-form target", get("http://edge.test" + GENESYS, ""), 400),
                arguments("HTTP/0.9", "GET " + GENESYS + "\r\n", 400),
                arguments("HTTP/2.0", "GET " + GENESYS + " HTTP/2.0\r\nHost: edge.test\r\n\r\n", 400),
                arguments("HTTP/1.2", "GET " + GENESYS + " HTTP/1.2\r\nHost: edge.test\r\n\r\n", 400),
                arguments("no Host", "GET " + KORE + " HTTP/1.1\r\n\r\n", 400),
                arguments("two Hosts", "GET " + KORE + " HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                arguments("a malformed Host", "GET " + KORE + " HTTP/1.1\r\nHost: a b:x\r\n\r\n", 400),
                arguments("the edge's own refusal header", get(GENESYS, "x-ledger-edge-refusal: 1\r\n"), 400),
                arguments("Content-Length and Transfer-Encoding", post(GENESYS, "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n") + "0\r\n\r\n", 400),
                arguments("Transfer-Encoding and Content-Length", post(GENESYS, "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n") + "0\r\n\r\n", 400),
                arguments("two Content-Lengths", post(GENESYS, "Content-Length: 2\r\nContent-Length: 3\r\n") + "{}x", 400),
                arguments("a Content-Length list", post(GENESYS, "Content-Length: 2, 3\r\n") + "{}x", 400),
                arguments("a signed Content-Length", post(GENESYS, "Content-Length: +2\r\n") + "{}", 400),
                arguments("a hex Content-Length", post(GENESYS, "Content-Length: 0x2\r\n") + "{}", 400),
                arguments("Transfer-Encoding: xchunked", post(GENESYS, "Transfer-Encoding: xchunked\r\n") + "2\r\n{}\r\n0\r\n\r\n", 400),
                arguments("Transfer-Encoding: chunked, identity", post(GENESYS, "Transfer-Encoding: chunked, identity\r\n") + "2\r\n{}\r\n0\r\n\r\n", 400),
                arguments("Transfer-Encoding twice", post(GENESYS, "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n") + "2\r\n{}\r\n0\r\n\r\n", 400),
                arguments("a space before the colon", post(GENESYS, "Transfer-Encoding : chunked\r\n") + "2\r\n{}\r\n0\r\n\r\n", 400),
                arguments("a folded Transfer-Encoding", post(GENESYS, "Transfer-Encoding:\r\n chunked\r\n") + "2\r\n{}\r\n0\r\n\r\n", 400),
                arguments("chunked in HTTP/1.0", "POST " + GENESYS + " HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400),
                arguments("LF-only line ends", "GET " + GENESYS + " HTTP/1.1\nHost: edge.test\n\n", 400),
                // 4: one header never becomes two
                arguments("a bare LF in a header value", get(GENESYS, "gkc_customerId: c1\nx-injected: yes\r\n"), 400),
                arguments("a bare CR in a header value", get(GENESYS, "gkc_customerId: c1\rx-injected: yes\r\n"), 400),
                arguments("a space in a header name", get(GENESYS, "gkc customerId: c1\r\n"), 400),
                arguments("a NUL in a header value", get(GENESYS, "gkc_customerId: c\u00001\r\n"), 400));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("refusals")
    void isRefusedInTheDialectOfItsPathAndReachesNoService(String name, String request, int status) {
        int before = forwarded();

        RawClient.Answer answer = RawClient.exchange(edge.port(), request);

        assertThat(answer.status()).as(name).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
        assertThat(code(request, answer.json())).isEqualTo(switch (status) {
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 431 -> "request_header_fields_too_large";
            default -> "invalid_request";
        });
        assertThat(forwarded()).as("requests that reached a service").isEqualTo(before);
    }

    @Test
    void aFiveMegabyteBodyIs413WhileTheClientIsStillSending() throws Exception {
        int before = forwarded();
        try (RawClient client = new RawClient(edge.port())) {
            client.send(post(GENESYS, "Content-Length: 5000000\r\n"));
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 50; i++) {
                    client.send(new byte[100_000]);
                }
            });
            RawClient.Answer answer = client.answer();

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.json().path("code").asText()).isEqualTo("payload_too_large");
            assertThat(answer.closes()).isTrue();
            upload.handle((done, failed) -> null).get();
        }
        assertThat(forwarded()).isEqualTo(before);
    }

    @Test
    void aBodyCutOffByTheClientGoingAwayReachesNoService() {
        int before = forwarded();
        for (String request : new String[] {
                post(GENESYS, "Transfer-Encoding: chunked\r\n") + "FF\r\n{\"visitId\":\"v-x\"}",
                post(GENESYS, "Content-Length: 100\r\n") + "{\"visitId\":\"v-y\"}",
                post(GENESYS, "Content-Length: 100\r\n")}) {
            RawClient client = new RawClient(edge.port());
            client.send(request);
            client.abort();
        }
        // The edge has then handled the aborts (one IO thread per connection, in order) before this answer.
        assertThat(RawClient.exchange(edge.port(), get("/nowhere", "")).status()).isEqualTo(404);
        assertThat(forwarded()).isEqualTo(before);
    }

    @Test
    void aBodyShorterThanItsContentLengthIs400WhenTheClientStillListens() {
        int before = forwarded();
        try (RawClient client = new RawClient(edge.port())) {
            RawClient.Answer answer = client.send(post(VECTARA, "Content-Length: 100\r\n") + "{\"visitId\":\"v-z\"}")
                    .shutdownOutput().answer();

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("messages").get(0).asText()).contains("before the request body was complete");
        }
        assertThat(forwarded()).isEqualTo(before);
    }

    @Test
    void aValidHeaderStaysOneHeaderWithItsUtf8Value() {
        RawClient.Answer answer = RawClient.exchange(edge.port(),
                get(GENESYS, "gkc_customerId: cüstömer 日本\r\nConnection: close\r\n"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode headers = answer.json().path("headers");
        // EchoUpstream (the JDK's server) reads header bytes as ISO-8859-1: the bytes arrived unchanged.
        assertThat(headers.path("gkc_customerid").asText().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("cüstömer 日本".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(headers.has("x-injected")).isFalse();
    }

    private static int forwarded() {
        return command.echoedCount() + query.echoedCount();
    }

    /** The error code wherever the path's dialect puts it. */
    private static String code(String request, JsonNode body) {
        String path = request.split(" ", 3)[1];
        if (path.startsWith("/api/v2/apps")) {
            assertThat(body.at("/errors/0/msg").asText()).isNotBlank();
            return body.at("/errors/0/code").asText();
        }
        if (path.startsWith("/v2/agents")) {
            assertThat(body.path("messages").get(0).asText()).isNotBlank();
            assertThat(body.path("request_id").asText()).isNotBlank();
            assertThat(body.path("field_errors").isObject()).isTrue();
            return body.path("code").asText();
        }
        assertThat(body.path("description").asText()).isNotBlank();
        return body.path("code").asText();
    }

    private static String get(String target, String headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: edge.test\r\n" + headers + "\r\n";
    }

    private static String post(String path, String headers) {
        return "POST " + path + " HTTP/1.1\r\n" + JSON_HEADERS + headers + "\r\n";
    }

    private static String headers(int count) {
        StringBuilder lines = new StringBuilder();
        IntStream.range(0, count).forEach(i -> lines.append("x-h").append(i).append(": v\r\n"));
        return lines.toString();
    }
}
