package io.sessionledger.command.it;

import io.sessionledger.testsupport.TopicReader;
import io.sessionledger.testsupport.TestKafka;
import io.sessionledger.testsupport.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store is the outbox: what is written while Kafka cannot take it goes out, in order, once it can.
 * The outage here is the topic being absent (the embedded broker cannot be restarted on a fixed port);
 * the system test kills and restarts the real broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublisherOutageIT {

    private static final String TOPIC = "outage-events";
    private static final EmbeddedKafkaKraftBroker BROKER = TestKafka.startWithoutTopics();
    private static final String DATABASE = TestPostgres.createDatabase("ledger_cmd_outage");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, DATABASE, BROKER::getBrokersAsString);
        registry.add("ledger.kafka.topic", () -> TOPIC);
        registry.add("ledger.kafka.send-timeout", () -> "2s");
        registry.add("ledger.consistency.publish-timeout", () -> "200ms");
    }

    @Test
    void eventsWrittenWhileKafkaCannotTakeThemGoOutInOrderWhenItCan() {
        Http http = new Http("http://127.0.0.1:" + port);
        String key = http.send("POST", "/ledger/v1/api-keys", "{\"tenantId\":\"acme\",\"name\":\"outage\"}",
                Map.of("x-api-key", GenesysWritesContract.ADMIN_KEY)).body().get("key").asText();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http.Response created = http.send("PUT", "/gks-server/v1/sessions/new", null, Map.of("x-api-key", key));
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.header("x-ledger-consistency")).isEqualTo("pending");
            String sessionId = created.body().get("sessionId").asText();
            Http.Response associated = http.send("POST", "/gks-server/v1/sessions/" + sessionId, null,
                    Map.of("x-api-key", key, "gkc_customerId", "customer-" + i));
            assertThat(associated.status()).isEqualTo(200);
            sessions.add(sessionId);
        }

        BROKER.addTopics(new NewTopic(TOPIC, 4, (short) 1));
        try {
            List<TopicReader.Read> read = new TopicReader(BROKER.getBrokersAsString(), TOPIC).readUntil(
                    records -> distinctIds(records).size() >= 6, Duration.ofSeconds(120));

            Map<String, List<String>> typesPerSession = new LinkedHashMap<>();
            for (TopicReader.Read record : dedupe(read)) {
                typesPerSession.computeIfAbsent(record.event().subject(), s -> new ArrayList<>())
                        .add(record.event().sequenceNumber() + ":" + record.event().type());
            }
            for (String sessionId : sessions) {
                assertThat(typesPerSession.get(sessionId)).as(sessionId)
                        .containsExactly("0:session.created", "1:session.user-associated");
            }
        } finally {
            BROKER.destroy();
        }
    }

    private static List<String> distinctIds(List<TopicReader.Read> records) {
        return records.stream().map(r -> r.event().id()).distinct().toList();
    }

    /** At least once: a consumer keeps the first copy of each event id, in log order. */
    private static List<TopicReader.Read> dedupe(List<TopicReader.Read> records) {
        return new ArrayList<>(records.stream().collect(Collectors.toMap(r -> r.event().id(), r -> r,
                (first, second) -> first, LinkedHashMap::new)).values());
    }
}
