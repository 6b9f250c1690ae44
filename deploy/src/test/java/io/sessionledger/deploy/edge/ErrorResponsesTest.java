package io.sessionledger.deploy.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void korePathsGetKoresErrorsList() throws Exception {
        String body = ErrorResponses.body("/api/v2/apps/a1/environments/dev/sessions", "rate_limit_exceeded",
                "Too many requests.", "r-1");

        assertThat(body).isEqualTo("{\"errors\":[{\"msg\":\"Too many requests.\",\"code\":\"rate_limit_exceeded\"}]}");
        assertThat(JSON.readTree(ErrorResponses.body("/api/v2/apps", "not_found", "x", null)).at("/errors/0/code").asText())
                .isEqualTo("not_found");
    }

    @Test
    void vectaraPathsGetMessagesRequestIdAndFieldErrors() throws Exception {
        JsonNode body = JSON.readTree(ErrorResponses.body("/v2/agents/bot/sessions", "unavailable", "Down.", "r-2"));

        assertThat(body.path("code").asText()).isEqualTo("unavailable");
        assertThat(body.path("messages").get(0).asText()).isEqualTo("Down.");
        assertThat(body.path("request_id").asText()).isEqualTo("r-2");
        assertThat(body.path("field_errors").isObject()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gks-server/v1/sessions/new", "/gks-server/v2/sessions/s-1", "/ledger/v1/api-keys",
            "/v3/api-docs", "/nowhere", "/api/v2/appsX", "/v2/agentsX"})
    void genesysLedgerAndUnknownPathsGetCodeAndDescription(String path) throws Exception {
        JsonNode body = JSON.readTree(ErrorResponses.body(path, "not_found", "Nothing here.", "r-3"));

        assertThat(body.path("code").asText()).isEqualTo("not_found");
        assertThat(body.path("description").asText()).isEqualTo("Nothing here.");
        assertThat(body.size()).isEqualTo(2);
    }
}
