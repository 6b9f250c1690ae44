package io.sessionledger.testsupport;

import io.sessionledger.events.LedgerTopics;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic from the beginning, as an analytics consumer would, and decodes each record's CloudEvent. */
public final class TopicReader {

    /**
     * One record: its key, its value as sent, the decoded event, its content-type header, where it sits, and
     * when its producer sent it (epoch milliseconds).
     */
    public record Read(String key, String value, CloudEvent event, String contentType, int partition, long offset,
                       long timestamp) {
    }

    private static final CloudEventCodec CODEC = new CloudEventCodec();

    private final String bootstrap;
    private final String topic;

    public TopicReader(String bootstrap) {
        this(bootstrap, LedgerTopics.SESSION_EVENTS);
    }

    public TopicReader(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    public static List<Read> readUntil(String bootstrap, String topic, Predicate<List<Read>> done, Duration timeout) {
        return new TopicReader(bootstrap, topic).readUntil(done, timeout);
    }

    /** Polls until {@code done} holds for what was read so far, or {@code timeout} passes. */
    public List<Read> readUntil(Predicate<List<Read>> done, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Read> read = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(read) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(read(record));
                }
            }
            return read;
        }
    }

    /**
     * Every record the topic held when this began, from the beginning of each partition up to its end
     * offset then; fails when they could not all be read within {@code timeout}.
     */
    public List<Read> readAll(Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Read> read = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topic " + topic + " could not be read to its end in " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition)) {
                        read.add(read(record));
                    }
                }
            }
            return read;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static Read read(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader("content-type");
        return new Read(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                new String(record.value(), StandardCharsets.UTF_8), CODEC.read(record.value()),
                header == null ? null : new String(header.value(), StandardCharsets.UTF_8),
                record.partition(), record.offset(), record.timestamp());
    }
}
