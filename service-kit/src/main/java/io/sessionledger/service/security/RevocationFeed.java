package io.sessionledger.service.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the key revocations the command side publishes ({@code {"keyId","revokedAt"}}, record key the key id) and
 * drops the revoked keys from a service's cache of API keys at once. No consumer group: every instance of every
 * service reads every revocation. It starts at the end of the topic (a cache that starts empty holds nothing
 * revoked earlier) and, once positioned, empties the cache, since anything cached before that moment could predate
 * a revocation it did not read. The topic is created by the command side; until it exists, this tries again.
 */
public class RevocationFeed implements SmartLifecycle {

    /** A cache of API-key answers that revocations must reach. */
    public interface KeyCache {
        /** The key is revoked: forget every answer that accepted it, and refuse it from now on. */
        void evict(String keyId);

        /** Revocations may have been missed: forget every answer. */
        void evictAll();
    }

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String bootstrap;
    private final String topic;
    private final String clientId;
    private final KeyCache cache;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean running;
    private volatile boolean positioned;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public RevocationFeed(String bootstrap, String topic, String clientId, KeyCache cache) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.clientId = clientId;
        this.cache = cache;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "key-revocations");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread polling;
        synchronized (this) {
            running = false;
            polling = thread;
            thread = null;
        }
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (polling != null) {
            try {
                polling.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether revocations published from now on will be seen. */
    public boolean isPositioned() {
        return positioned;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(properties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            while (running) {
                try {
                    if (!positioned && !position(kafka)) {
                        Thread.sleep(RETRY.toMillis());
                        continue;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL)) {
                        revoke(record);
                    }
                } catch (WakeupException e) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (RuntimeException e) {
                    log.warn("reading key revocations failed, trying again: {}", e.toString());
                    sleepQuietly();
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** @return false while the topic does not exist yet (the command side creates it) */
    private boolean position(KafkaConsumer<byte[], byte[]> kafka) {
        List<TopicPartition> partitions = kafka.partitionsFor(topic, RETRY).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
            log.debug("key revocations topic {} does not exist yet", topic);
            return false;
        }
        kafka.assign(partitions);
        kafka.seekToEnd(partitions);
        partitions.forEach(kafka::position); // resolves the end now: whatever is published after is read
        cache.evictAll();
        positioned = true;
        log.info("reading key revocations from {}", topic);
        return true;
    }

    private void revoke(ConsumerRecord<byte[], byte[]> record) {
        String keyId = null;
        try {
            JsonNode value = json.readTree(record.value());
            keyId = value.path("keyId").textValue();
        } catch (IOException | RuntimeException e) {
            log.warn("unreadable key revocation at offset {}: {}", record.offset(), e.toString());
        }
        if (keyId == null && record.key() != null) {
            keyId = new String(record.key(), StandardCharsets.UTF_8);
        }
        if (keyId != null) {
            cache.evict(keyId);
            log.info("API key {} revoked: dropped from the cache", keyId);
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Map<String, Object> properties() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // The command side creates the topic with one partition; a metadata request must not create it first.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    }
}
