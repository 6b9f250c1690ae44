package io.sessionledger.command.it;

import io.sessionledger.testsupport.TopicReader;
import io.sessionledger.testsupport.TestKafka;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.dialect.kore.KoreUserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kore's {@code POST .../sessions}: what each sessionIdentity means, who may call, and what reaches the topic. */
class KoreWritesIT extends KoreWritesContext {

    private static final String SESSIONS_TEMPLATE = "/api/v2/apps/{appId}/environments/{envName}/sessions";

    @Test
    void aUserReferenceAloneCreatesANewSessionEveryTimeForTheSameUser() {
        Http.Response first = create(identity("userReference", "usr_alone"));
        Http.Response second = create(identity("userReference", "usr_alone"));

        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        JsonNode session = session(first);
        assertThat(session.get("sessionId").asText()).startsWith("s-").hasSize(38);
        assertThat(session.get("sessionReference").asText()).isEqualTo(session.get("sessionId").asText());
        assertThat(session.get("userReference").asText()).isEqualTo("usr_alone");
        assertThat(session.get("userId").asText()).isEqualTo(KoreUserId.of("acme", "usr_alone"));
        assertThat(session.get("status").asText()).isEqualTo("idle");
        assertThat(Instant.parse(session.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(session.size()).isEqualTo(6);
        assertThat(first.header("etag")).isEqualTo("\"0\"");
        assertThat(session(second).get("sessionId").asText()).isNotEqualTo(session.get("sessionId").asText());
        assertThat(session(second).get("userId")).isEqualTo(session.get("userId"));
        Http.Response byItsReference = create(identity("sessionReference", session.get("sessionId").asText()));
        assertThat(byItsReference.status()).isEqualTo(200);
        assertThat(session(byItsReference)).isEqualTo(session);
    }

    @Test
    void aSessionReferenceFindsOrCreatesAndALoneReferenceOwnsItsSession() {
        Http.Response created = create(identity("sessionReference", "Se_find"));
        Http.Response found = create(identity("sessionReference", "Se_find"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(session(created).get("sessionReference").asText()).isEqualTo("Se_find");
        assertThat(session(created).get("userReference").asText()).isEqualTo("Se_find");
        assertThat(session(created).get("userId").asText()).isEqualTo(KoreUserId.of("acme", "Se_find"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(session(found)).isEqualTo(session(created));
        assertThat(found.header("etag")).isEqualTo("\"0\"");
    }

    @Test
    void aSessionIdOnlyRetrievesWithinItsAppEnvironment() {
        JsonNode session = session(create(identity("sessionReference", "Se_byid", "userReference", "usr_byid")));
        String id = session.get("sessionId").asText();
        long before = storedEvents();

        Http.Response byId = create(identity("sessionId", id));
        Http.Response byAlias = create(identity("sessionIdentity", id, "userReference", "usr_byid"));
        Http.Response withItsReference = create(identity("sessionId", id, "sessionReference", "Se_byid"));

        assertThat(byId.status()).isEqualTo(200);
        assertThat(session(byId)).isEqualTo(session);
        assertThat(session(byAlias)).isEqualTo(session);
        assertThat(session(withItsReference)).isEqualTo(session);
        assertKoreError(create(identity("sessionId", id, "sessionReference", "Se_other")), 404, "session_not_found");
        assertKoreError(create(identity("sessionId", "s-00000000-0000-0000-0000-000000000000")), 404,
                "session_not_found");
        assertKoreError(create(identity("sessionId", "not a possible id")), 404, "session_not_found");
        assertKoreError(as(keys().acme(), "POST", "/api/v2/apps/kore-a/environments/prod/sessions",
                identity("sessionId", id)), 404, "session_not_found");
        assertKoreError(as(keys().globex(), "POST", SESSIONS, identity("sessionId", id)), 404, "session_not_found");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aUserReferenceNextToASessionMustBeItsOwner() {
        String id = session(create(identity("sessionReference", "Se_owned", "userReference", "usr_owner")))
                .get("sessionId").asText();
        long before = storedEvents();

        assertKoreError(create(identity("sessionReference", "Se_owned", "userReference", "usr_intruder")), 403,
                "forbidden");
        assertKoreError(create(identity("userReference", "usr_intruder", "sessionId", id)), 403, "forbidden");
        assertThat(create(identity("userReference", "usr_owner", "sessionReference", "Se_owned")).status())
                .isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void oneUserReferenceIsOneUserWithinATenantAndAnotherUserInAnother() {
        String acme1 = session(create(identity("userReference", "usr_stable"))).get("userId").asText();
        String acme2 = session(create(identity("sessionReference", "Se_stable", "userReference", "usr_stable")))
                .get("userId").asText();
        String globex = session(as(keys().globex(), "POST", SESSIONS, identity("userReference", "usr_stable")))
                .get("userId").asText();

        assertThat(acme1).isEqualTo(acme2).startsWith("u-");
        assertThat(globex).isNotEqualTo(acme1).isEqualTo(KoreUserId.of("globex", "usr_stable"));
    }

    @Test
    void parallelCreatesWithOneReferenceMakeOneSession() throws Exception {
        List<Http.Response> responses = GenesysWritesContract.parallel(20, () ->
                create(identity("sessionReference", "Se_race", "userReference", "usr_race")));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.raw().body()).isIn(200, 201));
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses.stream().map(r -> session(r).get("sessionId").asText()).distinct()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8')"
                + " like '%Se_race%'", Long.class)).isEqualTo(1);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Http.Response created = create("{\"sessionIdentity\":[{\"type\":\"userReference\",\"value\":\"usr_extra\","
                + "\"label\":\"x\"}],\"channel\":\"web\",\"metadata\":{\"a\":1}}");

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    }

    @Test
    void eventsWrittenThroughKoreCarryItsDialectOnTheTopic() {
        Http.Response created = create(identity("sessionReference", "Se_topic"));
        String id = session(created).get("sessionId").asText();
        assertThat(terminate(identity("sessionId", id), Map.of()).status()).isEqualTo(200);

        List<TopicReader.Read> read = new TopicReader(TestKafka.bootstrap()).readUntil(
                records -> records.stream().filter(r -> r.event().subject().equals(id)).count() >= 2,
                Duration.ofSeconds(20));
        List<TopicReader.Read> mine = read.stream().filter(r -> r.event().subject().equals(id)).toList();

        assertThat(mine).extracting(r -> r.event().type()).containsExactly("session.created", "session.terminated");
        assertThat(mine).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("acme:" + id);
            assertThat(r.event().dialect()).isEqualTo("kore");
            assertThat(r.event().tenantid()).isEqualTo("acme");
        });
        JsonNode data = mine.get(0).event().data();
        assertThat(data.at("/scope/appId").asText()).isEqualTo("kore-a");
        assertThat(data.at("/scope/environment").asText()).isEqualTo("dev");
        assertThat(data.at("/keys/sessionReference").asText()).isEqualTo("Se_topic");
    }

    @Test
    void onlyKeysThatMayUseARegisteredAppEnvironmentGetIn() {
        String body = identity("userReference", "usr_gate");
        long before = storedEvents();

        assertKoreError(as(keys().acme(), "POST", "/api/v2/apps/kore-z/environments/dev/sessions", body), 404,
                "app_not_found");
        assertKoreError(as(keys().acme(), "POST", "/api/v2/apps/kore-a/environments/staging/sessions", body), 404,
                "app_not_found");
        assertKoreError(as(keys().acme(), "POST", "/api/v2/apps/kore-g/environments/dev/sessions", body), 404,
                "app_not_found");
        assertKoreError(as(keys().acmeKoreBOnly(), "POST", SESSIONS, body), 403, "forbidden");
        assertKoreError(as(keys().acmeKoreBOnly(), "POST", SESSIONS + "/terminate", identity("sessionId", "s-1")),
                403, "forbidden");
        assertKoreError(as(keys().acmeAuditOnly(), "POST", SESSIONS, body), 403, "forbidden");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(as(keys().acmeKoreBOnly(), "POST", "/api/v2/apps/kore-b/environments/dev/sessions", body).status())
                .isEqualTo(201);
    }

    @Test
    void theOpenApiDocumentGivesAnExampleForEveryAnswerOfBothWrites() {
        JsonNode paths = http.send("GET", "/v3/api-docs", null, Map.of()).body().get("paths");

        for (String path : List.of(SESSIONS_TEMPLATE, SESSIONS_TEMPLATE + "/terminate")) {
            JsonNode operation = paths.get(path).get("post");
            assertThat(operation.get("tags").get(0).asText()).isEqualTo("Kore.ai sessions");
            assertThat(hasExample(operation.at("/requestBody/content/application~1json"))).as(path).isTrue();
            assertThat(operation.get("responses").fieldNames()).toIterable().as(path)
                    .contains("200", "400", "401", "403", "404", "413", "415", "429", "503");
            operation.get("responses").forEach(answer -> assertThat(
                    hasExample(answer.at("/content/application~1json"))).as(path + " " + answer).isTrue());
        }
        assertThat(paths.get(SESSIONS_TEMPLATE).get("post").get("responses").fieldNames()).toIterable()
                .contains("201", "409");
        assertThat(paths.get(SESSIONS_TEMPLATE + "/terminate").get("post").get("responses").fieldNames())
                .toIterable().contains("409", "412");
    }

    /** One example is written as "example", several by name under "examples". */
    private static boolean hasExample(JsonNode content) {
        return content.has("example") || content.path("examples").size() > 0;
    }

    static Stream<Arguments> badRequests() {
        String longest = "v".repeat(256);
        return Stream.of(
                Arguments.of("no body", null, 400),
                Arguments.of("empty object", "{}", 400),
                Arguments.of("null identity", "{\"sessionIdentity\":null}", 400),
                Arguments.of("empty identity", "{\"sessionIdentity\":[]}", 400),
                Arguments.of("identity not a list", "{\"sessionIdentity\":{\"type\":\"userReference\",\"value\":\"u\"}}", 400),
                Arguments.of("item not an object", "{\"sessionIdentity\":[\"u\"]}", 400),
                Arguments.of("unknown type", identity("visitorId", "v"), 400),
                Arguments.of("missing type", "{\"sessionIdentity\":[{\"value\":\"v\"}]}", 400),
                Arguments.of("missing value", "{\"sessionIdentity\":[{\"type\":\"userReference\"}]}", 400),
                Arguments.of("empty value", identity("userReference", ""), 400),
                Arguments.of("blank value", identity("sessionReference", "  "), 400),
                Arguments.of("number value", "{\"sessionIdentity\":[{\"type\":\"userReference\",\"value\":1}]}", 400),
                Arguments.of("control character", identity("userReference", "a\\u0000b"), 400),
                Arguments.of("value too long", identity("userReference", longest + "v"), 400),
                Arguments.of("duplicate type", identity("userReference", "a", "userReference", "b"), 400),
                Arguments.of("sessionId twice by alias", identity("sessionId", "a", "sessionIdentity", "a"), 400),
                Arguments.of("malformed JSON", "{\"sessionIdentity\":[", 400),
                Arguments.of("duplicate field", "{\"sessionIdentity\":[],\"sessionIdentity\":[]}", 400),
                Arguments.of("array body", "[]", 400),
                Arguments.of("bad appId", "/api/v2/apps/a%20b/environments/dev/sessions", 400),
                Arguments.of("bad environment", "/api/v2/apps/kore-a/environments/d!v/sessions", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void malformedRequestsAreInvalidAndChangeNothing(String name, String bodyOrPath, int status) {
        long before = storedEvents();
        boolean isPath = bodyOrPath != null && bodyOrPath.startsWith("/");
        Http.Response response = isPath ? as(keys().acme(), "POST", bodyOrPath, identity("userReference", "u"))
                : create(bodyOrPath);

        assertKoreError(response, status, "invalid_request");
        assertThat(storedEvents()).as(name).isEqualTo(before);
        assertThat(create(identity("userReference", "v".repeat(256))).status()).isEqualTo(201);
    }
}
