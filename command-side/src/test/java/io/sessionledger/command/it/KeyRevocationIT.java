package io.sessionledger.command.it;

import io.sessionledger.testsupport.TestKafka;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** A revoked key stops working here at once, and the query sides are told through the revocations topic. */
class KeyRevocationIT extends AdminApiContext {

    static final String TOPIC = "ledger-key-revocations";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRevokedKeyIsRefusedAtOnceAndItsRevocationIsOnTheTopic() throws Exception {
        JsonNode issued = issue("{\"tenantId\":\"acme\",\"name\":\"to revoke\"}").body();
        String key = issued.get("key").asText();
        String keyId = issued.get("id").asText();
        assertThat(as(key, "GET", "/internal/v1/principal", null).status()).isEqualTo(200);

        Http.Response revoked = admin("DELETE", "/ledger/v1/api-keys/" + keyId, null);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(revoked.header("x-ledger-consistency")).isNull();
        assertThat(as(key, "GET", "/internal/v1/principal", null).status()).isEqualTo(401);
        assertThat(admin("DELETE", "/ledger/v1/api-keys/" + keyId, null).status()).isEqualTo(404);

        ConsumerRecord<byte[], byte[]> record = readRevocation(keyId).orElseThrow();
        JsonNode value = JSON.readTree(record.value());
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(keyId);
        assertThat(value.get("keyId").asText()).isEqualTo(keyId);
        assertThat(Instant.parse(value.get("revokedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(value.size()).isEqualTo(2);
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/json");
    }

    @Test
    void onlyTheAdminKeyRevokes() {
        JsonNode issued = issue("{\"tenantId\":\"acme\",\"name\":\"kept\"}").body();
        String key = issued.get("key").asText();

        assertThat(as(key, "DELETE", "/ledger/v1/api-keys/" + issued.get("id").asText(), null).status()).isEqualTo(401);
        assertThat(as(key, "GET", "/internal/v1/principal", null).status()).isEqualTo(200);
    }

    /** Reads the revocations topic from its start; it must have been created with one partition. */
    private static Optional<ConsumerRecord<byte[], byte[]>> readRevocation(String keyId) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            assertThat(consumer.partitionsFor(TOPIC)).hasSize(1);
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (new String(record.key(), StandardCharsets.UTF_8).equals(keyId)) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
