package io.sessionledger.query.projection;

import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.query.consistency.ProjectionPositions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the SessionInfo projection from the topic: stop the consumer, empty the read model and its
 * offsets in one transaction, start again from the beginning. Progress is what the projection has committed
 * since, against the end of the topic as it was when the rebuild began.
 */
@Service
public class ProjectionRebuild {

    public record Status(String state, Instant startedAt, Instant finishedAt, long eventsApplied,
                         long eventsToApply, double eventsPerSecond) {
    }

    private final ProjectionConsumer consumer;
    private final ProjectionPositions positions;
    private final OffsetRepository offsets;
    private final Admin admin;
    private final LedgerProperties ledger;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile Map<Integer, Long> beginning = Map.of();
    private volatile Map<Integer, Long> target = Map.of();

    public ProjectionRebuild(ProjectionConsumer consumer, ProjectionPositions positions, OffsetRepository offsets,
                             Admin admin, LedgerProperties ledger, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.consumer = consumer;
        this.positions = positions;
        this.offsets = offsets;
        this.admin = admin;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public synchronized Status start() throws Exception {
        if (startedAt != null && finishedAt == null) {
            return status();
        }
        Map<Integer, Long> from = topicOffsets(OffsetSpec.earliest());
        Map<Integer, Long> to = topicOffsets(OffsetSpec.latest());
        consumer.stop();
        transaction.executeWithoutResult(tx -> {
            jdbc.update("delete from session_info");
            jdbc.update("delete from projection_offset where topic = ?", ledger.topic());
        });
        positions.reset();
        beginning = from;
        target = to;
        finishedAt = null;
        startedAt = Instant.now();
        consumer.start();
        List<CompletableFuture<Void>> reached = to.entrySet().stream()
                .map(end -> positions.reached(end.getKey(), end.getValue())).toList();
        CompletableFuture.allOf(reached.toArray(CompletableFuture[]::new))
                .thenRun(() -> finishedAt = Instant.now());
        return status();
    }

    public Status status() {
        if (startedAt == null) {
            return new Status("never-run", null, null, 0, 0, 0);
        }
        Instant end = finishedAt;
        Map<Integer, Long> committed = end != null ? target : offsets.nextOffsets(ledger.topic());
        long applied = sum(committed) - sum(beginning);
        long toApply = sum(target) - sum(beginning);
        double seconds = Duration.between(startedAt, end != null ? end : Instant.now()).toNanos() / 1e9;
        return new Status(end != null ? "done" : "running", startedAt, end, Math.max(0, applied), toApply,
                seconds > 0 ? Math.round(applied / seconds) : 0);
    }

    private long sum(Map<Integer, Long> perPartition) {
        return perPartition.values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<Integer, Long> topicOffsets(OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(List.of(ledger.topic())).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(ledger.topic()).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(ledger.topic(), p.partition()), p -> spec));
        try {
            return admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer where the topic begins and ends", e);
        }
    }
}
