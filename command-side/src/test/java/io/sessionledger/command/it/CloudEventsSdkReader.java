package io.sessionledger.command.it;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads records of the session topic as an analytics consumer does: a plain {@link KafkaConsumer} configured
 * with the official CloudEvents SDK's deserializer (cloudevents-kafka, with cloudevents-json-jackson found on
 * the class path for {@code application/cloudevents+json}). Nothing of ours decodes them.
 */
final class CloudEventsSdkReader {

    /** Where a write's event sits, from its {@code x-ledger-position} answer header. */
    record Position(int partition, long offset) {
        static Position of(String header) {
            String[] parts = header.split(":");
            return new Position(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        }
    }

    private CloudEventsSdkReader() {
    }

    /** The records at these positions; polls until all are read or {@code timeout} passes. */
    static Map<Position, ConsumerRecord<String, CloudEvent>> read(String bootstrap, String topic,
                                                                  Collection<Position> wanted, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        Map<Position, ConsumerRecord<String, CloudEvent>> found = new HashMap<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            // Start each partition at the first wanted offset: earlier records are other tests' business.
            Map<TopicPartition, Long> from = wanted.stream().collect(Collectors.toMap(
                    position -> new TopicPartition(topic, position.partition()), Position::offset, Math::min));
            consumer.assign(List.copyOf(from.keySet()));
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!found.keySet().containsAll(wanted) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    Position position = new Position(record.partition(), record.offset());
                    if (wanted.contains(position)) {
                        found.put(position, record);
                    }
                }
            }
        }
        return found;
    }
}
