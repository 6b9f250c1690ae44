package io.sessionledger.command.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.command.config.LedgerProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells every query side that a key is revoked, through the revocations topic (record key: the key id;
 * value {@code {"keyId","revokedAt"}}), so that their caches drop it at once instead of at expiry. The
 * database stays the truth: when Kafka does not acknowledge within the publish timeout, the revocation
 * holds all the same, the producer keeps trying in the background, and the caller says so.
 */
@Component
public class RevocationPublisher implements DisposableBean {

    public record Revocation(String keyId, Instant revokedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(RevocationPublisher.class);
    /** How long a record keeps being tried after its caller stopped waiting. */
    private static final Duration KEEP_TRYING = Duration.ofMinutes(2);

    private final LedgerProperties properties;
    private final RevocationTopic topic;
    private final ObjectMapper json;
    // Topic creation and the producer's wait for metadata block: they run here, never on a request thread.
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "revocation-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private Producer<byte[], byte[]> producer;

    public RevocationPublisher(LedgerProperties properties, RevocationTopic topic, ObjectMapper json) {
        this.properties = properties;
        this.topic = topic;
        this.json = json;
    }

    /** @return true when the broker acknowledged the record within the publish timeout */
    public boolean publish(String keyId, Instant revokedAt) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic.name(),
                    keyId.getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(new Revocation(keyId, revokedAt)));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            sender.execute(() -> send(record, acked));
            acked.get(properties.consistency().publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | JsonProcessingException | RuntimeException e) {
            log.warn("revocation of {} not acknowledged by Kafka in time; query sides drop the key at cache "
                    + "expiry unless a later delivery succeeds: {}", keyId, e.toString());
            return false;
        }
    }

    private void send(ProducerRecord<byte[], byte[]> record, CompletableFuture<Void> acked) {
        try {
            topic.ensure();
            producer().send(record, (metadata, failure) -> {
                if (failure == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            int timeoutMs = (int) properties.consistency().publishTimeout().toMillis();
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KEEP_TRYING.toMillis(),
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(KEEP_TRYING.toMillis(), timeoutMs),
                    ProducerConfig.CLIENT_ID_CONFIG, "session-ledger-revocations"),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
                producer = null;
            }
        }
    }
}
