package io.sessionledger.command.it;

import io.sessionledger.testsupport.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One command side (the machine's PostgreSQL, the in-process broker) for the Vectara tests, which add nothing
 * to its configuration, so Spring starts it once for all of them. Agent {@code support} is registered for
 * tenant {@code acme} before every test.
 */
abstract class VectaraApi extends RunningCommandSide {

    static final String AGENT = "support";
    static final String SESSIONS = "/v2/agents/" + AGENT + "/sessions";
    private static final String DATABASE = TestPostgres.createDatabase("ledger_cmd_vectara");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, DATABASE);
    }

    String key;

    @BeforeEach
    void registerAgentAndIssueKey() {
        registerAgent("acme", AGENT);
        key = issue("{\"tenantId\":\"acme\",\"name\":\"vectara-it\"}");
    }

    void registerAgent(String tenant, String agent) {
        Http.Response registered = http.send("PUT", "/ledger/v1/agents/" + agent,
                "{\"tenantId\":\"" + tenant + "\",\"name\":\"" + agent + "\"}",
                Map.of("x-api-key", ADMIN_KEY, "content-type", "application/json"));
        assertThat(registered.status()).as(registered.raw().body()).isIn(200, 201);
    }

    /** Issues a key from a whole issue request and returns the secret. */
    String issue(String request) {
        Http.Response issued = http.send("POST", "/ledger/v1/api-keys", request,
                Map.of("x-api-key", ADMIN_KEY, "content-type", "application/json"));
        assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
        return issued.body().get("key").asText();
    }

    Http.Response send(String method, String path, String body, String... extraHeaders) {
        return as(key, method, path, body, extraHeaders);
    }

    Http.Response as(String apiKey, String method, String path, String body, String... extraHeaders) {
        Map<String, String> headers = new HashMap<>(Map.of("x-api-key", apiKey));
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        return http.send(method, path, body, headers);
    }

    Http.Response create(String body) {
        return send("POST", SESSIONS, body);
    }

    /** A session created with this key and name; fails the test when the create does. */
    JsonNode created(String sessionKey, String name) {
        Http.Response created = create("{\"key\":\"" + sessionKey + "\",\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.body();
    }

    static void assertVectaraError(Http.Response response, int status, String code, String... fields) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/json");
        JsonNode body = response.body();
        assertThat(body.get("code").asText()).as(response.raw().body()).isEqualTo(code);
        assertThat(body.get("messages").isArray()).isTrue();
        assertThat(body.get("messages")).isNotEmpty();
        assertThat(body.get("messages").get(0).asText()).doesNotContain("Exception");
        assertThat(body.get("request_id").asText()).isEqualTo(response.header("x-request-id"));
        assertThat(body.get("field_errors").isObject()).isTrue();
        assertThat(body.get("field_errors").fieldNames()).toIterable().containsExactlyInAnyOrder(fields);
        assertThat(body.size()).isEqualTo(4);
    }

    /** The sessions the store ever created with this Vectara key (deleted ones included), oldest first. */
    List<String> aggregatesCreatedWithKey(String sessionKey) {
        return jdbc.queryForList("select aggregate_identifier from domain_event_entry where payload_type like "
                + "'%SessionCreated' and convert_from(payload, 'UTF8')::jsonb -> 'keys' ->> 'key' = ? "
                + "order by global_index", String.class, sessionKey);
    }

    /** The event types of one session, in order, as the store holds them. */
    List<String> history(String aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, aggregateId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
