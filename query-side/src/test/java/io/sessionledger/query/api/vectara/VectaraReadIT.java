package io.sessionledger.query.api.vectara;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.session.SessionDeleted;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionDetailsUpdated;
import io.sessionledger.query.support.ReadApiContext;
import io.sessionledger.testsupport.OpenApiChecks;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Vectara reads end to end: the app on the local PostgreSQL and a real broker, a fake registry and keys. */
class VectaraReadIT extends ReadApiContext {

    static final VectaraEvents EVENTS = new VectaraEvents(PRODUCER);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSessionIsReadByItsKeyWithItsVersionAsETagRightAfterEachWrite() throws Exception {
        String id = EVENTS.created("acme", "support", "get-1", "Support chat", "about an order",
                "{\"channel\":\"web\",\"n\":[1,{\"x\":null}]}", false);

        HttpResponse<String> read = get("/v2/agents/support/sessions/get-1");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("etag")).contains("\"0\"");
        assertThat(read.headers().firstValue("x-ledger-consistency")).isEmpty();
        JsonNode session = body(read);
        assertThat(session.get("key").asText()).isEqualTo("get-1");
        assertThat(session.get("agent_key").asText()).isEqualTo("support");
        assertThat(session.get("name").asText()).isEqualTo("Support chat");
        assertThat(session.get("description").asText()).isEqualTo("about an order");
        assertThat(session.get("metadata")).isEqualTo(json.readTree("{\"channel\":\"web\",\"n\":[1,{\"x\":null}]}"));
        assertThat(session.get("enabled").asBoolean()).isFalse();
        assertThat(session.get("created_at").asText()).isEqualTo(VectaraEvents.CREATED_AT.toString());
        assertThat(session.size()).isEqualTo(7);

