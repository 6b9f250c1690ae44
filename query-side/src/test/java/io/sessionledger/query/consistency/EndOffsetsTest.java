package io.sessionledger.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class EndOffsetsTest {

    private final BlockingQueue<CompletableFuture<Long>> requests = new LinkedBlockingQueue<>();
    private final EndOffsets endOffsets = new EndOffsets(brokerWithOnePartition(), "t",
            new ConsistencyProperties(Duration.ofSeconds(5)), new ProjectionPositions(), new EndOffsets.Reader() {
                @Override
                public Map<Integer, Long> read(int partitions) throws Exception {
                    CompletableFuture<Long> request = new CompletableFuture<>();
                    requests.add(request);
                    return Map.of(0, request.get(5, TimeUnit.SECONDS));
                }

                @Override
                public void close() {
                }
            });

    @Test
    void callersArrivingDuringARequestShareTheNextOneNeverTheOlderAnswer() throws Exception {
        CompletableFuture<Map<Integer, Long>> first = endOffsets.latest();
        CompletableFuture<Long> firstRequest = requests.poll(5, TimeUnit.SECONDS);

        CompletableFuture<Map<Integer, Long>> second = endOffsets.latest();
        CompletableFuture<Map<Integer, Long>> third = endOffsets.latest();
        assertThat(second).isSameAs(third).isNotSameAs(first);
        assertThat(requests).isEmpty();

        firstRequest.complete(5L);
        assertThat(first.get(5, TimeUnit.SECONDS)).containsEntry(0, 5L);
        assertThat(second).isNotDone();

        requests.poll(5, TimeUnit.SECONDS).complete(7L);
        assertThat(second.get(5, TimeUnit.SECONDS)).containsEntry(0, 7L);
        assertThat(requests).isEmpty();
    }

    @Test
    void aNewAssignmentMakesItCountThePartitionsAgain() throws Exception {
        ProjectionPositions positions = new ProjectionPositions();
        Admin admin = mock(Admin.class);
        DescribeTopicsResult one = described(1);
        DescribeTopicsResult three = described(3);
        when(admin.describeTopics(anyCollection())).thenReturn(one, three);
        EndOffsets counted = new EndOffsets(admin, "t", new ConsistencyProperties(Duration.ofSeconds(5)), positions,
                null);

        assertThat(counted.partitionCount()).isEqualTo(1);
        assertThat(counted.partitionCount()).as("cached while nothing changed").isEqualTo(1);
        // Partitions added to the topic make the projection's consumer group rebalance.
        positions.assigned(Map.of(0, 5L, 2, 0L));
        assertThat(counted.partitionCount()).isEqualTo(3);
    }

    private static DescribeTopicsResult described(int partitions) {
        DescribeTopicsResult described = mock(DescribeTopicsResult.class);
        List<TopicPartitionInfo> infos = java.util.stream.IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartitionInfo(p, null, List.of(), List.of())).toList();
        when(described.allTopicNames()).thenReturn(KafkaFuture.completedFuture(Map.of("t",
                new TopicDescription("t", false, infos))));
        return described;
    }

    private Admin brokerWithOnePartition() {
        Admin admin = mock(Admin.class);
        DescribeTopicsResult described = mock(DescribeTopicsResult.class);
        when(described.allTopicNames()).thenReturn(KafkaFuture.completedFuture(Map.of("t",
                new TopicDescription("t", false, List.of(new TopicPartitionInfo(0, null, List.of(), List.of()))))));
        when(admin.describeTopics(anyCollection())).thenReturn(described);
        return admin;
    }
}
