package io.sessionledger.query.api.genesys;

import static io.sessionledger.query.support.TestEvents.anonymous;
import static io.sessionledger.query.support.TestEvents.envelope;
import static io.sessionledger.query.support.TestEvents.withParties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.SessionDeleted;
import io.sessionledger.events.session.UserAssociated;
import io.sessionledger.query.consistency.ReadBarrier;
import io.sessionledger.query.support.FakeCommandSide;
import io.sessionledger.query.support.ReadApiContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Genesys reads end to end: the app on the local PostgreSQL and a real broker, a fake command side. */
class GenesysReadIT extends ReadApiContext {

    @Autowired
    ReadBarrier barrier;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(String rawPath, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String rawPath) throws Exception {
        return get(rawPath, Map.of("x-api-key", "key-acme"));
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    private void assertGenesysError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.uri() + " -> " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).as(response.uri().toString()).hasValueSatisfying(
                type -> assertThat(type).as(response.uri() + " -> " + response.body()).startsWith("application/json"));
        JsonNode error = body(response);
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.has("description")).isTrue();
        assertThat(error.size()).isEqualTo(2);
    }

    @Test
    void requestWithoutOrWithAnUnknownKeyIsUnauthorized() throws Exception {
        HttpResponse<String> none = get("/gks-server/v1/sessions/s-1", Map.of("x-request-id", "req-401"));
        assertGenesysError(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("x-request-id")).contains("req-401");

        HttpResponse<String> bad = get("/gks-server/v1/sessions/s-1", Map.of("x-api-key", "nope"));
        assertGenesysError(bad, 401, "unauthorized");
        assertThat(bad.headers().firstValue("x-request-id")).isPresent();
    }

    @Test
    void theOpenApiDocumentNeedsNoKeyAndDescribesEveryReadWithExamples() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", Map.of());

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode document = body(docs);
        assertThat(document.path("paths").has("/gks-server/{version}/sessions/{sessionId}")).isTrue();
        assertThat(document.path("paths").fieldNames()).toIterable()
                .noneMatch(path -> path.startsWith("/internal") || path.equals("/error"));
        io.sessionledger.testsupport.OpenApiChecks.assertEveryRequestAndErrorHasAnExample(document);
    }

    @Test
    void healthNeedsNoKey() throws Exception {
        assertThat(get("/actuator/health", Map.of()).statusCode()).isEqualTo(200);
        assertGenesysError(get("/actuator/metrics", Map.of()), 401, "unauthorized");
    }

    @Test
    void v2RequiresTheKeysOwnTenant() throws Exception {
        assertGenesysError(get("/gks-server/v2/sessions/s-1"), 400, "invalid_request");
        assertGenesysError(get("/gks-server/v2/sessions/s-1?tenantId=other"), 403, "forbidden");
    }

    @Test
    void v1AnswersTheBareSessionInfoAndV2WrapsIt() throws Exception {
        PRODUCER.send(envelope(0, Instant.parse("2026-02-03T04:05:06Z"),
                withParties("acme", "s-shape", "agent-1", "cust-1", "visit-1")));

        JsonNode v1 = body(get("/gks-server/v1/sessions/s-shape"));
        JsonNode v2 = body(get("/gks-server/v2/sessions/s-shape?tenantId=acme"));

        assertThat(v1.get("sessionId").asText()).isEqualTo("s-shape");
        assertThat(v1.get("tenantId").asText()).isEqualTo("acme");
        assertThat(v1.get("agentId").asText()).isEqualTo("agent-1");
        assertThat(v1.get("customerId").asText()).isEqualTo("cust-1");
        assertThat(v1.get("visitId").asText()).isEqualTo("visit-1");
        assertThat(v1.get("globalVisitId").isNull()).isTrue();
        assertThat(v1.get("anonymous").asBoolean()).isFalse();
        assertThat(v1.get("createdAt").asText()).isEqualTo("2026-02-03T04:05:06Z");
        assertThat(v1.get("updatedAt").asText()).isEqualTo("2026-02-03T04:05:06Z");
        assertThat(v1.size()).isEqualTo(9);
        assertThat(v2.size()).isEqualTo(1);
        assertThat(v2.get("response")).isEqualTo(v1);
    }

    @Test
    void readRightAfterAPublishedWriteSeesIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            String id = "s-gks-ryw-" + i;
            PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", id)));
            assertThat(body(get("/gks-server/v1/sessions/" + id)).get("anonymous").asBoolean()).isTrue();

            PRODUCER.send(envelope(1, Instant.now(), new UserAssociated("acme", id, null, "cust-" + i, null, null, "c")));
            HttpResponse<String> read = get("/gks-server/v1/sessions/" + id);

            assertThat(body(read).get("customerId").asText()).isEqualTo("cust-" + i);
            assertThat(read.headers().firstValue("x-ledger-consistency")).isEmpty();
        }
    }

    @Test
    void unknownIdIsCreatedThroughTheCommandSideOnceThenReturned() throws Exception {
        HttpResponse<String> first = get("/gks-server/v2/sessions/s-new?tenantId=acme",
                Map.of("x-api-key", "key-acme", "x-request-id", "req-new", "x-correlation-id", "corr-1"));
        HttpResponse<String> second = get("/gks-server/v1/sessions/s-new");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode session = body(first).get("response");
        assertThat(session.get("sessionId").asText()).isEqualTo("s-new");
        assertThat(session.get("anonymous").asBoolean()).isTrue();
        assertThat(body(second)).isEqualTo(session);
        List<FakeCommandSide.EnsureCall> calls = COMMAND_SIDE.ensureCalls.stream()
                .filter(call -> call.sessionId().equals("s-new")).toList();
        assertThat(calls).containsExactly(
                new FakeCommandSide.EnsureCall("s-new", "key-acme", "genesys-v2", "req-new", "corr-1"));
    }

    @Test
    void anEventualReadNeverCreatesAndAnswersWhatIsProjected() throws Exception {
        HttpResponse<String> unknown = get("/gks-server/v1/sessions/s-gks-eventual",
                Map.of("x-api-key", "key-acme", "x-ledger-consistency", "eventual"));

        assertGenesysError(unknown, 404, "not_found");
        assertThat(unknown.headers().firstValue("x-ledger-consistency")).as("not confirmed by the barrier")
                .contains("stale");
        assertThat(COMMAND_SIDE.ensureCalls).noneMatch(call -> call.sessionId().equals("s-gks-eventual"));

        PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-gks-eventual")));
        get("/gks-server/v1/sessions/s-gks-eventual");
        HttpResponse<String> known = get("/gks-server/v1/sessions/s-gks-eventual",
                Map.of("x-api-key", "key-acme", "x-ledger-consistency", "eventual"));
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(known.headers().firstValue("x-ledger-consistency")).contains("stale");
    }

    @Test
    void aRebuildReplaysTheWholeTopicIntoAnEmptyReadModel() throws Exception {
        for (int i = 0; i < 20; i++) {
            PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-rebuild-" + i)));
        }
        assertThat(get("/gks-server/v1/sessions/s-rebuild-19").statusCode()).isEqualTo(200);
        assertGenesysError(post("/ledger/v1/projections/session-info/rebuild", "key-acme"), 401, "unauthorized");

        HttpResponse<String> started = post("/ledger/v1/projections/session-info/rebuild", ADMIN_KEY);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode status = body(started);
        for (int i = 0; i < 200 && !"done".equals(status.get("state").asText()); i++) {
            Thread.sleep(50);
            status = body(get("/ledger/v1/projections/session-info", Map.of("x-api-key", ADMIN_KEY)));
        }

        assertThat(status.get("state").asText()).isEqualTo("done");
        assertThat(status.get("eventsApplied").asLong()).isEqualTo(status.get("eventsToApply").asLong())
                .isGreaterThanOrEqualTo(20);
        JsonNode rebuilt = body(get("/gks-server/v1/sessions/s-rebuild-7",
                Map.of("x-api-key", "key-acme", "x-ledger-consistency", "eventual")));
        assertThat(rebuilt.get("sessionId").asText()).isEqualTo("s-rebuild-7");
    }

    private HttpResponse<String> post(String rawPath, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .POST(HttpRequest.BodyPublishers.noBody()).header("x-api-key", key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void commandSideRefusalPassesThroughAsItCame() throws Exception {
        HttpResponse<String> refused = get("/gks-server/v1/sessions/refuse-me");

        assertGenesysError(refused, 409, "session_terminated");
        assertThat(body(refused).get("description").asText()).isEqualTo("refused by the command side");
    }

    @Test
    void deletedSessionIsNotFound() throws Exception {
        PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-gone")));
        PRODUCER.send(envelope(1, Instant.now(), new SessionDeleted("acme", "s-gone")));

        HttpResponse<String> gone = get("/gks-server/v1/sessions/s-gone");
        assertGenesysError(gone, 404, "not_found");
        assertThat(gone.headers().firstValue("x-ledger-consistency")).as("confirmed by the barrier").isEmpty();
        assertThat(COMMAND_SIDE.ensureCalls).noneMatch(call -> call.sessionId().equals("s-gone"));
    }

    @Test
    void oddSessionIdsAreInvalidRequestsNeverServerErrors() throws Exception {
        for (String id : List.of("..%2Fx", "%2E%2E%2Fx", "%00", "a%00b", "x".repeat(200), "-leading", "a%20b",
                "%C3%A9", "a%5Cb")) {
            assertGenesysError(get("/gks-server/v1/sessions/" + id), 400, "invalid_request");
            assertGenesysError(get("/gks-server/v2/sessions/" + id + "?tenantId=acme"), 400, "invalid_request");
        }
        assertGenesysError(get("/gks-server/v1/sessions/../x"), 400, "invalid_request");
        assertThat(COMMAND_SIDE.ensureCalls).noneMatch(call -> call.sessionId().contains("x"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerInGenesysFormat() throws Exception {
        assertGenesysError(get("/gks-server/v1/nothing-here"), 404, "not_found");
        HttpRequest delete = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/gks-server/v1/sessions/s-1"))
                .header("x-api-key", "key-acme").DELETE().build();
        HttpResponse<String> response = http.send(delete, HttpResponse.BodyHandlers.ofString());
        assertGenesysError(response, 405, "method_not_allowed");
        assertGenesysError(get("/gks-server/v1/nothing-here", Map.of("x-api-key", "key-acme", "accept", "text/html")),
                404, "not_found");
        assertGenesysError(get("/gks-server/v1/sessions/s-1", Map.of("accept", "text/html")), 401, "unauthorized");
    }

    @Test
    void barrierPicksThePartitionKafkasDefaultPartitionerPicks() throws Exception {
        for (int i = 0; i < 20; i++) {
            RecordMetadata written = PRODUCER.send(envelope(0, Instant.now(), anonymous("acme", "s-part-" + i)));
            assertThat(barrier.partitionOf(new SessionRef("acme", "s-part-" + i))).isEqualTo(written.partition());
        }
    }
}
