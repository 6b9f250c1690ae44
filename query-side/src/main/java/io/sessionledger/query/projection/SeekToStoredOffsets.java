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
 * projection never commits offsets to Kafka. Waits for the database rather than guessing a position. The poll
 * thread uses the same move when the stored offsets changed under it (a swap, another instance).
 */
final class SeekToStoredOffsets implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(SeekToStoredOffsets.class);

    /** Told which partitions this poll thread projects, and from where. */
    interface Moves {
        /**
         * @param partitions the partitions (re)positioned: possibly none, an assignment that added nothing here
         * @param stored     the stored offsets found for them (absent: none stored yet)
         * @param resumeAt   where each one is read from now
         */
        void resumed(Collection<Integer> partitions, Map<Integer, Long> stored, Map<Integer, Long> resumeAt);

        void revoked(Collection<Integer> partitions);
    }

    private final KafkaConsumer<byte[], byte[]> kafka;
    private final String topic;
    private final OffsetRepository offsets;
    private final Moves moves;
    private final IntPredicate retryAfterFailure;
    private final Runnable settleInFlight;

    /** @param settleInFlight finishes the batch being committed, so stored offsets are final when read */
    SeekToStoredOffsets(KafkaConsumer<byte[], byte[]> kafka, String topic, OffsetRepository offsets, Moves moves,
                        IntPredicate retryAfterFailure, Runnable settleInFlight) {
        this.kafka = kafka;
        this.topic = topic;
        this.offsets = offsets;
        this.moves = moves;
        this.retryAfterFailure = retryAfterFailure;
        this.settleInFlight = settleInFlight;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        settleInFlight.run();
        Map<Integer, Long> resumeAt = seekToStored(partitions);
        if (!partitions.isEmpty()) {
            log.info("projecting {} from {}", topic, resumeAt);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        settleInFlight.run();
        moves.revoked(partitions.stream().map(TopicPartition::partition).toList());
    }

    /** Seeks each partition to its stored offset, or its beginning where none is stored; @return where each resumes */
    Map<Integer, Long> seekToStored(Collection<TopicPartition> partitions) {
        Map<Integer, Long> stored = partitions.isEmpty() ? Map.of() : loadStoredOffsets();
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
        moves.resumed(partitions.stream().map(TopicPartition::partition).toList(), stored, resumeAt);
        return resumeAt;
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
