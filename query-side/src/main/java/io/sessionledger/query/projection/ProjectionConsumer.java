package io.sessionledger.query.projection;

import io.sessionledger.query.config.LedgerProperties;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
 * and read again, never skipped. Several instances share the partitions through the consumer group and the
 * read model through the database; each batch stores its offsets only on top of those it was read after
 * (docs/multi-instance.md, "Query side").
 */
@Component
public class ProjectionConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumer.class);
    /** The web server's graceful shutdown is at DEFAULT_PHASE - 1024, its stop at - 2048. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final LedgerProperties ledger;
    private final ProjectionProperties settings;
    private final ProjectionTransaction transaction;
    private final OffsetRepository offsets;
    private final ProjectionProgress progress;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private final Queue<Pause> pauses = new ConcurrentLinkedQueue<>();
    /** The stored offset of each assigned partition as this poll thread last read or wrote it (poll thread only). */
    private final Map<Integer, Long> stored = new HashMap<>();

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
            awaitEnd(polling);
        }
    }

    /**
     * However long its last batch takes to commit: a poll thread started after stop() returns would otherwise
     * read the stored offsets before that batch moves them, and the two would project side by side.
     */
    private static void awaitEnd(Thread polling) {
        boolean interrupted = false;
        while (polling.isAlive()) {
            try {
                polling.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks the poll thread to stand still between two batches until {@link Pause#resume}: the rebuild's swap
     * changes the read model and its stored offsets under the projection then. With no poll thread, it is
     * parked at once.
     */
    Pause pause() {
        Pause pause = new Pause();
        synchronized (this) {
            if (running) {
                pauses.add(pause);
                return pause;
            }
        }
        pause.parked.complete(null);
        return pause;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Below the web server's phases, so that on SIGTERM it stops after them: reads in flight still wait at the
     * barrier for this consumer, which must go on projecting until the last of them is answered. It then settles
     * its batch in flight (rows and offsets commit together) before it returns. It starts before the web server.
     */
    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        KafkaConsumer<byte[], byte[]> kafka =
                new KafkaConsumer<>(consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        WriteBehind writes = new WriteBehind();
        try {
            consumer = kafka;
            SeekToStoredOffsets seeker = new SeekToStoredOffsets(kafka, ledger.topic(), offsets, moves,
                    this::retryAfterFailure, () -> settleBeforeRebalance(kafka, writes));
            kafka.subscribe(List.of(ledger.topic()), seeker);
            int failures = 0;
            while (running) {
                try {
                    honourPauses(kafka, writes, seeker);
                    // With a batch in flight, take only what is already fetched: its commit must not wait for a poll.
                    ConsumerRecords<byte[], byte[]> records =
                            kafka.poll(writes.busy() ? Duration.ZERO : settings.pollTimeout());
                    project(kafka, records, writes);
                    failures = 0;
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    if (e instanceof WriteBehind.BatchFailed failed && failed.getCause() instanceof PositionMoved moved) {
                        log.info("{}; projecting on from the stored offsets", moved.getMessage());
                        readAgainFromStoredOffsets(kafka, seeker);
                        continue;
                    }
                    failures++;
                    log.warn("projection batch failed (attempt {}), will retry: {}", failures, e.toString());
                    backOff(failures);
                }
            }
        } catch (RuntimeException e) {
            log.error("projection consumer stopped", e);
        } finally {
            for (Pause left; (left = pauses.poll()) != null; ) {
                left.parked.completeExceptionally(new IllegalStateException("the projection consumer stopped"));
            }
            settleQuietly(writes);
            writes.close();
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

    /**
     * Decodes this batch while the previous one commits, then hands this one to the writer. When anything
     * fails, nothing after the last committed batch counts: every partition is read again from there.
     */
    private void project(KafkaConsumer<byte[], byte[]> kafka, ConsumerRecords<byte[], byte[]> records,
                         WriteBehind writes) {
        try {
            ProjectionTransaction.DecodedBatch batch = records.isEmpty() ? null : transaction.decode(records);
            settled(writes.settle());
            if (batch != null) {
                ProjectionTransaction.DecodedBatch fenced = batch.readAfter(stored);
                writes.submit(records, () -> transaction.commit(ledger.topic(), fenced));
            }
        } catch (RuntimeException e) {
            seek(kafka, WriteBehind.firstOffsets(records));
            if (e instanceof WriteBehind.BatchFailed failed) {
                // Earlier than this poll's records on every partition they share: applied second, it wins.
                seek(kafka, failed.firstOffsets);
            }
            throw e;
        }
    }

    private void honourPauses(KafkaConsumer<byte[], byte[]> kafka, WriteBehind writes, SeekToStoredOffsets seeker) {
        if (pauses.isEmpty()) {
            return;
        }
        try {
            settled(writes.settle());
        } catch (WriteBehind.BatchFailed failed) {
            seek(kafka, failed.firstOffsets);
            throw failed;
        }
        for (Pause pause; (pause = pauses.poll()) != null; ) {
            pause.parked.complete(null);
            boolean replaced;
            try {
                replaced = pause.awaitResume();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return;
            }
            if (replaced) {
                readAgainFromStoredOffsets(kafka, seeker);
            }
        }
    }

    /** What was fetched is dropped: the stored offsets say where the (new) read model continues. */
    private void readAgainFromStoredOffsets(KafkaConsumer<byte[], byte[]> kafka, SeekToStoredOffsets seeker) {
        log.info("projecting {} from {}", ledger.topic(), seeker.seekToStored(kafka.assignment()));
    }

    /** Where the poll thread stands, as the rebalance listener finds it. */
    private final SeekToStoredOffsets.Moves moves = new SeekToStoredOffsets.Moves() {
        @Override
        public void resumed(Collection<Integer> partitions, Map<Integer, Long> found, Map<Integer, Long> resumeAt) {
            for (Integer partition : partitions) {
                if (found.containsKey(partition)) {
                    stored.put(partition, found.get(partition));
                } else {
                    stored.remove(partition);
                }
            }
            transaction.partitionsMoved(partitions);
            progress.assigned(resumeAt);
        }

        @Override
        public void revoked(Collection<Integer> partitions) {
            partitions.forEach(stored::remove);
            progress.revoked(partitions);
        }
    };

    /** A batch committed: its offsets are the stored ones now. */
    private void settled(Map<Integer, Long> committed) {
        stored.putAll(committed);
        progress.committed(committed);
    }

    /** Partitions change hands only after the batch in flight is settled; a failed one is read again. */
    private void settleBeforeRebalance(KafkaConsumer<byte[], byte[]> kafka, WriteBehind writes) {
        try {
            settled(writes.settle());
        } catch (WriteBehind.BatchFailed failed) {
            log.warn("projection batch failed before a rebalance, will read it again: {}", failed.getMessage());
            failed.firstOffsets.keySet().retainAll(kafka.assignment());
            seek(kafka, failed.firstOffsets);
        }
    }

    private void settleQuietly(WriteBehind writes) {
        try {
            settled(writes.settle());
        } catch (WriteBehind.BatchFailed failed) {
            // Stopping: the stored offsets still say where to resume.
            log.warn("last projection batch failed while stopping: {}", failed.getMessage());
        }
    }

    private static void seek(KafkaConsumer<byte[], byte[]> kafka, Map<TopicPartition, Long> offsets) {
        offsets.forEach(kafka::seek);
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
        // Catching up, a poll should find a whole batch buffered: 1 MiB a partition is ~1,500 events.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-side-projection");
        // How soon the other instances take over the partitions of one that died without leaving the group.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(1, settings.sessionTimeout().toMillis() / 3));
        // How soon partitions added to the topic are projected (a rebalance follows the metadata).
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) settings.metadataMaxAge().toMillis());
        return props;
    }
}
