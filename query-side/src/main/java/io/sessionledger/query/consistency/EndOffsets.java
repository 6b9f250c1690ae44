package io.sessionledger.query.consistency;

import io.sessionledger.query.config.LedgerProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Asks the broker for the end offset of every partition of the topic. Concurrent callers share requests:
 * one that arrives while a request is in flight gets the next one, which starts after it arrived, so no
 * caller is ever answered with offsets older than its own arrival.
 *
 * <p>The requests go through a consumer that never subscribes, not the admin client: the admin client
 * asks for metadata before every ListOffsets, two round trips per read; the consumer keeps its metadata
 * and sends the ListOffsets alone ({@link ConsumerEndReader}). A consumer is single-threaded, and so is the
 * sender that owns it.
 */
@Component
public class EndOffsets implements DisposableBean {

    /** Reads the end offsets of the topic's first {@code partitions} partitions; called on one thread only. */
    interface Reader extends AutoCloseable {
        Map<Integer, Long> read(int partitions) throws Exception;

        /** After a failure: the next read starts afresh. */
        @Override
        void close();
    }

    private final Admin admin;
    private final String topic;
    private final int timeoutMillis;
    private final Reader reader;
    private CompletableFuture<Map<Integer, Long>> inFlight;
    private CompletableFuture<Map<Integer, Long>> queued;
    private volatile int partitionCount;
    private volatile long countedAtAssignment = -1;
    private final ProjectionPositions positions;
    // One request is in flight at a time by design, so one thread sends them all.
    private final Executor sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "end-offsets");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public EndOffsets(Admin admin, LedgerProperties ledger, ConsistencyProperties consistency,
                      ProjectionPositions positions) {
        this(admin, ledger.topic(), consistency, positions,
                new ConsumerEndReader(ledger.kafkaBootstrap(), ledger.topic(), timeoutMillis(consistency)));
    }

    EndOffsets(Admin admin, String topic, ConsistencyProperties consistency, ProjectionPositions positions,
               Reader reader) {
        this.admin = admin;
        this.positions = positions;
        this.topic = topic;
        this.timeoutMillis = timeoutMillis(consistency);
        this.reader = reader;
    }

    private static int timeoutMillis(ConsistencyProperties consistency) {
        return (int) Math.max(1, consistency.readTimeout().toMillis());
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

    /**
     * The topic's partition count, cached until the projection's next assignment: partitions added to the topic
     * make the consumer group rebalance (every member is assigned again), so a new count comes with one.
     */
    public int partitionCount() throws Exception {
        int count = partitionCount;
        long assignment = positions.assignments();
        if (count == 0 || assignment != countedAtAssignment) {
            count = admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMillis, TimeUnit.MILLISECONDS)
                    .get(topic).partitions().size();
            partitionCount = count;
            countedAtAssignment = assignment;
        }
        return count;
    }

    private void send(CompletableFuture<Map<Integer, Long>> answer) {
        CompletableFuture.runAsync(() -> {
            try {
                answer.complete(reader.read(partitionCount()));
            } catch (Exception e) {
                partitionCount = 0;
                reader.close();
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

    @Override
    public void destroy() throws Exception {
        CompletableFuture.runAsync(reader::close, sender).get(5, TimeUnit.SECONDS);
    }
}
