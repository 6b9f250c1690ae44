package io.sessionledger.command.it;

import io.sessionledger.testsupport.TopicReader;
import io.sessionledger.testsupport.TestKafka;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Vectara-style writes on the command side: create, update, delete, keys, agents and the topic. */
class VectaraWritesIT extends VectaraApi {

    private static final Pattern KEY = Pattern.compile("[0-9a-zA-Z_-]{1,50}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createAnswers201WithEveryFieldAndTheEventReachesTheTopicAsVectara() throws Exception {
        Http.Response created = send("POST", SESSIONS, "{\"key\":\"chat-1\",\"name\":\"Support chat\","
                + "\"description\":\"Order 1234\",\"metadata\":{\"channel\":\"web\",\"tags\":[\"a\",{\"b\":null}]},"
                + "\"enabled\":false}", "x-request-id", "req-vectara-1");

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode session = created.body();
        assertThat(session.get("key").asText()).isEqualTo("chat-1");
        assertThat(session.get("agent_key").asText()).isEqualTo(AGENT);
        assertThat(session.get("name").asText()).isEqualTo("Support chat");
        assertThat(session.get("description").asText()).isEqualTo("Order 1234");
        assertThat(session.get("metadata")).isEqualTo(JSON.readTree("{\"channel\":\"web\",\"tags\":[\"a\",{\"b\":null}]}"));
        assertThat(session.get("enabled").asBoolean()).isFalse();
        assertThat(Instant.parse(session.get("created_at").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(session.size()).isEqualTo(7);
        assertThat(created.header("etag")).isEqualTo("\"0\"");
        assertThat(created.header("location")).isEqualTo(SESSIONS + "/chat-1");

        String aggregate = aggregatesCreatedWithKey("chat-1").get(0);
        assertThat(aggregate).startsWith("acme:s-");
        TopicReader.Read record = new TopicReader(TestKafka.bootstrap()).readUntil(
                read -> read.stream().anyMatch(r -> r.key().equals(aggregate)), Duration.ofSeconds(20))
                .stream().filter(r -> r.key().equals(aggregate)).findFirst().orElseThrow();
        CloudEvent event = record.event();
        assertThat(event.type()).isEqualTo("session.created");
        assertThat(event.dialect()).isEqualTo("vectara");
        assertThat(event.requestid()).isEqualTo("req-vectara-1");
        assertThat(event.data().at("/scope/agentKey").asText()).isEqualTo(AGENT);
        assertThat(event.data().at("/keys/key").asText()).isEqualTo("chat-1");
        assertThat(event.data().at("/details/enabled").asBoolean()).isFalse();
    }

    @Test
    void theMinimalCreateIsEnabledWithEmptyMetadataAndAKeyFromItsName() {
        Http.Response created = create("{\"name\":\"Minimal Session\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("key").asText()).isEqualTo("minimal-session");
        assertThat(created.body().get("enabled").asBoolean()).isTrue();
        assertThat(created.body().get("metadata").isObject()).isTrue();
        assertThat(created.body().get("metadata")).isEmpty();
        assertThat(created.body().get("description").isNull()).isTrue();
    }

    @Test
    void generatedKeysAreValidAndUniqueForOddNamesToo() {
        Set<String> keys = new HashSet<>();
        for (String name : List.of("Same name", "Same name", "Same name", "!!!", "!!!", "日本語", "Zoë & Co.",
                "x".repeat(255), "a_b-c", "   spaced    out   ")) {
            Http.Response created = create("{\"name\":" + JSON.valueToTree(name) + "}");
            assertThat(created.status()).as(name + ": " + created.raw().body()).isEqualTo(201);
            String generated = created.body().get("key").asText();
            assertThat(generated).as(name).matches(KEY);
            assertThat(keys.add(generated)).as("unique: " + generated).isTrue();
        }
        assertThat(keys).contains("same-name", "session", "zoe-co", "x".repeat(40), "a-b-c", "spaced-out");
        assertThat(keys).filteredOn(generated -> generated.matches("same-name-[a-z0-9]{6}")).hasSize(2);
    }

    @Test
    void aDuplicateKeyIsAConflictAndStoresNothing() {
        created("dup-1", "first");
        long before = storedEvents();

        Http.Response again = create("{\"key\":\"dup-1\",\"name\":\"second\"}");

        assertVectaraError(again, 409, "conflict", "key");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void parallelCreatesWithOneKeyMakeOneSession() throws Exception {
        List<Http.Response> responses = GenesysWritesContract.parallel(10, () ->
                create("{\"key\":\"race-1\",\"name\":\"racer\"}"));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(9)
                .allSatisfy(r -> assertThat(r.body().get("code").asText()).isEqualTo("conflict"));
        assertThat(aggregatesCreatedWithKey("race-1")).hasSize(1);
    }

    @Test
    void patchChangesWhatItNamesAndReplacesMetadataWholly() throws Exception {
        send("POST", SESSIONS, "{\"key\":\"patch-1\",\"name\":\"before\",\"description\":\"kept\","
                + "\"metadata\":{\"a\":1,\"b\":{\"c\":2}}}");

        Http.Response patched = send("PATCH", SESSIONS + "/patch-1",
                "{\"name\":\"after\",\"metadata\":{\"b\":{\"d\":3}},\"enabled\":false,\"ignored\":true}");

        assertThat(patched.status()).as(patched.raw().body()).isEqualTo(200);
        assertThat(patched.header("etag")).isEqualTo("\"1\"");
        JsonNode session = patched.body();
        assertThat(session.get("key").asText()).isEqualTo("patch-1");
        assertThat(session.get("name").asText()).isEqualTo("after");
        assertThat(session.get("description").asText()).isEqualTo("kept");
        assertThat(session.get("metadata")).isEqualTo(JSON.readTree("{\"b\":{\"d\":3}}"));
        assertThat(session.get("enabled").asBoolean()).isFalse();

        Http.Response cleared = send("PATCH", SESSIONS + "/patch-1", "{\"description\":\"\",\"metadata\":{}}");
        assertThat(cleared.body().get("description").asText()).isEmpty();
        assertThat(cleared.body().get("metadata")).isEmpty();
        assertThat(cleared.body().get("name").asText()).isEqualTo("after");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndChangesNothing() {
        created("versioned-1", "v0");
        Http.Response fresh = send("PATCH", SESSIONS + "/versioned-1", "{\"name\":\"v1\"}", "If-Match", "\"0\"");
        long before = storedEvents();

        Http.Response stale = send("PATCH", SESSIONS + "/versioned-1", "{\"name\":\"v2\"}", "If-Match", "\"0\"");
        Http.Response staleDelete = send("DELETE", SESSIONS + "/versioned-1", null, "If-Match", "\"0\"");

        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("etag")).isEqualTo("\"1\"");
        assertVectaraError(stale, 412, "precondition_failed");
        assertVectaraError(staleDelete, 412, "precondition_failed");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(send("PATCH", SESSIONS + "/versioned-1", "{}").body().get("name").asText()).isEqualTo("v1");
    }

    @Test
    void aDeletedSessionIsGoneForWritesButItsHistoryStaysAndItsKeyIsFree() {
        created("gone-1", "to delete");
        send("PATCH", SESSIONS + "/gone-1", "{\"name\":\"renamed\"}");

        Http.Response deleted = send("DELETE", SESSIONS + "/gone-1", null);

        assertThat(deleted.status()).as(deleted.raw().body()).isEqualTo(204);
        assertVectaraError(send("PATCH", SESSIONS + "/gone-1", "{\"name\":\"x\"}"), 404, "session_not_found");
        assertVectaraError(send("DELETE", SESSIONS + "/gone-1", null), 404, "session_not_found");
        String first = aggregatesCreatedWithKey("gone-1").get(0);
        assertThat(history(first)).containsExactly("SessionCreated", "SessionDetailsUpdated", "SessionDeleted");

        Http.Response reused = create("{\"key\":\"gone-1\",\"name\":\"second life\"}");
        assertThat(reused.status()).as(reused.raw().body()).isEqualTo(201);
        assertThat(reused.header("etag")).isEqualTo("\"0\"");
        assertThat(aggregatesCreatedWithKey("gone-1")).hasSize(2).doesNotHaveDuplicates().startsWith(first);
        assertThat(send("PATCH", SESSIONS + "/gone-1", "{}").body().get("name").asText()).isEqualTo("second life");
    }

    @Test
    void anUnregisteredAgentIsNotFoundAndStoresNothing() {
        long before = storedEvents();

        assertVectaraError(send("POST", "/v2/agents/nobody/sessions", "{\"name\":\"n\"}"), 404, "agent_not_found");
        assertVectaraError(send("PATCH", "/v2/agents/nobody/sessions/k", "{\"name\":\"n\"}"), 404, "agent_not_found");
        assertVectaraError(send("DELETE", "/v2/agents/nobody/sessions/k", null), 404, "agent_not_found");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anotherTenantsAgentAndSessionsAreOutOfReach() {
        created("tenant-1", "acme's");
        String globex = issue("{\"tenantId\":\"globex\",\"name\":\"other\"}");

        assertVectaraError(as(globex, "PATCH", SESSIONS + "/tenant-1", "{\"name\":\"x\"}"), 404, "agent_not_found");
        registerAgent("globex", AGENT);
        assertVectaraError(as(globex, "PATCH", SESSIONS + "/tenant-1", "{\"name\":\"x\"}"), 404, "session_not_found");
        assertVectaraError(as(globex, "DELETE", SESSIONS + "/tenant-1", null), 404, "session_not_found");
        Http.Response own = as(globex, "POST", SESSIONS, "{\"key\":\"tenant-1\",\"name\":\"globex's\"}");
        assertThat(own.status()).as("keys are unique per tenant and agent").isEqualTo(201);
        assertThat(send("PATCH", SESSIONS + "/tenant-1", "{}").body().get("name").asText()).isEqualTo("acme's");
    }

    @Test
    void aKeyLimitedToOtherAgentsOrWithoutTheSessionsScopeIsForbidden() {
        registerAgent("acme", "billing");
        String billingOnly = issue("{\"tenantId\":\"acme\",\"name\":\"limited\",\"agents\":[\"billing\"]}");
        String auditOnly = issue("{\"tenantId\":\"acme\",\"name\":\"auditor\",\"scopes\":[\"audit\"]}");
        created("limit-1", "support's");
        long before = storedEvents();

        assertVectaraError(as(billingOnly, "POST", SESSIONS, "{\"name\":\"n\"}"), 403, "forbidden");
        assertVectaraError(as(billingOnly, "PATCH", SESSIONS + "/limit-1", "{\"name\":\"n\"}"), 403, "forbidden");
        assertVectaraError(as(billingOnly, "DELETE", SESSIONS + "/limit-1", null), 403, "forbidden");
        assertVectaraError(as(billingOnly, "POST", "/v2/agents/unregistered/sessions", "{\"name\":\"n\"}"),
                403, "forbidden");
        assertVectaraError(as(auditOnly, "POST", SESSIONS, "{\"name\":\"n\"}"), 403, "forbidden");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(as(billingOnly, "POST", "/v2/agents/billing/sessions", "{\"name\":\"n\"}").status()).isEqualTo(201);
    }

    @Test
    void updatesAndDeletesReachTheTopicAsVectaraToo() {
        created("topic-1", "t");
        send("PATCH", SESSIONS + "/topic-1", "{\"enabled\":false}");
        send("DELETE", SESSIONS + "/topic-1", null);
        String aggregate = aggregatesCreatedWithKey("topic-1").get(0);

        List<TopicReader.Read> events = new TopicReader(TestKafka.bootstrap()).readUntil(read -> read.stream()
                .filter(r -> r.key().equals(aggregate)).count() >= 3, Duration.ofSeconds(20))
                .stream().filter(r -> r.key().equals(aggregate)).toList();

        assertThat(events).extracting(r -> r.event().type())
                .containsExactly("session.created", "session.details-updated", "session.deleted");
        assertThat(events).allSatisfy(r -> assertThat(r.event().dialect()).isEqualTo("vectara"));
    }
}
