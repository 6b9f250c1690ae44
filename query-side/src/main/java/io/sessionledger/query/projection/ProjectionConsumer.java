package io.sessionledger.query.projection;

import io.sessionledger.query.config.LedgerProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one poll thread that feeds the read model. Offsets live in the database next to the rows, not in
 * Kafka: on assignment each partition is sought to its stored offset, and a failed batch is rolled back
 * and read again, never skipped.
 */
@Component
public class ProjectionConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);

    private final LedgerProperties ledger;
    private final ProjectionProperties settings;
    private final ProjectionTransaction transaction;
    private final OffsetRepository offsets;
    private final ProjectionProgress progress;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public ProjectionConsumer(LedgerProperties ledger, ProjectionProperties settings, ProjectionTransaction transaction,
                              OffsetRepository offsets, ProjectionProgress progress) {
        this.ledger = ledger;
        this.settings = settings;
        this.transaction = transaction;
        this.offsets = offsets;
        this.progress = progress;
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "projection-poll");
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
            polling.interrupt();
            try {
                polling.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        KafkaConsumer<byte[], byte[]> kafka =
                new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            consumer = kafka;
            kafka.subscribe(List.of(ledger.topic()),
                    new SeekToStoredOffsets(kafka, ledger.topic(), offsets, progress, this::retryAfterFailure));
            int failures = 0;
            while (running) {
                try {
                    ConsumerRecords<byte[], byte[]> records = kafka.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        project(kafka, records);
                    }
                    failures = 0;
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    failures++;
                    log.warn("projection batch failed (attempt {}), will retry: {}", failures, e.toString());
                    backOff(failures);
                }
            }
        } catch (RuntimeException e) {
            log.error("projection consumer stopped", e);
        } finally {
            consumer = null;
            // stop() may have interrupted us out of a back-off; close cleanly (leave the group) regardless.
            boolean interrupted = Thread.interrupted();
            // Bounded: at shutdown the broker may already be gone.
            kafka.close(Duration.ofSeconds(5));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void project(KafkaConsumer<byte[], byte[]> kafka, ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        Map<Integer, Long> committed;
        try {
            committed = transaction.apply(ledger.topic(), batch);
        } catch (RuntimeException e) {
            // Nothing of this batch committed: read it again from its first record.
            for (TopicPartition partition : records.partitions()) {
                kafka.seek(partition, records.records(partition).get(0).offset());
            }
            throw e;
        }
        progress.committed(committed);
    }

    /** @return whether to try again: false once the consumer is stopping */
    private boolean retryAfterFailure(int failures) {
        backOff(failures);
        return running;
    }

    private void backOff(int failures) {
        long millis = Math.min(settings.maxRetryBackoff().toMillis(), 100L << Math.min(failures, 10));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ledger.kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-side-projection");
        return props;
    }
}
