package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.deploy.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotas per API key through a real edge. The edge believes it is one of so many instances that a key's
 * bucket gets no token back while the test runs: the burst is exact and nothing depends on timing.
 */
class QuotaIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int DEFAULT_RATE = 3;
    private static final int NO_REFILL_INSTANCES = 1_000_000;

    private static EchoUpstream command;
    private static EchoUpstream query;
    private static Edge edge;

    @BeforeAll
    static void start() throws Exception {
        command = new EchoUpstream("command", "UP").principals(Map.of(
                "sl_vectara", principal("k-vectara", "{\"requestsPerSecond\":2}"),
                "sl_kore", principal("k-kore", "{\"requestsPerSecond\":2}"),
                "sl_genesys", principal("k-genesys", "{\"requestsPerSecond\":2}"),
                "sl_neighbour", principal("k-neighbour", "{\"requestsPerSecond\":2}"),
                "sl_bystander", principal("k-bystander", "{\"requestsPerSecond\":2}"),
                "sl_docs", principal("k-docs", "{\"requestsPerSecond\":1}"),
                "sl_null_rate", principal("k-null", "null"),
                "sl_no_rate", "{\"keyId\":\"k-none\",\"tenantId\":\"acme\",\"name\":\"n\",\"scopes\":[\"sessions\"]}"));
        query = new EchoUpstream("query", "UP");
        edge = Edge.start(new EdgeSettings("127.0.0.1", 0, command.url(), query.url(), "127.0.0.1:" + Ports.findFree(),
                DEFAULT_RATE, NO_REFILL_INSTANCES));
    }

    @AfterAll
    static void stop() {
        edge.close();
        command.close();
        query.close();
    }

    @Test
    void aVectaraKeyOverItsBurstGets429InVectarasFormatAndNothingIsForwarded() throws Exception {
        Sent first = send("sl_vectara", "GET", "/v2/agents/bot/sessions");
        Sent second = send("sl_vectara", "POST", "/v2/agents/bot/sessions");
        Sent refused = send("sl_vectara", "GET", "/v2/agents/bot/sessions/k1");

        assertThat(List.of(first.status(), second.status())).containsExactly(200, 201);
        assertRefused(refused);
        JsonNode body = JSON.readTree(refused.response().body());
        assertThat(body.path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(body.path("messages").get(0).asText()).isNotBlank();
        assertThat(body.path("request_id").asText()).isEqualTo(refused.requestId());
        assertThat(body.path("field_errors").isObject()).isTrue();
        assertThat(query.echoedRequestIds()).contains(first.requestId());
        assertThat(command.echoedRequestIds()).contains(second.requestId());
    }

    @Test
    void aKoreKeyOverItsBurstGets429InKoresFormat() throws Exception {
        Sent list = send("sl_kore", "POST", "/api/v2/apps/a1/environments/dev/sessions/list");
        Sent create = send("sl_kore", "POST", "/api/v2/apps/a1/environments/dev/sessions");
        Sent refused = send("sl_kore", "POST", "/api/v2/apps/a1/environments/dev/sessions/terminate");

        assertThat(List.of(list.status(), create.status())).containsExactly(201, 201);
        assertRefused(refused);
        JsonNode error = JSON.readTree(refused.response().body()).at("/errors/0");
        assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(error.path("msg").asText()).isNotBlank();
    }

    @Test
    void aGenesysKeyOverItsBurstGets429InGenesysFormat() throws Exception {
        send("sl_genesys", "PUT", "/gks-server/v1/sessions/new");
        send("sl_genesys", "GET", "/gks-server/v2/sessions/s-1?tenantId=acme");
        Sent refused = send("sl_genesys", "PUT", "/gks-server/v1/sessions/new");

        assertRefused(refused);
        JsonNode body = JSON.readTree(refused.response().body());
        assertThat(body.path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(body.path("description").asText()).isNotBlank();
    }

    @Test
    void anotherKeyKeepsItsOwnQuota() throws Exception {
        send("sl_neighbour", "GET", "/ledger/v1/sessions/acme:s-1/history");
        send("sl_neighbour", "GET", "/ledger/v1/sessions/acme:s-1/history");
        assertRefused(send("sl_neighbour", "GET", "/ledger/v1/sessions/acme:s-1/history"));

        assertThat(send("sl_bystander", "GET", "/ledger/v1/sessions/acme:s-1/history").status()).isEqualTo(200);
    }

    @Test
    void keysWithoutARateOfTheirOwnGetTheDefaultRate() throws Exception {
        for (String key : List.of("sl_null_rate", "sl_no_rate")) {
            List<Integer> statuses = new ArrayList<>();
            Sent last = null;
            for (int i = 0; i < DEFAULT_RATE + 2; i++) {
                last = send(key, "GET", "/v2/agents/bot/sessions");
                statuses.add(last.status());
            }
            assertThat(statuses).as(key).containsExactly(200, 200, 200, 429, 429);
            assertRefused(last);
        }
    }

    @Test
    void invalidKeysAndRequestsWithoutAKeyAreForwardedForTheServiceToRefuse() throws Exception {
        for (int i = 0; i < 5; i++) {
            Sent invalid = send("sl_unknown", "PUT", "/gks-server/v1/sessions/new");
            Sent none = send(null, "PUT", "/gks-server/v1/sessions/new");
            assertThat(invalid.status()).isEqualTo(200);
            assertThat(none.status()).isEqualTo(200);
            assertThat(command.echoedRequestIds()).contains(invalid.requestId(), none.requestId());
        }
    }

    @Test
    void docsAndSwaggerUiAreNeverLimited() throws Exception {
        send("sl_docs", "GET", "/ledger/v1/projections");
        assertRefused(send("sl_docs", "GET", "/ledger/v1/projections"));

        for (String path : List.of("/swagger-ui/index.html", "/v3/api-docs/swagger-config", "/swagger-ui.html")) {
            assertThat(send("sl_docs", "GET", path).status()).as(path).isEqualTo(200);
        }
        assertThat(send("sl_docs", "GET", "/v3/api-docs").status()).isNotEqualTo(429);
    }

    @Test
    void whenTheLookupFailsRequestsAreForwardedUnlimited() throws Exception {
        try (Edge withoutCommandSide = Edge.start(new EdgeSettings("127.0.0.1", 0, "http://127.0.0.1:" + Ports.findFree(),
                query.url(), "127.0.0.1:" + Ports.findFree(), 1, NO_REFILL_INSTANCES))) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + withoutCommandSide.port() + "/v2/agents/bot/sessions"))
                        .header("x-api-key", "sl_vectara").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
    }

    private record Sent(String requestId, HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }
    }

    private static void assertRefused(Sent refused) {
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.response().headers().firstValue("retry-after")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.response().headers().firstValue("content-type")).hasValue("application/json");
        assertThat(command.echoedRequestIds()).doesNotContain(refused.requestId());
        assertThat(query.echoedRequestIds()).doesNotContain(refused.requestId());
    }

    private static Sent send(String apiKey, String method, String pathAndQuery) throws Exception {
        String requestId = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + pathAndQuery))
                .header("x-request-id", requestId)
                .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return new Sent(requestId, HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static String principal(String keyId, String rateLimit) {
        return "{\"keyId\":\"" + keyId + "\",\"tenantId\":\"acme\",\"name\":\"test\",\"scopes\":[\"sessions\",\"audit\","
                + "\"erase\"],\"agents\":null,\"apps\":null,\"rateLimit\":" + rateLimit + "}";
    }
}
