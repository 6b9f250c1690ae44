package io.sessionledger.systemtest;

import io.sessionledger.testsupport.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.deploy.RunningSystem;
import io.sessionledger.systemtest.LedgerClient.Reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Vectara client's session, start to end, through the edge: the operator registers the agent, the client
 * creates, lists, reads, patches and deletes, and analytics reads the session's events from the topic.
 */
final class VectaraJourney {

    private static final String AGENT = "system-support";
    private static final String SESSIONS = "/v2/agents/" + AGENT + "/sessions";

    private final LedgerClient client;
    private final RunningSystem system;
    private final String apiKey;

    VectaraJourney(LedgerClient client, RunningSystem system, String apiKey) {
        this.client = client;
        this.system = system;
        this.apiKey = apiKey;
    }

    void run(String topic) throws Exception {
        assertError(send("POST", SESSIONS, "{\"name\":\"too early\"}"), 404, "agent_not_found");
        Reply registered = client.send("PUT", "/ledger/v1/agents/" + AGENT,
                "{\"tenantId\":\"acme\",\"name\":\"System test agent\"}", "x-api-key", system.adminKey());
        assertThat(registered.status()).as(registered.raw()).isIn(200, 201);

        Reply created = send("POST", SESSIONS, "{\"key\":\"journey-1\",\"name\":\"Journey\","
                + "\"description\":\"through the edge\",\"metadata\":{\"step\":1}}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().path("agent_key").asText()).isEqualTo(AGENT);
        assertError(send("POST", SESSIONS, "{\"key\":\"journey-1\",\"name\":\"again\"}"), 409, "conflict");

        Reply listed = send("GET", SESSIONS, null);
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(keys(listed.body())).contains("journey-1");

        Reply patched = send("PATCH", SESSIONS + "/journey-1", "{\"name\":\"Journey, renamed\",\"metadata\":{\"step\":2}}",
                "If-Match", "\"0\"");
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        Reply read = send("GET", SESSIONS + "/journey-1", null);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.body().path("name").asText()).isEqualTo("Journey, renamed");
        assertThat(read.body().path("metadata").path("step").asInt()).isEqualTo(2);
        assertThat(read.body().path("description").asText()).isEqualTo("through the edge");

        Reply deleted = send("DELETE", SESSIONS + "/journey-1", null);
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(204);
        assertError(send("GET", SESSIONS + "/journey-1", null), 404, "session_not_found");
        assertError(send("PATCH", SESSIONS + "/journey-1", "{\"name\":\"x\"}"), 404, "session_not_found");
        assertThat(keys(send("GET", SESSIONS + "?limit=100", null).body())).doesNotContain("journey-1");

        assertTheTopicTellsTheWholeStory(topic);
    }

    private void assertTheTopicTellsTheWholeStory(String topic) {
        List<TopicReader.Read> records = TopicReader.readUntil(system.kafkaBootstrap(), topic,
                seen -> journeyEvents(seen).size() >= 3, Duration.ofSeconds(30));
        List<JsonNode> events = journeyEvents(records);
        assertThat(events).extracting(event -> event.path("type").asText())
                .containsExactly("session.created", "session.details-updated", "session.deleted");
        assertThat(events).allSatisfy(event -> assertThat(event.path("dialect").asText()).isEqualTo("vectara"));
        // Personal data (a session's name may name someone) travels sealed; the APIs open it for its tenant.
        assertThat(events.get(0).at("/data/details/name").asText()).startsWith("enc:v1:");
        assertThat(events.toString()).doesNotContain("Journey");
    }

    /** The journey's events, in order, once each (delivery is at least once). */
    private static List<JsonNode> journeyEvents(List<TopicReader.Read> records) {
        String subject = null;
        List<JsonNode> events = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (TopicReader.Read record : records) {
            JsonNode event = json(record.value());
            if (subject == null && event.path("type").asText().equals("session.created")
                    && event.at("/data/keys/key").asText().equals("journey-1")
                    && event.at("/data/scope/agentKey").asText().equals(AGENT)) {
                subject = event.path("subject").asText();
            }
            if (subject != null && subject.equals(event.path("subject").asText())
                    && !ids.contains(event.path("id").asText())) {
                ids.add(event.path("id").asText());
                events.add(event);
            }
        }
        return events;
    }

    private Reply send(String method, String path, String body, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "x-api-key";
        all[1] = apiKey;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return client.send(method, path, body, all);
    }

    private static List<String> keys(JsonNode page) {
        List<String> keys = new ArrayList<>();
        page.path("sessions").forEach(session -> keys.add(session.path("key").asText()));
        return keys;
    }

    private static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().path("code").asText()).as(reply.raw()).isEqualTo(code);
        assertThat(reply.body().path("messages").isArray()).as(reply.raw()).isTrue();
        assertThat(reply.body().path("request_id").isTextual()).as(reply.raw()).isTrue();
        assertThat(reply.body().path("field_errors").isObject()).as(reply.raw()).isTrue();
    }

    private static JsonNode json(String value) {
        try {
            return LedgerClient.JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