        EVENTS.send(1, new SessionDetailsUpdated("acme", id, new SessionDetails("Renamed", null,
                json.readTree("{\"only\":true}"), true), "session:acme:" + id));
        JsonNode updated = body(get("/v2/agents/support/sessions/get-1"));
        assertThat(updated.get("name").asText()).isEqualTo("Renamed");
        assertThat(updated.get("metadata")).isEqualTo(json.readTree("{\"only\":true}"));
        assertThat(updated.get("enabled").asBoolean()).isTrue();
        assertThat(get("/v2/agents/support/sessions/get-1").headers().firstValue("etag")).contains("\"1\"");
    }

    @Test
    void aListPagesThroughEverySessionOfTheAgentInKeyOrder() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String key = String.format("page-%02d", i);
            keys.add(key);
            EVENTS.created("acme", "pager", key, "Session " + i, null, null, true);
        }

        JsonNode first = body(get("/v2/agents/pager/sessions"));
        assertThat(first.get("sessions")).hasSize(10);
        assertThat(first.size()).isEqualTo(2);
        List<String> seen = new ArrayList<>(keysOf(first));
        String pageKey = first.at("/metadata/page_key").asText();
        int pages = 1;
        while (pageKey != null) {
            JsonNode page = body(get("/v2/agents/pager/sessions?limit=10&page_key=" + encode(pageKey)));
            seen.addAll(keysOf(page));
            pageKey = page.at("/metadata/page_key").isNull() ? null : page.at("/metadata/page_key").asText();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(keys);
        JsonNode all = body(get("/v2/agents/pager/sessions?limit=100"));
        assertThat(keysOf(all)).containsExactlyElementsOf(keys);
        assertThat(all.at("/metadata").has("page_key")).isTrue();
        assertThat(all.at("/metadata/page_key").isNull()).isTrue();
        assertThat(keysOf(body(get("/v2/agents/pager/sessions?limit=1")))).containsExactly("page-00");
    }

    @Test
    void aFilterMatchesTheNameOrTheDescription() throws Exception {
        EVENTS.created("acme", "filtered", "f-1", "Support chat", "shipping", null, true);
        EVENTS.created("acme", "filtered", "f-2", "Billing question", "about Support plans", null, true);
        EVENTS.created("acme", "filtered", "f-3", "Sales lead", null, null, true);
        EVENTS.created("acme", "filtered", "f-4", "support (lower case)", "", null, true);

        assertThat(keysOf(body(get("/v2/agents/filtered/sessions?filter=Support")))).containsExactly("f-1", "f-2");
        assertThat(keysOf(body(get("/v2/agents/filtered/sessions?filter=" + encode("^Support"))))).containsExactly("f-1");
        assertThat(keysOf(body(get("/v2/agents/filtered/sessions?filter=" + encode("(?i)support")))))
                .containsExactly("f-1", "f-2", "f-4");
        assertThat(keysOf(body(get("/v2/agents/filtered/sessions?filter=" + encode("^S(upport|ales) "))))).containsExactly("f-1", "f-3");
        assertThat(keysOf(body(get("/v2/agents/filtered/sessions?filter=nothing-matches")))).isEmpty();
        JsonNode paged = body(get("/v2/agents/filtered/sessions?limit=1&filter=Support"));
        assertThat(keysOf(paged)).containsExactly("f-1");
        JsonNode next = body(get("/v2/agents/filtered/sessions?limit=1&filter=Support&page_key="
                + encode(paged.at("/metadata/page_key").asText())));
        assertThat(keysOf(next)).containsExactly("f-2");
    }

    /** {@code (a+)+$} against "aaa...!" backtracks exponentially in java.util.regex; RE2 answers in linear time. */
    @Test
    void aHostileFilterOnLongNamesStillAnswers() throws Exception {
        for (int i = 0; i < 30; i++) {
            EVENTS.created("acme", "hostile", "h-" + i, "a".repeat(200 + i) + "!", "a".repeat(1_000) + "!", null, true);
        }
        EVENTS.created("acme", "hostile", "h-match", "aaaa", null, null, true);

        HttpResponse<String> response = get("/v2/agents/hostile/sessions?limit=100&filter=" + encode("(a+)+$"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(keysOf(body(response))).containsExactly("h-match");
    }

    @Test
    void badListParametersAreInvalidRequestsNamingTheParameter() throws Exception {
        String list = "/v2/agents/support/sessions";
        assertVectaraError(get(list + "?filter=" + encode("(unclosed")), 400, "invalid_request", "filter");
        assertVectaraError(get(list + "?filter=" + "a".repeat(300)), 400, "invalid_request", "filter");
        assertVectaraError(get(list + "?filter=" + encode("a{1000}{1000}")), 400, "invalid_request", "filter");
        for (String limit : List.of("0", "101", "-5", "ten", "1.5", "", "99999999999")) {
            assertVectaraError(get(list + "?limit=" + encode(limit)), 400, "invalid_request", "limit");
        }
        for (String pageKey : List.of("!!!", "%%%", "a".repeat(600), "////")) {
            assertVectaraError(get(list + "?page_key=" + encode(pageKey)), 400, "invalid_request", "page_key");
        }
        assertVectaraError(get("/v2/agents/" + "a".repeat(65) + "/sessions"), 400, "invalid_request", "agent_key");
        assertVectaraError(get("/v2/agents/support/sessions/a.b"), 400, "invalid_request", "session_key");
        assertVectaraError(get("/v2/agents/support/sessions/" + "k".repeat(51)), 400, "invalid_request", "session_key");
    }

    @Test
    void aDeletedSessionIsGoneFromEveryRead() throws Exception {
        EVENTS.created("acme", "deleting", "keep", "kept", null, null, true);
        String id = EVENTS.created("acme", "deleting", "gone", "deleted", null, null, true);
        EVENTS.send(1, new SessionDeleted("acme", id));

        assertVectaraError(get("/v2/agents/deleting/sessions/gone"), 404, "session_not_found");
        assertThat(keysOf(body(get("/v2/agents/deleting/sessions")))).containsExactly("keep");
        assertThat(keysOf(body(get("/v2/agents/deleting/sessions?filter=deleted")))).isEmpty();
    }

    /** A 404 after a barrier that did not confirm freshness may hide a write not projected yet: it says so. */
    @Test
    void aSessionNotFoundWithoutAConfirmedBarrierIsMarkedStale() throws Exception {
        EVENTS.created("acme", "support", "stale-kept", "kept", null, null, true);
        HttpResponse<String> confirmed = get("/v2/agents/support/sessions/stale-never");

        HttpResponse<String> eventual = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v2/agents/support/sessions/stale-never"))
                .header("x-api-key", "key-acme").header("x-ledger-consistency", "eventual").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertVectaraError(eventual, 404, "session_not_found");
        assertThat(eventual.headers().firstValue("x-ledger-consistency")).contains("stale");
        assertVectaraError(confirmed, 404, "session_not_found");
        assertThat(confirmed.headers().firstValue("x-ledger-consistency")).isEmpty();
    }

    @Test
    void otherTenantsAndOtherAgentsAreNeverSeen() throws Exception {
        EVENTS.created("acme", "support", "shared-key", "acme's", null, null, true);
        EVENTS.created("other", "support", "shared-key", "other's", null, null, true);
        EVENTS.created("other", "support", "other-only", "other's only", null, null, true);
        EVENTS.created("acme", "billing", "billing-only", "billing's", null, null, true);

        assertThat(body(get("/v2/agents/support/sessions/shared-key")).get("name").asText()).isEqualTo("acme's");
        assertThat(body(get("/v2/agents/support/sessions/shared-key", "key-other")).get("name").asText())
                .isEqualTo("other's");
        assertVectaraError(get("/v2/agents/support/sessions/other-only"), 404, "session_not_found");
        assertVectaraError(get("/v2/agents/support/sessions/billing-only"), 404, "session_not_found");
        assertThat(keysOf(body(get("/v2/agents/support/sessions?limit=100")))).doesNotContain("other-only", "billing-only");
        assertThat(keysOf(body(get("/v2/agents/support/sessions?limit=100", "key-other"))))
                .containsExactly("other-only", "shared-key");
        assertVectaraError(get("/v2/agents/billing/sessions", "key-other"), 404, "agent_not_found");
    }

    @Test
    void theKeyMustBeAllowedTheAgentAndTheAgentMustBeRegistered() throws Exception {
        EVENTS.created("acme", "billing", "bill-1", "b", null, null, true);

        assertVectaraError(get("/v2/agents/nobody/sessions"), 404, "agent_not_found");
        assertVectaraError(get("/v2/agents/nobody/sessions/x"), 404, "agent_not_found");
        assertVectaraError(get("/v2/agents/support/sessions", "key-billing-only"), 403, "forbidden");
        assertVectaraError(get("/v2/agents/support/sessions/x", "key-billing-only"), 403, "forbidden");
        assertVectaraError(get("/v2/agents/nobody/sessions", "key-billing-only"), 403, "forbidden");
        assertThat(keysOf(body(get("/v2/agents/billing/sessions", "key-billing-only")))).contains("bill-1");
        assertVectaraError(get("/v2/agents/billing/sessions", "key-audit-only"), 403, "forbidden");
        assertVectaraError(get("/v2/agents/billing/sessions", "no-such-key"), 401, "unauthorized");
    }

    @Test
    void theOpenApiDocumentDescribesBothReadsWithAnExampleForEveryError() throws Exception {
        JsonNode document = json.readTree(get("/v3/api-docs", "").body());
        JsonNode list = document.at("/paths/~1v2~1agents~1{agent_key}~1sessions/get");
        JsonNode one = document.at("/paths/~1v2~1agents~1{agent_key}~1sessions~1{session_key}/get");

        assertThat(list.get("responses").fieldNames()).toIterable().contains("200", "400", "401", "403", "404", "429");
        assertThat(one.get("responses").fieldNames()).toIterable().contains("200", "400", "401", "403", "404", "429");
        OpenApiChecks.assertEveryRequestAndErrorHasAnExample(document);
    }

    private HttpResponse<String> get(String rawPath) throws Exception {
        return get(rawPath, "key-acme");
    }

    private HttpResponse<String> get(String rawPath, String apiKey) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .header("x-api-key", apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + " -> " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> keysOf(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.get("sessions").forEach(session -> keys.add(session.get("key").asText()));
        return keys;
    }

    private void assertVectaraError(HttpResponse<String> response, int status, String code, String... fields)
            throws Exception {
        assertThat(response.statusCode()).as(response.uri() + " -> " + response.body()).isEqualTo(status);
        JsonNode error = json.readTree(response.body());
        assertThat(error.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.get("messages")).isNotEmpty();
        assertThat(error.get("request_id").asText()).isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
        assertThat(error.get("field_errors").fieldNames()).toIterable().containsExactlyInAnyOrder(fields);
        assertThat(error.size()).isEqualTo(4);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
