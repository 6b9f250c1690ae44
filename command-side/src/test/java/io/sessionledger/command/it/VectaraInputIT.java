package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.testsupport.OpenApiChecks;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the Vectara writes refuse, with which code and which field, and what they accept at the limits. */
class VectaraInputIT extends VectaraApi {

    private static final String NAME = "\"name\":\"n\"";

    static Stream<Arguments> refusedCreates() {
        return Stream.of(
                Arguments.of("no name", "{}", "invalid_request", new String[] {"name"}),
                Arguments.of("null name", "{\"name\":null}", "invalid_request", new String[] {"name"}),
                Arguments.of("blank name", "{\"name\":\"  \"}", "invalid_request", new String[] {"name"}),
                Arguments.of("long name", "{\"name\":\"" + "n".repeat(256) + "\"}", "invalid_request", new String[] {"name"}),
                Arguments.of("name with a line break", "{\"name\":\"a\\nb\"}", "invalid_request", new String[] {"name"}),
                Arguments.of("name with NUL", "{\"name\":\"a\\u0000b\"}", "invalid_request", new String[] {"name"}),
                Arguments.of("number for name", "{\"name\":7}", "invalid_request", new String[] {"name"}),
                Arguments.of("long description", "{" + NAME + ",\"description\":\"" + "d".repeat(2001) + "\"}",
                        "invalid_request", new String[] {"description"}),
                Arguments.of("object for description", "{" + NAME + ",\"description\":{}}", "invalid_request",
                        new String[] {"description"}),
                Arguments.of("key with a space", "{" + NAME + ",\"key\":\"a b\"}", "invalid_request", new String[] {"key"}),
                Arguments.of("key with a dot", "{" + NAME + ",\"key\":\"a.b\"}", "invalid_request", new String[] {"key"}),
                Arguments.of("empty key", "{" + NAME + ",\"key\":\"\"}", "invalid_request", new String[] {"key"}),
                Arguments.of("long key", "{" + NAME + ",\"key\":\"" + "k".repeat(51) + "\"}", "invalid_request",
                        new String[] {"key"}),
                Arguments.of("number for key", "{" + NAME + ",\"key\":5}", "invalid_request", new String[] {"key"}),
                Arguments.of("string for enabled", "{" + NAME + ",\"enabled\":\"true\"}", "invalid_request",
                        new String[] {"enabled"}),
                Arguments.of("array metadata", "{" + NAME + ",\"metadata\":[1]}", "invalid_metadata", new String[] {"metadata"}),
                Arguments.of("string metadata", "{" + NAME + ",\"metadata\":\"{}\"}", "invalid_metadata",
                        new String[] {"metadata"}),
                Arguments.of("metadata 11 levels deep", "{" + NAME + ",\"metadata\":" + nested(11) + "}",
                        "invalid_metadata", new String[] {"metadata"}),
                Arguments.of("metadata over 16 KiB", "{" + NAME + ",\"metadata\":" + sized(16 * 1024 + 1) + "}",
                        "invalid_metadata", new String[] {"metadata"}),
                Arguments.of("several fields at once", "{\"name\":\"\",\"key\":\"?\",\"metadata\":1}", "invalid_request",
                        new String[] {"key", "metadata", "name"}),
                Arguments.of("not JSON", "{\"name\":", "invalid_request", new String[0]),
                Arguments.of("not an object", "[{\"name\":\"n\"}]", "invalid_request", new String[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCreates")
    void aRefusedCreateNamesTheFieldsAtFaultAndStoresNothing(String name, String body, String code, String[] fields) {
        long before = storedEvents();

        assertVectaraError(create(body), 400, code, fields);
        assertThat(storedEvents()).as(name).isEqualTo(before);
    }

    @Test
    void metadataAtTheLimitsIsAccepted() {
        String atSizeLimit = sized(16 * 1024);
        assertThat(atSizeLimit).hasSize(16 * 1024);

        assertThat(create("{" + NAME + ",\"metadata\":" + atSizeLimit + "}").status()).isEqualTo(201);
        assertThat(create("{" + NAME + ",\"metadata\":" + nested(10) + "}").status()).isEqualTo(201);
        assertThat(create("{" + NAME + ",\"metadata\":null,\"description\":null,\"key\":null,\"enabled\":null}")
                .status()).isEqualTo(201);
    }

    @Test
    void unknownFieldsAreIgnored() {
        var created = create("{\"name\":\"extra\",\"key\":\"extra-1\",\"agent_key\":\"other\",\"created_at\":5,"
                + "\"future_field\":{\"x\":[1,2]}}");

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.body().get("agent_key").asText()).isEqualTo(AGENT);
        assertThat(created.body().has("future_field")).isFalse();
    }

    @Test
    void aRefusedUpdateNamesTheFieldAndChangesNothing() {
        created("input-1", "n");
        long before = storedEvents();

        assertVectaraError(send("PATCH", SESSIONS + "/input-1", "{\"name\":\"\"}"), 400, "invalid_request", "name");
        assertVectaraError(send("PATCH", SESSIONS + "/input-1", "{\"enabled\":1}"), 400, "invalid_request", "enabled");
        assertVectaraError(send("PATCH", SESSIONS + "/input-1", "{\"metadata\":[]}"), 400, "invalid_metadata", "metadata");
        assertVectaraError(send("PATCH", SESSIONS + "/input-1", "{\"name\":\"x\"}", "If-Match", "abc"),
                412, "precondition_failed");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void pathKeysThatCannotExistAreInvalidRequests() {
        assertVectaraError(create("/v2/agents/" + "a".repeat(65) + "/sessions", "{" + NAME + "}"), 400,
                "invalid_request", "agent_key");
        assertVectaraError(create("/v2/agents/a%20b/sessions", "{" + NAME + "}"), 400, "invalid_request", "agent_key");
        assertVectaraError(send("PATCH", SESSIONS + "/" + "k".repeat(51), "{}"), 400, "invalid_request", "session_key");
        assertVectaraError(send("DELETE", SESSIONS + "/a.b", null), 400, "invalid_request", "session_key");
        assertVectaraError(send("PATCH", SESSIONS + "/never-made", "{}"), 404, "session_not_found");
    }

    @Test
    void withoutAValidKeyTheAnswerIsUnauthorizedInVectarasShape() {
        assertVectaraError(as("sl_not-a-key", "POST", SESSIONS, "{" + NAME + "}"), 401, "unauthorized");
    }

    @Test
    void theOpenApiDocumentDescribesEveryWriteWithAnExampleForEveryRequestAndError() {
        JsonNode document = http.send("GET", "/v3/api-docs", null, Map.of()).body();
        JsonNode create = document.at("/paths/~1v2~1agents~1{agent_key}~1sessions/post");
        JsonNode update = document.at("/paths/~1v2~1agents~1{agent_key}~1sessions~1{session_key}/patch");
        JsonNode delete = document.at("/paths/~1v2~1agents~1{agent_key}~1sessions~1{session_key}/delete");

        assertThat(create.at("/requestBody/content/application~1json/examples")).hasSize(2);
        assertThat(create.get("responses").fieldNames()).toIterable()
                .contains("201", "400", "401", "403", "404", "409", "413", "415", "429");
        assertThat(update.get("responses").fieldNames()).toIterable().contains("200", "400", "404", "412");
        assertThat(delete.get("responses").fieldNames()).toIterable().contains("204", "400", "404", "412");
        OpenApiChecks.assertEveryRequestAndErrorHasAnExample(document);
    }

    private Http.Response create(String path, String body) {
        return send("POST", path, body);
    }

    /** An object {@code levels} deep: {@code {}} is one level. */
    private static String nested(int levels) {
        return "{\"a\":".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    }

    /** A metadata object of exactly {@code bytes} bytes as compact JSON. */
    private static String sized(int bytes) {
        return "{\"pad\":\"" + "m".repeat(bytes - 10) + "\"}";
    }
}
