package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What valid clients do over raw connections to the edge: keep-alive, pipelining, chunked bodies, 100-continue, HTTP/1.0. */
class WireIT extends AgainstEchoUpstreams {

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        try (RawClient client = new RawClient(edge.port())) {
            client.send(request("GET", "/gks-server/v1/sessions/p1", "x-request-id: p-1\r\n", "")
                    + request("POST", "/gks-server/v1/sessions/p2", "x-request-id: p-2\r\n", "{\"visitId\":\"v-2\"}")
                    + request("GET", "/nowhere", "x-request-id: p-3\r\n", "")
                    + request("GET", "/v2/agents/bot/sessions", "x-request-id: p-4\r\n", ""));

            List<RawClient.Answer> answers = List.of(client.answer(), client.answer(), client.answer(), client.answer());

            assertThat(answers).extracting(RawClient.Answer::status).containsExactly(200, 201, 404, 200);
            // The edge's own answer names the request id; the echo shows what the service was sent.
            assertThat(answers).extracting(a -> a.status() == 404 ? a.headers().get("x-request-id")
                    : a.json().at("/headers/x-request-id").asText()).containsExactly("p-1", "p-2", "p-3", "p-4");
            assertThat(answers.get(1).json().path("body").asText()).isEqualTo("{\"visitId\":\"v-2\"}");
        }
    }

    @Test
    void aChunkedBodyIsForwardedWholeWithItsLength() {
        String chunked = "POST /gks-server/v1/sessions/c1 HTTP/1.1\r\nHost: edge.test\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\n{\"vis\r\n" + "C\r\nitId\":\"v-c\"}\r\n" + "0\r\nx-trailer: t\r\n\r\n";
        try (RawClient client = new RawClient(edge.port())) {
            for (String piece : chunked.split("(?<=\n)")) {
                client.send(piece); // one line at a time: the edge assembles across reads
            }
            JsonNode seen = client.answer().json();

            assertThat(seen.path("body").asText()).isEqualTo("{\"visitId\":\"v-c\"}");
            assertThat(seen.at("/headers/content-length").asText()).isEqualTo("17");
            assertThat(seen.path("headers").has("transfer-encoding")).isFalse();
        }
    }

    @Test
    void expectContinueIsAnsweredByTheEdgeAndNotForwarded() {
        try (RawClient client = new RawClient(edge.port())) {
            client.send("PUT /gks-server/v1/sessions/new HTTP/1.1\r\nHost: edge.test\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 17\r\n\r\n");
            RawClient.Answer interim = client.answer();
            client.send("{\"visitId\":\"v-e\"}");
            RawClient.Answer answer = client.answer();

            assertThat(interim.status()).isEqualTo(100);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("body").asText()).isEqualTo("{\"visitId\":\"v-e\"}");
            assertThat(answer.json().path("headers").has("expect")).isFalse();
        }
    }

    @Test
    void aKeptAliveConnectionCarriesManyRequests() {
        try (RawClient client = new RawClient(edge.port())) {
            for (int i = 0; i < 20; i++) {
                RawClient.Answer answer = client.send(request("PUT", "/gks-server/v1/sessions/new", "", "{\"i\":" + i + "}")).answer();
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.json().path("body").asText()).isEqualTo("{\"i\":" + i + "}");
            }
        }
    }

    /** RFC 9112 6.1: an HTTP/1.0 client cannot read chunked framing; ab -k sends exactly these requests. */
    @Test
    void anHttp10ClientNeverGetsAChunkedAnswerAndItsKeptAliveConnectionWorks() {
        try (RawClient client = new RawClient(edge.port())) {
            for (int i = 0; i < 5; i++) {
                RawClient.Answer answer = client.send("GET /gks-server/v1/sessions/s-" + i
                        + " HTTP/1.0\r\nConnection: keep-alive\r\nHost: edge.test\r\n\r\n").answer();
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.headers()).doesNotContainKey("transfer-encoding").containsKey("content-length");
            }
        }
        try (RawClient client = new RawClient(edge.port())) {
            RawClient.Answer answer = client.send("GET /gks-server/v1/chunked/s-1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                    .answer();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers()).doesNotContainKey("transfer-encoding");
            assertThat(answer.json().path("upstream").asText()).isEqualTo("query");
            assertThat(answer.headers().containsKey("content-length") || answer.closes()).isTrue();
        }
    }

    private static String request(String method, String path, String headers, String body) {
        return method + " " + path + " HTTP/1.1\r\nHost: edge.test\r\n" + headers
                + (body.isEmpty() ? "" : "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n")
                + "\r\n" + body;
    }
}
