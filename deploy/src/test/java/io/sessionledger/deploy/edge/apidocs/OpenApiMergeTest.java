package io.sessionledger.deploy.edge.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String COMMAND = """
            {"openapi":"3.1.0","info":{"title":"command","version":"0.1.0"},
             "servers":[{"url":"http://127.0.0.1:8081"}],
             "security":[{"apiKey":[]}],
             "tags":[{"name":"genesys","description":"from the command side"},{"name":"ledger"}],
             "paths":{
               "/gks-server/v1/sessions/new":{"put":{"operationId":"create","summary":"command create"}},
               "/v2/agents/{agent_key}/sessions":{"post":{"operationId":"createSession","summary":"command post"},
                                                  "get":{"operationId":"list","summary":"command get"}}},
             "components":{
               "schemas":{"SessionInfo":{"type":"object","description":"command"},"GenesysError":{"type":"object"}},
               "securitySchemes":{"apiKey":{"type":"apiKey","in":"header","name":"x-api-key"}}}}
            """;
    private static final String QUERY = """
            {"openapi":"3.1.0","info":{"title":"query","version":"0.1.0"},
             "security":[{"apiKey":[]}],
             "tags":[{"name":"genesys","description":"from the query side"},{"name":"projections"}],
             "paths":{
               "/gks-server/v1/sessions/{sessionId}":{"get":{"operationId":"create","summary":"query get"}},
               "/v2/agents/{agent_key}/sessions":{"get":{"operationId":"list","summary":"query get"},
                                                  "parameters":[{"name":"agent_key","in":"path"}]}},
             "components":{
               "schemas":{"SessionInfo":{"type":"object","description":"query"},"Page":{"type":"object"}},
               "parameters":{"Limit":{"name":"limit","in":"query"}},
               "securitySchemes":{"apiKey":{"type":"apiKey","in":"header","name":"x-api-key"}}}}
            """;

    @Test
    void theMergedDocumentHasThePathsAndComponentsOfBothSides() throws Exception {
        JsonNode merged = OpenApiMerge.merge(JSON.readTree(COMMAND), JSON.readTree(QUERY));

        assertThat(merged.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(merged.at("/info/title").asText()).isEqualTo("Session Ledger");
        assertThat(merged.at("/info/description").asText())
                .contains("Genesys", "Kore.ai", "Vectara", "/ledger/v1").doesNotContain("Warning");
        assertThat(merged.path("servers").toString()).isEqualTo("[{\"url\":\"/\"}]");
        assertThat(merged.path("paths").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "/gks-server/v1/sessions/new", "/gks-server/v1/sessions/{sessionId}", "/v2/agents/{agent_key}/sessions");
        assertThat(merged.at("/components/schemas").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("SessionInfo", "GenesysError", "Page");
        assertThat(merged.at("/components/parameters/Limit/name").asText()).isEqualTo("limit");
        assertThat(merged.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("x-api-key");
        assertThat(merged.path("security").size()).isEqualTo(1);
    }

    @Test
    void operationsOfOnePathMergeByMethodAndTheCommandSideWinsAClash() throws Exception {
        JsonNode merged = OpenApiMerge.merge(JSON.readTree(COMMAND), JSON.readTree(QUERY));
        JsonNode agents = merged.at("/paths/~1v2~1agents~1{agent_key}~1sessions");

        assertThat(agents.at("/post/summary").asText()).isEqualTo("command post");
        assertThat(agents.at("/get/summary").asText()).isEqualTo("command get");
        assertThat(agents.at("/parameters/0/name").asText()).isEqualTo("agent_key");
        assertThat(merged.at("/components/schemas/SessionInfo/description").asText()).isEqualTo("command");
    }

    @Test
    void tagsAreUnionedByNameAndOperationIdsStayUnique() throws Exception {
        JsonNode merged = OpenApiMerge.merge(JSON.readTree(COMMAND), JSON.readTree(QUERY));

        assertThat(merged.path("tags").findValuesAsText("name")).containsExactly("genesys", "ledger", "projections");
        assertThat(merged.at("/tags/0/description").asText()).isEqualTo("from the command side");
        assertThat(merged.at("/paths/~1gks-server~1v1~1sessions~1new/put/operationId").asText()).isEqualTo("create");
        assertThat(merged.at("/paths/~1gks-server~1v1~1sessions~1{sessionId}/get/operationId").asText())
                .isEqualTo("create_1");
    }

    @Test
    void aMissingSideLeavesTheOtherSidesDocumentAndAWarning() throws Exception {
        JsonNode withoutQuery = OpenApiMerge.merge(JSON.readTree(COMMAND), null);
        JsonNode withoutCommand = OpenApiMerge.merge(null, JSON.readTree(QUERY));

        assertThat(withoutQuery.path("paths").has("/gks-server/v1/sessions/new")).isTrue();
        assertThat(withoutQuery.path("paths").has("/gks-server/v1/sessions/{sessionId}")).isFalse();
        assertThat(withoutQuery.at("/info/description").asText()).contains("Warning", "query side");
        assertThat(withoutCommand.path("paths").has("/gks-server/v1/sessions/{sessionId}")).isTrue();
        assertThat(withoutCommand.at("/info/description").asText()).contains("Warning", "command side");
        assertThat(OpenApiMerge.merge(null, null)).isNull();
    }
}
