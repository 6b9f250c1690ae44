package io.sessionledger.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.sessionledger.query.config.LedgerProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class EndOffsetsTest {

    private final BlockingQueue<KafkaFutureImpl<ListOffsetsResult.ListOffsetsResultInfo>> requests =
            new LinkedBlockingQueue<>();
    private final EndOffsets endOffsets = new EndOffsets(brokerWithOnePartition(),
            new LedgerProperties("unused:9092", "t", URI.create("http://unused"), null, null),
            new ConsistencyProperties(Duration.ofSeconds(5)));

    @Test
    void callersArrivingDuringARequestShareTheNextOneNeverTheOlderAnswer() throws Exception {
        CompletableFuture<Map<Integer, Long>> first = endOffsets.latest();
        KafkaFutureImpl<ListOffsetsResult.ListOffsetsResultInfo> firstRequest = requests.poll(5, TimeUnit.SECONDS);

        CompletableFuture<Map<Integer, Long>> second = endOffsets.latest();
        CompletableFuture<Map<Integer, Long>> third = endOffsets.latest();
        assertThat(second).isSameAs(third).isNotSameAs(first);
        assertThat(requests).isEmpty();

        firstRequest.complete(new ListOffsetsResult.ListOffsetsResultInfo(5, -1, Optional.empty()));
        assertThat(first.get(5, TimeUnit.SECONDS)).containsEntry(0, 5L);
        assertThat(second).isNotDone();

        requests.poll(5, TimeUnit.SECONDS)
                .complete(new ListOffsetsResult.ListOffsetsResultInfo(7, -1, Optional.empty()));
        assertThat(second.get(5, TimeUnit.SECONDS)).containsEntry(0, 7L);
        assertThat(requests).isEmpty();
    }

    private Admin brokerWithOnePartition() {
        Admin admin = mock(Admin.class);
        DescribeTopicsResult described = mock(DescribeTopicsResult.class);
        when(described.allTopicNames()).thenReturn(KafkaFuture.completedFuture(Map.of("t",
                new TopicDescription("t", false, List.of(new TopicPartitionInfo(0, null, List.of(), List.of()))))));
        when(admin.describeTopics(anyCollection())).thenReturn(described);
        when(admin.listOffsets(any(), any(ListOffsetsOptions.class))).thenAnswer(call -> {
            KafkaFutureImpl<ListOffsetsResult.ListOffsetsResultInfo> request = new KafkaFutureImpl<>();
            requests.add(request);
            return new ListOffsetsResult(Map.of(new TopicPartition("t", 0), request));
        });
        return admin;
    }
}
