package io.sessionledger.command.it;

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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the session topic from the beginning, as an analytics consumer would. */
final class TopicReader {

    record Read(String key, CloudEvent event, String contentType, int partition, long offset) {
    }

    private final CloudEventCodec codec = new CloudEventCodec();
    private final String bootstrap;
    private final String topic;

    TopicReader(String bootstrap) {
        this(bootstrap, LedgerTopics.SESSION_EVENTS);
    }

    TopicReader(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    /** Polls until {@code done} holds for what was read so far, or {@code timeout} passes. */
    List<Read> readUntil(Predicate<List<Read>> done, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Read> read = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(read) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader("content-type");
                    read.add(new Read(new String(record.key(), StandardCharsets.UTF_8), codec.read(record.value()),
                            header == null ? null : new String(header.value(), StandardCharsets.UTF_8),
                            record.partition(), record.offset()));
                }
            }
            return read;
        }
    }
}
