package io.sessionledger.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.deploy.RunningSystem;
import io.sessionledger.systemtest.LedgerClient.Reply;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken clients through the edge, every dialect: each request gets a 4xx in the path's error format
 * (or, for a client that is gone, no answer at all) and the store holds exactly the events it held before.
 * Never a 5xx, never a stack trace, never a half-written session.
 */
class HostileInputIT {

    private static final String GENESYS = "/gks-server/v1/sessions/new";
    private static final String KORE = "/api/v2/apps/hostile-app/environments/prod/sessions";
    private static final String VECTARA = "/v2/agents/hostile-bot/sessions";

    private static int port;
    private static String key;

    @BeforeAll
    static void keyAppAndAgent() throws Exception {
        RunningSystem system = SharedLedger.system();
        port = URI.create(system.baseUrl()).getPort();
        LedgerClient client = new LedgerClient(system.baseUrl());
        String admin = system.adminKey();
        Reply issued = client.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"hostile\"}",
                "x-api-key", admin);
        key = issued.body().path("key").asText();
        assertThat(client.send("PUT", "/ledger/v1/apps/hostile-app/environments/prod", "{\"tenantId\":\"acme\"}",
                "x-api-key", admin).status()).isIn(200, 201);
        assertThat(client.send("PUT", "/ledger/v1/agents/hostile-bot", "{\"tenantId\":\"acme\",\"name\":\"Bot\"}",
                "x-api-key", admin).status()).isIn(200, 201);
    }

    static Stream<Arguments> hostileRequests() {
        byte[] overlong = concat("{\"visitId\":\"v".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xc0, (byte) 0xaf}, "\"}".getBytes(StandardCharsets.UTF_8));
        String deep = "[".repeat(60) + "]".repeat(60);
        return Stream.of(
                // JSON bodies: exactly one value, valid UTF-8, no lone surrogates, the charset honoured
                json("trailing content", "PUT", GENESYS, "{\"visitId\":\"a\"} xyz", 400),
                json("two documents", "PUT", GENESYS, "{\"visitId\":\"a\"}{\"visitId\":\"b\"}", 400),
                json("trailing NUL", "PUT", GENESYS, "{\"visitId\":\"a\"}\u0000", 400),
                raw("overlong UTF-8", post("PUT", GENESYS, "content-type: application/json\r\n", overlong), 400),
                json("lone surrogate", "PUT", GENESYS, "{\"visitId\":\"\\ud800\"}", 400),
                raw("UTF-16 without charset", post("PUT", GENESYS, "content-type: application/json\r\n",
                        "{\"visitId\":\"a\"}".getBytes(StandardCharsets.UTF_16LE)), 400),
                raw("UTF-32 without charset", post("PUT", GENESYS, "content-type: application/json\r\n",
                        "{\"visitId\":\"a\"}".getBytes(Charset.forName("UTF-32BE"))), 400),
                raw("UTF-16 declared", post("PUT", GENESYS, "content-type: application/json; charset=utf-16\r\n",
                        "{\"visitId\":\"a\"}".getBytes(StandardCharsets.UTF_16)), 415),
                raw("multipart", post("PUT", GENESYS, "content-type: multipart/form-data; boundary=b\r\n",
                        "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n"
                                .getBytes(StandardCharsets.UTF_8)), 415),
                raw("5 MB body", post("PUT", GENESYS, "content-type: application/json\r\n",
                        ("{\"visitId\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)), 413),
                // headers: decoded as UTF-8, sent once, one line each
                raw("a party header sent twice", post("PUT", GENESYS, "gkc_customerId: c1\r\ngkc_customerId: c2\r\n",
                        new byte[0]), 400),
                raw("a bare LF inside a header", post("PUT", GENESYS, "gkc_customerId: c1\nx-evil: 1\r\n", new byte[0]),
                        400),
                raw("a header name with a space", post("PUT", GENESYS, "gkc customerId: c1\r\n", new byte[0]), 400),
                raw("150 headers", post("PUT", GENESYS, "x-h: 1\r\n".repeat(150), new byte[0]), 431),
                // bodies the edge did not receive whole, request lines and framing it must refuse
                raw("bad chunk size", chunked(GENESYS, "ZZ\r\n{}\r\n0\r\n\r\n"), 400),
                raw("negative chunk size", chunked(GENESYS, "-1\r\n{}\r\n0\r\n\r\n"), 400),
                raw("chunk size of 2^64", chunked(GENESYS, "10000000000000000\r\n{}\r\n0\r\n\r\n"), 400),
                raw("Content-Length and Transfer-Encoding", bytes("PUT " + GENESYS + " HTTP/1.1\r\nHost: x\r\n"
                        + "x-api-key: KEY\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + "0\r\n\r\n"), 400),
                raw("a 1 MB request line", bytes("GET /gks-server/v1/sessions/" + "a".repeat(1024 * 1024)
                        + " HTTP/1.1\r\nHost: x\r\nx-api-key: KEY\r\nConnection: close\r\n\r\n"), 414),
                raw("a backslash in the path", bytes("GET /gks-server/v1/sessions/a\\b HTTP/1.1\r\nHost: x\r\n"
                        + "x-api-key: KEY\r\nConnection: close\r\n\r\n"), 400),
                raw("HTTP/2.0 on the request line", bytes("GET /gks-server/v1/sessions/a HTTP/2.0\r\nHost: x\r\n"
                        + "x-api-key: KEY\r\n\r\n"), 400),
                raw("no Host", bytes("GET /gks-server/v1/sessions/a HTTP/1.1\r\nx-api-key: KEY\r\nConnection: close\r\n\r\n"),
                        400),
                raw("TRACE", bytes("TRACE " + GENESYS + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 405),
                raw("CONNECT", bytes("CONNECT 127.0.0.1:5432 HTTP/1.1\r\nHost: 127.0.0.1:5432\r\nConnection: close\r\n\r\n"),
                        405),
                // the dialects' own bombs
                json("500 session identities", "POST", KORE, "{\"sessionIdentity\":["
                        + "{\"type\":\"userReference\",\"value\":\"u\"},".repeat(499)
                        + "{\"type\":\"userReference\",\"value\":\"u\"}]}", 400),
                json("a list over the body limit", "POST", KORE, "{\"sessionIdentity\":["
                        + "{\"type\":\"userReference\",\"value\":\"u\"},".repeat(9_999)
                        + "{\"type\":\"userReference\",\"value\":\"u\"}]}", 413),
                json("a 10 KB reference", "POST", KORE, "{\"sessionIdentity\":[{\"type\":\"sessionReference\",\"value\":\""
                        + "r".repeat(10_000) + "\"}]}", 400),
                json("nesting 60 deep", "POST", KORE, "{\"sessionIdentity\":" + deep + "}", 400),
                json("17 KB of metadata", "POST", VECTARA, "{\"name\":\"n\",\"metadata\":{\"a\":\""
                        + "m".repeat(17 * 1024) + "\"}}", 400),
                json("metadata 11 levels deep", "POST", VECTARA, "{\"name\":\"n\",\"metadata\":"
                        + "{\"a\":".repeat(11) + "1" + "}".repeat(11) + "}", 400),
                json("metadata that is a list", "POST", VECTARA, "{\"name\":\"n\",\"metadata\":[1,2]}", 400),
                raw("a 1,000-character filter", get(VECTARA + "?filter=" + "a".repeat(1_000)), 400),
                raw("a 10,000-character query", get(VECTARA + "?filter=" + "a".repeat(10_000)), 414),
                raw("a filter that repeats too much", get(VECTARA + "?filter=((a%7B1000%7D)%7B1000%7D)%7B1000%7D"), 400),
                raw("a limit of a million", get(VECTARA + "?limit=1000000"), 400),
                raw("a forged page key", get(VECTARA + "?page_key=%00%00not-a-cursor"), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void isRefusedInTheDialectsFormatAndStoresNothing(String name, byte[] request, int status) throws Exception {
        long before = SharedLedger.storedEvents();

        WireClient.Answer answer;
        try (WireClient client = new WireClient(port)) {
            answer = client.send(withKey(request)).read();
        }

        assertThat(answer.status()).as(name + "\n" + answer.head() + answer.body()).isEqualTo(status);
        assertThat(answer.hasHeader("content-type: application/json")).as(name + "\n" + answer.head()).isTrue();
        JsonNode body = answer.json();
        assertThat(body.has("code") || body.path("errors").path(0).has("code")).as(name + ": " + body).isTrue();
        assertThat(answer.body()).as(name).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(SharedLedger.storedEvents()).as(name + ": nothing stored").isEqualTo(before);
    }

    @Test
    void aChunkedBodyCutOffMidwayStoresNothing() throws Exception {
        long before = SharedLedger.storedEvents();
        try (WireClient client = new WireClient(port)) {
            client.send(withKey(bytes("POST /gks-server/v1/sessions/cut-1 HTTP/1.1\r\nHost: x\r\nx-api-key: KEY\r\n"
                    + "gkc_customerId: c-cut\r\ncontent-type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "FF\r\n{\"visitId\":\"v-x\"}")));
        }
        Thread.sleep(1_000); // what the edge would have forwarded would be stored by now
        assertThat(SharedLedger.storedEvents()).isEqualTo(before);
    }

    @Test
    void headerValuesTravelAsUtf8ThroughTheEdge() throws Exception {
        try (WireClient client = new WireClient(port)) {
            WireClient.Answer created = client.send(withKey(post("PUT", GENESYS,
                    "gkc_customerId: cüstömer\r\ngkc_agentId: 日本\r\n", new byte[0]))).read();
            assertThat(created.status()).as(created.head() + created.body()).isEqualTo(200);
            assertThat(created.json().path("customerId").asText()).isEqualTo("cüstömer");
            assertThat(created.json().path("agentId").asText()).isEqualTo("日本");
        }
    }

    /**
     * An HTTP/1.0 client cannot read a chunked answer (RFC 9112 section 6.1): it gets a Content-Length and a
     * kept-alive connection, or the answer ends with the connection ("Connection: close"), and it reconnects.
     */
    @Test
    void http10AnswersAreNeverChunkedSoAnHttp10ClientCanFrameThem() throws Exception {
        WireClient client = new WireClient(port);
        try {
            for (int i = 0; i < 3; i++) {
                WireClient.Answer answer = client.send(withKey(bytes("GET /gks-server/v1/sessions/keep-alive-"
                        + i + " HTTP/1.0\r\nHost: x\r\nx-api-key: KEY\r\nConnection: keep-alive\r\n\r\n"))).read();
                assertThat(answer.status()).as(answer.head()).isEqualTo(200);
                assertThat(answer.hasHeader("transfer-encoding: chunked")).as(answer.head()).isFalse();
                assertThat(answer.json().path("sessionId").asText()).isEqualTo("keep-alive-" + i);
                boolean kept = answer.hasHeader("content-length:") && !answer.hasHeader("connection: close");
                assertThat(kept || answer.hasHeader("connection: close")).as(answer.head()).isTrue();
                if (!kept) {
                    client.close();
                    client = new WireClient(port);
                }
            }
        } finally {
            client.close();
        }
    }

    @Test
    void aCatastrophicPatternOverLongNamesAnswersAtOnce() throws Exception {
        LedgerClient client = new LedgerClient(SharedLedger.system().baseUrl());
        for (int i = 0; i < 5; i++) {
            assertThat(client.send("POST", VECTARA, "{\"name\":\"" + "a".repeat(250) + "!\"}", "x-api-key", key)
                    .status()).isEqualTo(201);
        }
        Reply page = client.send("GET", VECTARA + "?filter=%28a%2B%29%2B%24", null, "x-api-key", key);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.body().path("sessions").isArray()).isTrue();
    }

    private static Arguments json(String name, String method, String path, String body, int status) {
        return raw(name, post(method, path, "content-type: application/json\r\n",
                body.getBytes(StandardCharsets.UTF_8)), status);
    }

    private static Arguments raw(String name, byte[] request, int status) {
        return Arguments.of(name, request, status);
    }

    private static byte[] post(String method, String path, String headers, byte[] body) {
        return concat(bytes(method + " " + path + " HTTP/1.1\r\nHost: x\r\nx-api-key: KEY\r\nConnection: close\r\n"
                + headers + "Content-Length: " + body.length + "\r\n\r\n"), body);
    }

    private static byte[] get(String path) {
        return bytes("GET " + path + " HTTP/1.1\r\nHost: x\r\nx-api-key: KEY\r\nConnection: close\r\n\r\n");
    }

    private static byte[] chunked(String path, String chunks) {
        return bytes("PUT " + path + " HTTP/1.1\r\nHost: x\r\nx-api-key: KEY\r\ngkc_customerId: c-chunk\r\n"
                + "content-type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** The key is issued at start; requests are written before, with a placeholder in the head. */
    private static byte[] withKey(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        if (!head.contains("x-api-key: KEY")) {
            return request;
        }
        byte[] newHead = head.replace("x-api-key: KEY", "x-api-key: " + key).getBytes(StandardCharsets.ISO_8859_1);
        byte[] rest = headEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(request, headEnd, request.length);
        return concat(newHead, rest);
    }
}
