package io.sessionledger.systemtest;

import io.sessionledger.testsupport.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.systemtest.LedgerClient.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * The Kore.ai dialect against the whole system, through the edge: register an app environment, create a
 * session by reference, see it in a list right away (read-your-writes across the two services), terminate it,
 * and find its events on the topic as CloudEvents written through {@code kore}.
 */
final class KoreSystemChecks {

    private static final String APP = "/api/v2/apps/st-kore/environments/prod/sessions";

    private final LedgerClient client;
    private final String adminKey;
    private final String apiKey;
    private final String kafkaBootstrap;

    KoreSystemChecks(LedgerClient client, String adminKey, String apiKey, String kafkaBootstrap) {
        this.client = client;
        this.adminKey = adminKey;
        this.apiKey = apiKey;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    void run(String topic, String tenant) throws Exception {
        assertKoreError(post(APP, identity("userReference", "usr_st")), 404, "app_not_found");
        Reply registered = client.send("PUT", "/ledger/v1/apps/st-kore/environments/prod",
                "{\"tenantId\":\"" + tenant + "\"}", "x-api-key", adminKey);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);

        Reply created = post(APP, identity("sessionReference", "Se_system", "userReference", "usr_st"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode session = created.body().get("session");
        String sessionId = session.path("sessionId").asText();
        assertThat(session.path("sessionReference").asText()).isEqualTo("Se_system");
        assertThat(session.path("userId").asText()).startsWith("u-");

        Reply listed = post(APP + "/list", "{\"userReference\":\"usr_st\"}");
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().at("/sessions/0/sessionId").asText()).as(listed.raw()).isEqualTo(sessionId);
        assertThat(listed.body().at("/pagination/totalCount").asLong()).isEqualTo(1);
        assertThat(post(APP, identity("sessionReference", "Se_system")).body().at("/session/sessionId").asText())
                .isEqualTo(sessionId);

        Reply terminated = post(APP + "/terminate", identity("sessionReference", "Se_system"));
        assertThat(terminated.status()).as(terminated.raw()).isEqualTo(200);
        assertKoreError(post(APP + "/terminate", identity("sessionId", sessionId)), 409, "session_terminated");
        Reply read = client.send("GET", APP + "?sessionId=" + sessionId, null, "x-api-key", apiKey);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.body().at("/session/status").asText()).isEqualTo("terminated");

        assertEventsOnTheTopic(topic, tenant + ":" + sessionId);
    }

    private void assertEventsOnTheTopic(String topic, String key) {
        List<TopicReader.Read> records = TopicReader.readUntil(kafkaBootstrap, topic,
                all -> all.stream().filter(r -> key.equals(r.key())).map(TopicReader.Read::value).distinct().count() >= 2,
                Duration.ofSeconds(30));
        List<JsonNode> events = records.stream().filter(r -> key.equals(r.key())).map(TopicReader.Read::value)
                .distinct().map(KoreSystemChecks::json).toList();
        assertThat(events).extracting(event -> event.path("type").asText())
                .containsExactly("session.created", "session.terminated");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("dialect").asText()).isEqualTo("kore");
            assertThat(event.path("subject").asText()).isEqualTo(key.substring(key.indexOf(':') + 1));
        });
        assertThat(events.get(0).at("/data/keys/sessionReference").asText()).isEqualTo("Se_system");
    }

    private Reply post(String path, String body) throws Exception {
        return client.send("POST", path, body, "x-api-key", apiKey);
    }

    private static String identity(String... typesAndValues) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < typesAndValues.length; i += 2) {
            items.append(items.isEmpty() ? "" : ",").append("{\"type\":\"").append(typesAndValues[i])
                    .append("\",\"value\":\"").append(typesAndValues[i + 1]).append("\"}");
        }
        return "{\"sessionIdentity\":[" + items + "]}";
    }

    private static void assertKoreError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().at("/errors/0/code").asText()).as(reply.raw()).isEqualTo(code);
        assertThat(reply.body().at("/errors/0/msg").isTextual()).as(reply.raw()).isTrue();
    }

    private static JsonNode json(String value) {
        try {
            return LedgerClient.JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
