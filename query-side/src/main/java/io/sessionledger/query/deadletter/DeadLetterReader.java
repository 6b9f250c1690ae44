package io.sessionledger.query.deadletter;

import io.sessionledger.query.config.LedgerProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topic from its beginning to where it ends now (no consumer group: every replay reads
 * it whole, and it holds only what could not be applied) and finds the records by where they came from.
 */
@Component
public class DeadLetterReader {

    /** Where a dead letter came from: its partition and offset in the session topic. */
    record Origin(int partition, long offset) {
    }

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final String bootstrap;
    private final String sessionTopic;
    private final String deadLetterTopic;

    public DeadLetterReader(LedgerProperties ledger, DeadLetterProperties settings) {
        this.bootstrap = ledger.kafkaBootstrap();
        this.sessionTopic = ledger.topic();
        this.deadLetterTopic = settings.topic();
    }

    /** The dead letters of the session topic among {@code wanted}; one missing from the answer is not on the topic. */
    Map<Origin, ConsumerRecord<byte[], byte[]>> read(Set<Origin> wanted) {
        Map<Origin, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "query-side-dead-letter-replay",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, GIVE_UP).stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, GIVE_UP));
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (!ends.isEmpty() && found.size() < wanted.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the dead-letter topic " + deadLetterTopic + " could not be read "
                            + "to its end within " + GIVE_UP.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    Origin origin = originOf(record);
                    if (origin != null && wanted.contains(origin)) {
                        found.put(origin, record);
                    }
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
        return found;
    }

    private Origin originOf(ConsumerRecord<byte[], byte[]> record) {
        String topic = header(record, DeadLetterHeaders.ORIGINAL_TOPIC);
        String partition = header(record, DeadLetterHeaders.ORIGINAL_PARTITION);
        String offset = header(record, DeadLetterHeaders.ORIGINAL_OFFSET);
        if (!sessionTopic.equals(topic) || partition == null || offset == null) {
            return null;
        }
        try {
            return new Origin(Integer.parseInt(partition), Long.parseLong(offset));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
