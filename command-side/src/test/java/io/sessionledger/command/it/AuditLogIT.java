package io.sessionledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.proofs.MerkleHashes;
import io.sessionledger.proofs.MerkleProofs;
import io.sessionledger.proofs.NoteVerifier;
import io.sessionledger.testsupport.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Signed checkpoints advance as events arrive; proofs from the API verify against them, independently. */
class AuditLogIT extends AuditContext {

    record Checkpoint(long size, byte[] root) {
    }

    @Test
    void checkpointsAdvanceAreSignedAndEveryEventIsProvablyInTheLog() throws Exception {
        String key = keyOf("acme");
        String publicKey = text(key, "/ledger/v1/log/public-key").trim();
        Checkpoint before = checkpoint(key, publicKey);
        String id = sessionWithFourEvents(key);
        JsonNode events = history(key, id);
        long lastLeaf = events.get(3).get("leafIndex").asLong();

        Checkpoint after = awaitCheckpointBeyond(key, publicKey, lastLeaf);

        for (JsonNode event : events) {
            long leaf = event.get("leafIndex").asLong();
            JsonNode proof = as(key, "GET", "/ledger/v1/log/proofs/inclusion?leafIndex=" + leaf + "&treeSize="
                    + after.size(), null).body();
            assertThat(proof.get("treeSize").asLong()).isEqualTo(after.size());
            assertThat(proof.get("leafIndex").asLong()).isEqualTo(leaf);
            byte[] leafHash = MerkleHashes.leaf(HexFormat.of().parseHex(event.get("hash").asText()));
            assertThat(MerkleProofs.inclusion(leaf, after.size(), leafHash, hashes(proof), after.root()))
                    .as("inclusion of leaf %d", leaf).isTrue();
        }
        if (before.size() > 0) {
            JsonNode consistency = as(key, "GET", "/ledger/v1/log/proofs/consistency?from=" + before.size() + "&to="
                    + after.size(), null).body();
            assertThat(consistency.has("leafIndex")).isFalse();
            assertThat(MerkleProofs.consistency(before.size(), after.size(), before.root(), after.root(),
                    hashes(consistency))).isTrue();
        }
        assertThat(as(key, "GET", "/ledger/v1/log/proofs/inclusion?leafIndex=" + after.size() + "&treeSize="
                + after.size(), null).status()).isEqualTo(400);
        assertThat(as(key, "GET", "/ledger/v1/log/proofs/consistency?from=0&to=1", null).status()).isEqualTo(400);
        assertThat(as(key, "GET", "/ledger/v1/log/proofs/inclusion?leafIndex=0&treeSize=999999999", null).status())
                .isEqualTo(400);
        assertThat(as(key, "GET", "/ledger/v1/log/proofs/inclusion?leafIndex=0", null).status()).isEqualTo(400);
    }

    @Test
    void everyCheckpointIsAlsoPublishedToKafka() throws Exception {
        String key = keyOf("acme");
        String publicKey = text(key, "/ledger/v1/log/public-key").trim();
        String id = sessionWithFourEvents(key);
        long lastLeaf = history(key, id).get(3).get("leafIndex").asLong();
        Checkpoint signed = awaitCheckpointBeyond(key, publicKey, lastLeaf);

        List<String> notes = readCheckpointsTopicUntil(signed.size());

        String published = notes.stream().filter(note -> note.contains("\n" + signed.size() + "\n")).findFirst()
                .orElseThrow();
        assertThat(NoteVerifier.verify(published, publicKey)).contains("\n" + signed.size() + "\n"
                + Base64.getEncoder().encodeToString(signed.root()) + "\n");
    }

    private Checkpoint awaitCheckpointBeyond(String key, String publicKey, long leaf) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Checkpoint checkpoint = checkpoint(key, publicKey);
            if (checkpoint.size() > leaf || System.nanoTime() > deadline) {
                assertThat(checkpoint.size()).as("a checkpoint covering leaf %d", leaf).isGreaterThan(leaf);
                return checkpoint;
            }
            Thread.sleep(100);
        }
    }

    private Checkpoint checkpoint(String key, String publicKey) throws Exception {
        HttpResponse<String> response = raw(key, "/ledger/v1/log/checkpoint");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        String body = NoteVerifier.verify(response.body(), publicKey);
        assertThat(body).as("the checkpoint verifies with the public key").isNotNull();
        String[] lines = body.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(publicKey.substring(0, publicKey.indexOf('+')));
        return new Checkpoint(Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
    }

    private String text(String key, String path) throws Exception {
        HttpResponse<String> response = raw(key, path);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Text answers, which the JSON test client cannot read. */
    private HttpResponse<String> raw(String key, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("x-api-key", key).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.get("hashes").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        return hashes;
    }

    private static List<String> readCheckpointsTopicUntil(long size) {
        List<String> notes = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "audit-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("ledger-checkpoints"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && notes.stream().noneMatch(n -> n.contains("\n" + size + "\n"))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    notes.add(new String(record.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                }
            }
        }
        return notes;
    }
}
