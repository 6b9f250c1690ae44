package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the Kore write tests share: the admin API's running command side, app environments registered for
 * tenant acme ({@code kore-a/dev}, {@code kore-a/prod}, {@code kore-b/dev}) and globex ({@code kore-a/dev},
 * {@code kore-g/dev}), and keys: acme's full key, one limited to {@code kore-b}, one with only the audit scope.
 */
abstract class KoreWritesContext extends AdminApiContext {

    static final String SESSIONS = "/api/v2/apps/kore-a/environments/dev/sessions";
    private static Keys keys;

    record Keys(String acme, String acmeKoreBOnly, String acmeAuditOnly, String globex) {
    }

    @BeforeEach
    void registerAppsAndKeysOnce() {
        synchronized (KoreWritesContext.class) {
            if (keys != null) {
                return;
            }
            for (String entry : new String[] {"acme/kore-a/dev", "acme/kore-a/prod", "acme/kore-b/dev",
                    "globex/kore-a/dev", "globex/kore-g/dev"}) {
                String[] parts = entry.split("/");
                Http.Response registered = admin("PUT", "/ledger/v1/apps/" + parts[1] + "/environments/" + parts[2],
                        "{\"tenantId\":\"" + parts[0] + "\"}");
                assertThat(registered.status()).as(registered.raw().body()).isIn(200, 201);
            }
            keys = new Keys(keyOf("acme"),
                    keyWith("{\"tenantId\":\"acme\",\"name\":\"kore-b only\",\"apps\":[\"kore-b\"]}"),
                    keyWith("{\"tenantId\":\"acme\",\"name\":\"audit only\",\"scopes\":[\"audit\"]}"),
                    keyOf("globex"));
        }
    }

    private String keyWith(String body) {
        return issue(body).body().get("key").asText();
    }

    Keys keys() {
        return keys;
    }

    /** {"sessionIdentity":[...]} from type, value, type, value, ... */
    static String identity(String... typesAndValues) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < typesAndValues.length; i += 2) {
            items.append(items.isEmpty() ? "" : ",").append("{\"type\":\"").append(typesAndValues[i])
                    .append("\",\"value\":\"").append(typesAndValues[i + 1]).append("\"}");
        }
        return "{\"sessionIdentity\":[" + items + "]}";
    }

    Http.Response create(String body) {
        return as(keys.acme(), "POST", SESSIONS, body);
    }

    Http.Response terminate(String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("x-api-key", keys.acme(),
                "content-type", "application/json"));
        headers.putAll(extraHeaders);
        return http.send("POST", SESSIONS + "/terminate", body, headers);
    }

    static JsonNode session(Http.Response response) {
        assertThat(response.body().size()).as(response.raw().body()).isEqualTo(1);
        return response.body().get("session");
    }

    static void assertKoreError(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw().uri() + " -> " + response.raw().body()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/json");
        assertThat(response.body().size()).isEqualTo(1);
        assertThat(response.body().get("errors").size()).isEqualTo(1);
        assertThat(response.body().at("/errors/0/code").asText()).as(response.raw().body()).isEqualTo(code);
        assertThat(response.body().at("/errors/0/msg").asText()).isNotBlank().doesNotContain("Exception");
    }
}
