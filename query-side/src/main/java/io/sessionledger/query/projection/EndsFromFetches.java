package io.sessionledger.query.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells the read barrier, after every poll, the log end offsets the consumer's own fetches revealed, with the count
 * of fetch responses they reflect (docs/decisions.md, "Read barrier from the projection's fetches"). Poll thread only;
 * the count itself is a consumer metric any thread may read.
 */
final class EndsFromFetches implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> kafka;
    private final String topic;
    private final int maxPollRecords;
    private final ProjectionProgress progress;
    private final Metric fetchResponses;
    private long before;
    private long restartedAt;
    private Integer leader;

    EndsFromFetches(KafkaConsumer<byte[], byte[]> kafka, String topic, int maxPollRecords, ProjectionProgress progress) {
        this.kafka = kafka;
        this.topic = topic;
        this.maxPollRecords = maxPollRecords;
        this.progress = progress;
        // Counted in the fetch response handler, after the response is buffered: a count seen means its data is there.
        this.fetchResponses = kafka.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("fetch-total")
                        && metric.getKey().group().equals("consumer-fetch-manager-metrics"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        progress.countingFetches(fetchResponses == null ? null : this::count);
    }

    private long count() {
        return ((Number) fetchResponses.metricValue()).longValue();
    }

    void beforePoll() {
        if (fetchResponses != null) {
            before = count();
        }
    }

    void afterPoll(int records) {
        if (fetchResponses == null) {
            return;
        }
        if (records >= maxPollRecords) {
            // Records may still be buffered: the fetch sent next leaves their partitions out.
            restartedAt = count();
            return;
        }
        Integer leaderNow = singleLeader();
        if (leaderNow == null || !leaderNow.equals(leader)) {
            // One fetch in flight per broker is what makes the count mean anything: start counting again.
            leader = leaderNow;
            restartedAt = count();
        }
        Map<Integer, Long> ends = new HashMap<>();
        if (leaderNow != null) {
            for (TopicPartition partition : kafka.assignment()) {
                OptionalLong lag = kafka.currentLag(partition);
                if (lag.isPresent()) {
                    ends.put(partition.partition(), kafka.position(partition) + lag.getAsLong());
                }
            }
        }
        progress.fetched(before, restartedAt, ends);
    }

    /** The one broker leading every partition this consumer is assigned, or null (several, or one without a leader). */
    private Integer singleLeader() {
        List<PartitionInfo> partitions = kafka.partitionsFor(topic);
        Integer found = null;
        for (TopicPartition assigned : kafka.assignment()) {
            PartitionInfo info = partitions.stream().filter(p -> p.partition() == assigned.partition()).findFirst()
                    .orElse(null);
            if (info == null || info.leader() == null || info.leader().isEmpty()) {
                return null;
            }
            if (found != null && found != info.leader().id()) {
                return null;
            }
            found = info.leader().id();
        }
        return found;
    }

    @Override
    public void close() {
        progress.countingFetches(null);
    }
}
