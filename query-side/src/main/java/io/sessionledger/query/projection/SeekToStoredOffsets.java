package io.sessionledger.query.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On assignment, moves each partition to the offset stored with the rows (or its beginning), since the
 * projection never commits offsets to Kafka. Waits for the database rather than guessing a position.
 */
final class SeekToStoredOffsets implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(SeekToStoredOffsets.class);

    private final KafkaConsumer<byte[], byte[]> kafka;
    private final String topic;
    private final OffsetRepository offsets;
    private final ProjectionProgress progress;
    private final IntPredicate retryAfterFailure;
    private final Runnable settleInFlight;

    /** @param settleInFlight finishes the batch being committed, so stored offsets are final when read */
    SeekToStoredOffsets(KafkaConsumer<byte[], byte[]> kafka, String topic, OffsetRepository offsets,
                        ProjectionProgress progress, IntPredicate retryAfterFailure, Runnable settleInFlight) {
        this.kafka = kafka;
        this.topic = topic;
        this.offsets = offsets;
        this.progress = progress;
        this.retryAfterFailure = retryAfterFailure;
        this.settleInFlight = settleInFlight;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        settleInFlight.run();
        if (partitions.isEmpty()) {
            return;
        }
        Map<Integer, Long> stored = loadStoredOffsets();
        Map<Integer, Long> resumeAt = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition.partition());
            if (next == null) {
                kafka.seekToBeginning(List.of(partition));
                next = kafka.position(partition);
            } else {
                kafka.seek(partition, next);
            }
            resumeAt.put(partition.partition(), next);
        }
        log.info("projecting {} from {}", topic, resumeAt);
        progress.assigned(resumeAt);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        settleInFlight.run();
        progress.revoked(partitions.stream().map(TopicPartition::partition).toList());
    }

    private Map<Integer, Long> loadStoredOffsets() {
        for (int attempt = 1; ; attempt++) {
            try {
                return offsets.nextOffsets(topic);
            } catch (RuntimeException e) {
                log.warn("cannot read stored offsets (attempt {}): {}", attempt, e.toString());
                if (!retryAfterFailure.test(attempt)) {
                    throw e;
                }
            }
        }
    }
}
