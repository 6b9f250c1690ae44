package io.sessionledger.command.log;

import io.sessionledger.command.config.LedgerProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends every checkpoint to {@code ledger-checkpoints} (key: the origin, value: the signed note as text), so
 * that outside parties keep copies the ledger cannot take back. Best effort: the database holds every
 * checkpoint, and a lost record is superseded by the next one, which is consistent with it.
 */
@Component
public class CheckpointPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final LedgerProperties properties;
    private final String topic;
    private Producer<byte[], byte[]> producer;
    private boolean topicReady;

    public CheckpointPublisher(LedgerProperties properties,
                               @Value("${ledger.log.checkpoints-topic:ledger-checkpoints}") String topic) {
        this.properties = properties;
        this.topic = topic;
    }

    /** Called on the checkpoint thread only. */
    void publish(String origin, Checkpoint checkpoint) {
        try {
            ensureTopic();
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, origin.getBytes(StandardCharsets.UTF_8),
                    checkpoint.note().getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "text/plain; charset=utf-8".getBytes(StandardCharsets.UTF_8));
            record.headers().add("tree-size", Long.toString(checkpoint.treeSize()).getBytes(StandardCharsets.UTF_8));
            producer().send(record, (metadata, failure) -> {
                if (failure != null) {
                    log.warn("checkpoint {} not published: {}", checkpoint.treeSize(), failure.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("checkpoint {} not published: {}", checkpoint.treeSize(), e.toString());
        }
    }

    private void ensureTopic() {
        if (topicReady) {
            return;
        }
        long timeoutMs = properties.consistency().publishTimeout().toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMs))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())))
                    .all().get(timeoutMs, TimeUnit.MILLISECONDS);
            topicReady = true;
        } catch (java.util.concurrent.ExecutionException e) {
            topicReady = e.getCause() instanceof TopicExistsException;
            if (!topicReady) {
                throw new IllegalStateException("cannot create " + topic + ": " + e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer in time");
        }
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            int timeoutMs = (int) properties.consistency().publishTimeout().toMillis();
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(120_000, timeoutMs),
                    ProducerConfig.CLIENT_ID_CONFIG, "session-ledger-checkpoints"),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void destroy() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }
}
