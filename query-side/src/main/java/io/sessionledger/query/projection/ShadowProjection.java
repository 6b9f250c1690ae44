package io.sessionledger.query.projection;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A rebuild's own reader: every partition from its beginning into the shadow, beside the live consumer (no
 * consumer group, so the live one keeps its partitions), with the COPY path on PostgreSQL and the next batch
 * decoded while the last commits, as live catch-up does. Once at or past the live positions everywhere, it
 * parks the live poll thread between two batches and, with the live table locked against other instances'
 * writers too, reads the few records the live side took meanwhile (its positions stand still now), swaps, and
 * lets the live side go on from the swapped offsets.
 */
final class ShadowProjection {

    private final String bootstrap;
    private final String topic;
    private final ProjectionProperties settings;
    private final ProjectionTransaction shadow;
    private final OffsetRepository live;
    private final ShadowTables tables;
    private final Supplier<Pause> pauseLive;
    private final Runnable replayDeadLetters;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running = true;

    ShadowProjection(String bootstrap, String topic, ProjectionProperties settings, ProjectionTransaction shadow,
                     OffsetRepository live, ShadowTables tables, Supplier<Pause> pauseLive,
                     Runnable replayDeadLetters) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.settings = settings;
        this.shadow = shadow;
        this.live = live;
        this.tables = tables;
        this.pauseLive = pauseLive;
        this.replayDeadLetters = replayDeadLetters;
    }

    /**
     * @param beginning where each partition begins
     * @param applied   told the shadow's next offsets after each commit
     * @return whether the shadow became the live read model (false: stopped first)
     */
    boolean run(Map<Integer, Long> beginning, Consumer<Map<Integer, Long>> applied) {
        WriteBehind writes = new WriteBehind();
        try (KafkaConsumer<byte[], byte[]> kafka =
                     new KafkaConsumer<>(properties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.assign(beginning.keySet().stream().map(p -> new TopicPartition(topic, p)).toList());
            beginning.forEach((partition, offset) -> kafka.seek(new TopicPartition(topic, partition), offset));
            Map<Integer, Long> next = new HashMap<>(beginning);
            boolean indexed = false;
            while (running) {
                // Once at the live positions, an empty poll must not wait: the swap takes what came meanwhile.
                boolean wait = !writes.busy() && !ShadowTables.caughtUp(next, live.nextOffsets(topic));
                ConsumerRecords<byte[], byte[]> records = kafka.poll(wait ? settings.pollTimeout() : Duration.ZERO);
                ProjectionTransaction.DecodedBatch batch = records.isEmpty() ? null : shadow.decode(records);
                Map<Integer, Long> committed = writes.settle();
                if (!committed.isEmpty()) {
                    next.putAll(committed);
                    applied.accept(Map.copyOf(next));
                }
                if (batch != null) {
                    writes.submit(records, () -> shadow.commit(topic, batch));
                } else if (ShadowTables.caughtUp(next, live.nextOffsets(topic))) {
                    if (!indexed) {
                        // The shadow filled without its secondary indexes: built now, while reads still go to
                        // the live table; then around again for what the live side took meanwhile.
                        tables.indexLikeLive();
                        indexed = true;
                        continue;
                    }
                    replayDeadLetters.run();
                    return swapWhileLiveStandsStill(kafka, next, beginning, applied);
                }
            }
            return false;
        } catch (WakeupException e) {
            return false;
        } finally {
            consumer = null;
            writes.close();
        }
    }

    private boolean swapWhileLiveStandsStill(KafkaConsumer<byte[], byte[]> kafka, Map<Integer, Long> next,
                                             Map<Integer, Long> beginning, Consumer<Map<Integer, Long>> applied) {
        Pause pause = pauseLive.get();
        boolean swapped = false;
        try {
            pause.parked.get();
            swapped = running && tables.swapOnceCaughtUp(topic, beginning, still -> {
                while (running && !ShadowTables.caughtUp(next, still)) {
                    ConsumerRecords<byte[], byte[]> records = kafka.poll(settings.pollTimeout());
                    if (!records.isEmpty()) {
                        next.putAll(shadow.commit(topic, shadow.decode(records)));
                        applied.accept(Map.copyOf(next));
                    }
                }
            });
            if (!swapped && running) {
                throw new IllegalStateException("the shadow missed the live positions while the live side stood still");
            }
            return swapped;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the live projection stopped before the swap", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            pause.resume(swapped);
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "query-side-rebuild");
        return props;
    }
}
