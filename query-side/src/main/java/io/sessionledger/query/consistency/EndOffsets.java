package io.sessionledger.query.consistency;

import io.sessionledger.query.config.LedgerProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Asks the broker for the end offset of every partition of the topic. Concurrent callers share requests:
 * one that arrives while a request is in flight gets the next one, which starts after it arrived, so no
 * caller is ever answered with offsets older than its own arrival.
 */
@Component
public class EndOffsets {

    private final Admin admin;
    private final String topic;
    private final int timeoutMillis;
    private CompletableFuture<Map<Integer, Long>> inFlight;
    private CompletableFuture<Map<Integer, Long>> queued;
    private volatile int partitionCount;
    // One request is in flight at a time by design, so one thread sends them all.
    private final Executor sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "end-offsets");
        thread.setDaemon(true);
        return thread;
    });

    public EndOffsets(Admin admin, LedgerProperties ledger, ConsistencyProperties consistency) {
        this.admin = admin;
        this.topic = ledger.topic();
        this.timeoutMillis = (int) Math.max(1, consistency.readTimeout().toMillis());
    }

    /** End offsets by partition, read at or after this call. */
    public synchronized CompletableFuture<Map<Integer, Long>> latest() {
        if (inFlight == null) {
            inFlight = new CompletableFuture<>();
            send(inFlight);
            return inFlight;
        }
        if (queued == null) {
            queued = new CompletableFuture<>();
        }
        return queued;
    }

    /** The topic's partition count, asked once and then cached (partitions are only ever added by hand). */
    public int partitionCount() throws Exception {
        int count = partitionCount;
        if (count == 0) {
            count = admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMillis, TimeUnit.MILLISECONDS)
                    .get(topic).partitions().size();
            partitionCount = count;
        }
        return count;
    }

    private void send(CompletableFuture<Map<Integer, Long>> answer) {
        CompletableFuture.runAsync(() -> {
            try {
                answer.complete(fetch());
            } catch (Exception e) {
                partitionCount = 0;
                answer.completeExceptionally(e);
            }
            CompletableFuture<Map<Integer, Long>> next;
            synchronized (this) {
                next = queued;
                queued = null;
                inFlight = next;
            }
            if (next != null) {
                send(next);
            }
        }, sender);
    }

    private Map<Integer, Long> fetch() throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitionCount(); p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        // read_committed, like the projection's consumer: the offset it can actually reach.
        ListOffsetsOptions options = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(timeoutMillis);
        Map<Integer, Long> ends = new HashMap<>();
        admin.listOffsets(request, options).all().get(timeoutMillis, TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }
}
