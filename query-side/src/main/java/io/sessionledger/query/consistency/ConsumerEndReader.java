package io.sessionledger.query.consistency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End offsets through a consumer that never subscribes: it keeps the topic's metadata, so each read is one
 * ListOffsets round trip (the admin client asks for metadata first, every time). Created on first use, so
 * startup does not wait for the broker; closed after a failure, so the next read reconnects.
 */
final class ConsumerEndReader implements EndOffsets.Reader {

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;
    private Consumer<byte[], byte[]> consumer;

    ConsumerEndReader(String bootstrapServers, String topic, int timeoutMillis) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.timeout = Duration.ofMillis(timeoutMillis);
    }

    @Override
    public Map<Integer, Long> read(int partitions) {
        List<TopicPartition> wanted = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            wanted.add(new TopicPartition(topic, p));
        }
        Map<Integer, Long> ends = new HashMap<>();
        consumer().endOffsets(wanted, timeout).forEach((partition, offset) -> ends.put(partition.partition(), offset));
        return ends;
    }

    private Consumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.CLIENT_ID_CONFIG, "query-side-barrier",
                    // read_committed, like the projection's consumer: the offset it can actually reach.
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1_000)),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    @Override
    public void close() {
        Consumer<byte[], byte[]> current = consumer;
        consumer = null;
        if (current != null) {
            current.close(Duration.ZERO);
        }
    }
}
