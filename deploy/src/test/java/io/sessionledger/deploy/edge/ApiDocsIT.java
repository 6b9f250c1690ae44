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

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v3/api-docs} through a real edge, in front of services that serve their own documents. */
class ApiDocsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String COMMAND_DOC = """
            {"openapi":"3.1.0","info":{"title":"command-side","version":"0.1.0"},
             "paths":{"/gks-server/v1/sessions/new":{"put":{"operationId":"create"}},
                      "/v2/agents/{agent_key}/sessions":{"post":{"summary":"create"},"get":{"summary":"command's"}}},
             "components":{"schemas":{"SessionInfo":{"type":"object"},"ApiKey":{"type":"object"}}}}
            """;
    private static final String QUERY_DOC = """
            {"openapi":"3.1.0","info":{"title":"query-side","version":"0.1.0"},
             "paths":{"/gks-server/v1/sessions/{sessionId}":{"get":{"operationId":"get"}},
                      "/v2/agents/{agent_key}/sessions":{"get":{"summary":"query's"}}},
             "components":{"schemas":{"SessionInfo":{"type":"object"},"ProjectionStatus":{"type":"object"}}}}
            """;

    private static EchoUpstream command;
    private static EchoUpstream query;
    private static Edge edge;

    @BeforeAll
    static void start() throws Exception {
        command = new EchoUpstream("command", "UP").serve("/v3/api-docs", 200, COMMAND_DOC);
        query = new EchoUpstream("query", "UP").serve("/v3/api-docs", 200, QUERY_DOC);
        edge = Edge.start(settings(command.url(), query.url()));
    }

    @AfterAll
    static void stop() {
        edge.close();
        command.close();
        query.close();
    }

    @Test
    void oneDocumentHoldsThePathsAndSchemasOfBothServicesWithoutAKey() throws Exception {
        HttpResponse<String> response = get(edge, "/v3/api-docs");
        JsonNode doc = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Session Ledger");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(doc.path("paths").fieldNames()).toIterable().contains(
                "/gks-server/v1/sessions/new", "/gks-server/v1/sessions/{sessionId}", "/v2/agents/{agent_key}/sessions");
        assertThat(doc.at("/components/schemas").fieldNames()).toIterable()
                .contains("SessionInfo", "ApiKey", "ProjectionStatus");
        assertThat(get(edge, "/v3/api-docs?group=all").statusCode()).isEqualTo(200);
    }

    @Test
    void onAClashOfOneMethodTheCommandSidesOperationIsKept() throws Exception {
        JsonNode agents = JSON.readTree(get(edge, "/v3/api-docs").body()).path("paths").path("/v2/agents/{agent_key}/sessions");

        assertThat(agents.at("/get/summary").asText()).isEqualTo("command's");
        assertThat(agents.at("/post/summary").asText()).isEqualTo("create");
    }

    @Test
    void withOneServiceDownTheOtherSidesPathsComeWithAWarning() throws Exception {
        try (Edge halfBlind = Edge.start(settings(command.url(), "http://127.0.0.1:" + Ports.findFree()))) {
            HttpResponse<String> response = get(halfBlind, "/v3/api-docs");
            JsonNode doc = JSON.readTree(response.body());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(doc.path("paths").has("/gks-server/v1/sessions/new")).isTrue();
            assertThat(doc.path("paths").has("/gks-server/v1/sessions/{sessionId}")).isFalse();
            assertThat(doc.at("/info/description").asText()).contains("Warning", "query side");
        }
    }

    @Test
    void withBothServicesDownTheAnswerIs503InTheLedgerFormat() throws Exception {
        try (Edge blind = Edge.start(settings("http://127.0.0.1:" + Ports.findFree(),
                "http://127.0.0.1:" + Ports.findFree()))) {
            HttpResponse<String> response = get(blind, "/v3/api-docs");
            JsonNode body = JSON.readTree(response.body());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(body.path("code").asText()).isEqualTo("unavailable");
            assertThat(body.path("description").asText()).isNotBlank();
        }
    }

    @Test
    void swaggerUiAndEachServicesOwnDocumentsAreServedByTheCommandSide() throws Exception {
        for (String path : new String[] {"/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs/swagger-config"}) {
            HttpResponse<String> response = get(edge, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("upstream").asText()).as(path).isEqualTo("command");
        }
        assertThat(get(edge, "/internal/v1/principal").statusCode()).isEqualTo(404);
    }

    private static EdgeSettings settings(String commandUrl, String queryUrl) {
        return new EdgeSettings("127.0.0.1", 0, commandUrl, queryUrl, "127.0.0.1:" + Ports.findFree());
    }

    private static HttpResponse<String> get(Edge target, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
