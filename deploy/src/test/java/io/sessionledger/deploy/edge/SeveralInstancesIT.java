package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.deploy.Ports;
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

/** The edge in front of two instances of each service: balancing, failover, and which requests it sends again. */
class SeveralInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> WRITES = List.of("PUT /gks-server/v1/sessions/new",
            "POST /gks-server/v1/sessions/s-1", "POST /api/v2/apps/a1/environments/dev/sessions",
            "PATCH /v2/agents/bot/sessions/k1", "DELETE /v2/agents/bot/sessions/k1");
    /**
     * A request without a body is complete when it is sent, which is when Undertow could send it again: a
     * Genesys create and a Vectara delete need none.
     */
    private static final List<String> WITH_BODY = List.of("POST", "PATCH");

    @Test
    void writesAndReadsAreSpreadOverEveryInstance() throws Exception {
        try (EchoUpstream command1 = new EchoUpstream("command-1", "UP");
             EchoUpstream command2 = new EchoUpstream("command-2", "UP");
             EchoUpstream query1 = new EchoUpstream("query-1", "UP");
             EchoUpstream query2 = new EchoUpstream("query-2", "UP");
             Edge edge = edge(command1.url() + "," + command2.url(), query1.url() + ", " + query2.url() + "/")) {
            for (int i = 0; i < 10; i++) {
                assertThat(send(edge, "PUT", "/gks-server/v1/sessions/new", id()).statusCode()).isEqualTo(200);
                assertThat(send(edge, "GET", "/gks-server/v1/sessions/s-" + i, id()).statusCode()).isEqualTo(200);
            }

            assertThat(command1.echoedCount()).isPositive();
            assertThat(command2.echoedCount()).isPositive();
            assertThat(command1.echoedCount() + command2.echoedCount()).isEqualTo(10);
            assertThat(query1.echoedCount()).isPositive();
            assertThat(query2.echoedCount()).isPositive();
        }
    }

    @Test
    void aWriteWhoseConnectionWasRefusedGoesToTheLiveInstance() throws Exception {
        String dead = "http://127.0.0.1:" + Ports.findFree();
        try (EchoUpstream live = new EchoUpstream("command-live", "UP");
             EchoUpstream query = new EchoUpstream("query", "UP");
             Edge edge = edge(dead + "," + live.url(), query.url())) {
            List<Integer> statuses = new ArrayList<>();
            for (String write : WRITES) {
                String[] methodAndPath = write.split(" ");
                HttpResponse<String> response = send(edge, methodAndPath[0], methodAndPath[1], id());
                statuses.add(response.statusCode());
                assertThat(response.headers().firstValue("x-upstream")).as(write).hasValue("command-live");
            }
            assertThat(statuses).allMatch(status -> status == 200 || status == 201);
            assertThat(live.echoedCount()).isEqualTo(WRITES.size());
        }
    }

    @Test
    void aWriteThatMayHaveReachedAnInstanceIsNeverSentToAnother() throws Exception {
        try (SwallowingUpstream dying = new SwallowingUpstream();
             EchoUpstream live = new EchoUpstream("command-live", "UP");
             EchoUpstream query = new EchoUpstream("query", "UP");
             Edge edge = edge(dying.url() + "," + live.url(), query.url())) {
            int unavailable = 0;
            for (int round = 0; round < 4; round++) {
                for (String write : WRITES) {
                    String[] methodAndPath = write.split(" ");
                    HttpResponse<String> response = send(edge, methodAndPath[0], methodAndPath[1], id());
                    if (response.statusCode() == 503) {
                        unavailable++;
                        assertThat(JSON.readTree(response.body()).isObject()).isTrue();
                    } else {
                        assertThat(response.headers().firstValue("x-upstream")).hasValue("command-live");
                    }
                }
            }

            assertThat(dying.swallowedRequestIds()).isNotEmpty();
            assertThat(unavailable).isEqualTo(dying.swallowedRequestIds().size());
            assertThat(live.echoedRequestIds()).doesNotContainAnyElementsOf(dying.swallowedRequestIds());
        }
    }

    @Test
    void aReadThatMayHaveReachedAnInstanceIsSentToAnother() throws Exception {
        try (EchoUpstream command = new EchoUpstream("command", "UP");
             SwallowingUpstream dying = new SwallowingUpstream();
             EchoUpstream live = new EchoUpstream("query-live", "UP");
             Edge edge = edge(command.url(), dying.url() + "," + live.url())) {
            for (int i = 0; i < 8; i++) {
                HttpResponse<String> response = send(edge, "GET", "/v2/agents/bot/sessions/k" + i, id());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("x-upstream")).hasValue("query-live");
            }

            assertThat(dying.swallowedRequestIds()).isNotEmpty();
            assertThat(live.echoedRequestIds()).containsAll(dying.swallowedRequestIds());
        }
    }

    @Test
    void aStoppedInstanceIsTakenOutOfRotationAndBackOnceItAnswersAgain() throws Exception {
        int port = Ports.findFree();
        try (EchoUpstream other = new EchoUpstream("command-2", "UP");
             EchoUpstream query = new EchoUpstream("query", "UP")) {
            EchoUpstream first = new EchoUpstream("command-1", "UP", port);
            try (Edge edge = edge(first.url() + "," + other.url(), query.url())) {
                first.close();
                for (int i = 0; i < 6; i++) {
                    HttpResponse<String> response = send(edge, "PUT", "/gks-server/v1/sessions/new", id());
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.headers().firstValue("x-upstream")).hasValue("command-2");
                }
                assertThat(health(edge).at("/components/commandSide/status").asText()).isEqualTo("UP");
                assertThat(health(edge).at("/components/commandSide/instances/" + pointer(first.url())).asText())
                        .isEqualTo("UNREACHABLE");

                try (EchoUpstream restarted = new EchoUpstream("command-1", "UP", port)) {
                    // The edge probes a failed instance every second; bounded so a broken probe fails the test.
                    for (int i = 0; i < 200 && restarted.echoedCount() == 0; i++) {
                        assertThat(send(edge, "PUT", "/gks-server/v1/sessions/new", id()).statusCode()).isEqualTo(200);
                        Thread.sleep(50);
                    }
                    assertThat(restarted.echoedCount()).isPositive();
                }
            }
        }
    }

    @Test
    void theQuotaLookupMovesOnToAnInstanceThatAnswers() throws Exception {
        String dead = "http://127.0.0.1:" + Ports.findFree();
        try (EchoUpstream live = new EchoUpstream("command-live", "UP").principals(Map.of("sl_one_a_second",
                     "{\"keyId\":\"k-1\",\"tenantId\":\"acme\",\"name\":\"n\",\"scopes\":[\"sessions\"],"
                             + "\"rateLimit\":{\"requestsPerSecond\":1}}"));
             EchoUpstream query = new EchoUpstream("query", "UP");
             // So many edges share the key's rate that its bucket gets nothing back while the test runs.
             Edge edge = Edge.start(new EdgeSettings("127.0.0.1", 0, dead + "," + live.url(), query.url(),
                     "127.0.0.1:" + Ports.findFree(), 1000, 1_000_000))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port()
                                + "/v2/agents/bot/sessions/k1")).header("x-api-key", "sl_one_a_second").build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            // Without a principal the key would not be limited at all.
            assertThat(statuses).containsExactly(200, 429, 429);
        }
    }

    private static Edge edge(String commandUrls, String queryUrls) {
        return Edge.start(new EdgeSettings("127.0.0.1", 0, commandUrls, queryUrls, "127.0.0.1:" + Ports.findFree()));
    }

    private static HttpResponse<String> send(Edge edge, String method, String path, String requestId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + path))
                .header("x-request-id", requestId)
                .method(method, WITH_BODY.contains(method) ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode health(Edge edge) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port()
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A URL as one JSON pointer segment. */
    private static String pointer(String url) {
        return url.replace("~", "~0").replace("/", "~1");
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
