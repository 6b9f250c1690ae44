package io.sessionledger.query.projection;

import io.sessionledger.query.config.LedgerProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/** Where each partition of the topic begins and ends, asked of the broker (for a rebuild and reconciliation). */
@Component
public class TopicOffsets {

    private final Admin admin;
    private final String topic;

    public TopicOffsets(Admin admin, LedgerProperties ledger) {
        this.admin = admin;
        this.topic = ledger.topic();
    }

    public String topic() {
        return topic;
    }

    public Map<Integer, Long> beginning() {
        return offsets(OffsetSpec.earliest());
    }

    public Map<Integer, Long> end() {
        return offsets(OffsetSpec.latest());
    }

    private Map<Integer, Long> offsets(OffsetSpec spec) {
        try {
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> spec));
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer where the topic begins and ends", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for offsets", e);
        }
    }
}
