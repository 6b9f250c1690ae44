package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.deploy.Ports;
import io.sessionledger.deploy.broker.BrokerSettings;
import io.sessionledger.deploy.broker.LocalBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeIT extends AgainstEchoUpstreams {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void writesGoToTheCommandSideAndReadsToTheQuerySide() throws Exception {
        assertThat(upstreamOf("PUT", "/gks-server/v1/sessions/new")).isEqualTo("command");
        assertThat(upstreamOf("GET", "/gks-server/v1/sessions/s-1")).isEqualTo("query");
        assertThat(upstreamOf("GET", "/gks-server/v2/sessions/s-1?tenantId=acme")).isEqualTo("query");
        assertThat(upstreamOf("POST", "/gks-server/v2/sessions/s-1?tenantId=acme")).isEqualTo("command");
        assertThat(upstreamOf("POST", "/api/v2/apps/a1/environments/dev/sessions/list")).isEqualTo("query");
        assertThat(upstreamOf("POST", "/api/v2/apps/a1/environments/dev/sessions")).isEqualTo("command");
        assertThat(upstreamOf("GET", "/api/v2/apps/a1/environments/dev/sessions?sessionId=x")).isEqualTo("query");
        assertThat(upstreamOf("GET", "/v2/agents/bot/sessions")).isEqualTo("query");
        assertThat(upstreamOf("PATCH", "/v2/agents/bot/sessions/k1")).isEqualTo("command");
        assertThat(upstreamOf("POST", "/ledger/v1/projections/session-info/rebuild")).isEqualTo("query");
        assertThat(upstreamOf("GET", "/ledger/v1/reconciliation")).isEqualTo("query");
        assertThat(upstreamOf("POST", "/ledger/v1/api-keys")).isEqualTo("command");
        assertThat(upstreamOf("GET", "/v3/api-docs/swagger-config")).isEqualTo("command");
        assertThat(upstreamOf("GET", "/swagger-ui/index.html")).isEqualTo("command");
        assertThat(upstreamOf("GET", "/swagger-ui.html")).isEqualTo("command");
    }

    @Test
    void headersWithUnderscoresBodyStatusAndQueryPassThroughUnchanged() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/gks-server/v2/sessions/s-9?tenantId=acme&x=a%20b"))
                .header("gkc_agentId", "agent-7").header("gkc_customerId", "cust-3")
                .POST(HttpRequest.BodyPublishers.ofString("{\"visitId\":\"v-1\"}")));
        JsonNode seen = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-upstream")).hasValue("command");
        assertThat(seen.at("/uri").asText()).isEqualTo("/gks-server/v2/sessions/s-9?tenantId=acme&x=a%20b");
        assertThat(seen.at("/headers/gkc_agentid").asText()).isEqualTo("agent-7");
        assertThat(seen.at("/headers/gkc_customerid").asText()).isEqualTo("cust-3");
        assertThat(seen.at("/body").asText()).isEqualTo("{\"visitId\":\"v-1\"}");
    }

    @Test
    void aRequestIdIsAddedWhenMissingAndKeptWhenSent() throws Exception {
        JsonNode without = JSON.readTree(send(HttpRequest.newBuilder(uri("/gks-server/v1/sessions/a"))).body());
        JsonNode with = JSON.readTree(send(HttpRequest.newBuilder(uri("/gks-server/v1/sessions/a"))
                .header("x-request-id", "client-chosen")).body());

        assertThat(without.at("/headers/x-request-id").asText()).matches("[0-9a-f-]{36}");
        assertThat(with.at("/headers/x-request-id").asText()).isEqualTo("client-chosen");
        assertThat(without.at("/headers/x-forwarded-for").asText()).isEqualTo("127.0.0.1");
        assertThat(without.at("/headers/x-forwarded-proto").asText()).isEqualTo("http");
    }

    @Test
    void upstreamErrorsPassThroughUntouched() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ledger/v1/status/503")));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void internalAndUnknownPathsAre404InTheDialectOfThePath() throws Exception {
        HttpResponse<String> internal = send(HttpRequest.newBuilder(uri("/internal/v1/principal")));
        HttpResponse<String> traversal = send(HttpRequest.newBuilder(uri("/ledger/v1/%2e%2e/%2e%2e/internal/v1/principal")));
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/v2/agentsX")));

        assertThat(internal.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(internal.body()).path("code").asText()).isEqualTo("not_found");
        assertThat(JSON.readTree(internal.body()).has("description")).isTrue();
        assertThat(traversal.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(internal.headers().firstValue("content-type")).hasValue("application/json");
    }

    @Test
    void oversizedHeadersAre431AndOversizedUrlsAre414AsJson() throws Exception {
        HttpResponse<String> headers = send(HttpRequest.newBuilder(uri("/gks-server/v1/sessions/a"))
                .header("x-big", "h".repeat(17 * 1024)));
        HttpResponse<String> url = send(HttpRequest.newBuilder(uri("/v2/agents/bot/sessions?filter=" + "u".repeat(9000))));

        assertThat(headers.statusCode()).isEqualTo(431);
        JsonNode genesys = JSON.readTree(headers.body());
        assertThat(genesys.path("code").asText()).isEqualTo("request_header_fields_too_large");
        assertThat(genesys.has("description")).isTrue();
        assertThat(url.statusCode()).isEqualTo(414);
        JsonNode vectara = JSON.readTree(url.body());
        assertThat(vectara.path("messages").isArray()).isTrue();
        assertThat(vectara.path("request_id").asText()).isNotBlank();
        assertThat(vectara.path("field_errors").isObject()).isTrue();
    }

    @Test
    void anUnreachableUpstreamIs503AsJson() throws Exception {
        try (Edge lonely = Edge.start(new EdgeSettings("127.0.0.1", 0, "http://127.0.0.1:" + Ports.findFree(),
                query.url(), "127.0.0.1:" + Ports.findFree()))) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + lonely.port() + "/v2/agents/bot/sessions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("code").asText()).isEqualTo("unavailable");
            assertThat(body.path("messages").get(0).asText()).isNotBlank();

            HttpResponse<String> kore = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lonely.port()
                            + "/api/v2/apps/a1/environments/dev/sessions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(kore.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(kore.body()).at("/errors/0/code").asText()).isEqualTo("unavailable");
            assertThat(JSON.readTree(kore.body()).at("/errors/0/msg").asText()).isNotBlank();
        }
    }

    @Test
    void healthIsUpOnlyWhenBothServicesAndTheBrokerAre(@TempDir Path dataDir) throws Exception {
        HttpResponse<String> withoutBroker = send(HttpRequest.newBuilder(uri("/actuator/health")));
        assertThat(withoutBroker.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(withoutBroker.body()).at("/components/kafka/status").asText()).isEqualTo("DOWN");
        assertThat(JSON.readTree(withoutBroker.body()).at("/components/querySide/status").asText()).isEqualTo("UP");

        try (LocalBroker broker = LocalBroker.start(new BrokerSettings(Ports.findFreePair(), dataDir, "t", 1));
             Edge complete = Edge.start(new EdgeSettings("127.0.0.1", 0, command.url(), query.url(),
                     broker.bootstrapServers()))) {
            HttpResponse<String> up = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + complete.port() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    private static String upstreamOf(String method, String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).as(method + " " + path).isBetween(200, 201);
        return JSON.readTree(response.body()).path("upstream").asText();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + edge.port() + pathAndQuery);
    }
}
