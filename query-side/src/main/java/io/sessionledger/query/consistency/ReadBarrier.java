package io.sessionledger.query.consistency;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sessionledger.events.SessionRef;
import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.query.projection.OffsetRepository;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: before a read, wait until the projection has committed every write acknowledged before the
 * read began. A read through the edge names them ({@code x-ledger-read-after}: the highest acknowledged offset per
 * partition, docs/decisions.md, "Read barrier from acknowledged positions") and waits for those alone, with no
 * broker request. A read without them waits for everything the broker held when it began: every write
 * acknowledged before that moment is below the end offset it learns, from the projection's own fetches
 * ({@link FetchedEnds}) where they are on and can tell, otherwise asked of the broker; the answer tells those ends
 * ({@code x-ledger-log-ends}), from which the edge seeds its positions. A read that names its write
 * ({@link #awaitRecord}) needs no end offset at all.
 * Each method returns false when the bound ran out, and the caller serves what it has, marked stale.
 */
@Component
public class ReadBarrier {

    private static final Logger log = LoggerFactory.getLogger(ReadBarrier.class);
    private static final long REMOTE_CHECK_MILLIS = 25;

    private final EndOffsets endOffsets;
    private final ProjectionPositions positions;
    private final FetchedEnds fetched;
    private final OffsetRepository storedOffsets;
    private final String topic;
    private final long timeoutNanos;
    private final MeterRegistry meters;

    public ReadBarrier(EndOffsets endOffsets, ProjectionPositions positions, OffsetRepository storedOffsets,
                       LedgerProperties ledger, ConsistencyProperties consistency, MeterRegistry meters) {
        this.endOffsets = endOffsets;
        this.positions = positions;
        this.fetched = positions.fetchedEnds();
        this.storedOffsets = storedOffsets;
        this.topic = ledger.topic();
        this.timeoutNanos = consistency.readTimeout().toNanos();
        this.meters = meters;
    }

    public boolean awaitSession(SessionRef session) {
        long mark = fetched.mark();
        Map<Integer, Long> acknowledged = BarrierHeaders.readAfter();
        return timed("session", deadline -> {
            int partition = partitionOf(session);
            Map<Integer, Long> ends = acknowledged != null && named(acknowledged)
                    ? nextOffsets(acknowledged)
                    : endsSince(mark, List.of(partition), deadline);
            Long end = ends.get(partition);
            return end == null || awaitOffset(partition, end, deadline);
        });
    }

    public boolean awaitAll() {
        long mark = fetched.mark();
        Map<Integer, Long> acknowledged = BarrierHeaders.readAfter();
        return timed("all", deadline -> {
            List<Integer> partitions = IntStream.range(0, endOffsets.partitionCount()).boxed().toList();
            Map<Integer, Long> ends = acknowledged != null && named(acknowledged)
                    ? nextOffsets(acknowledged)
                    : endsSince(mark, partitions, deadline);
            for (Map.Entry<Integer, Long> end : ends.entrySet()) {
                if (!awaitOffset(end.getKey(), end.getValue(), deadline)) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * End offsets at or past every write acknowledged before {@code mark}: from this instance's own fetches when it
     * fetches all those partitions and they can tell, otherwise (partitions another instance projects, several
     * leading brokers, no consumer running) asked of the broker.
     */
    private Map<Integer, Long> endsSince(long mark, List<Integer> partitions, long deadline) throws Exception {
        if (partitions.stream().allMatch(positions::isLocal)) {
            CompletableFuture<Map<Integer, Long>> known = fetched.endsAfter(mark);
            try {
                Map<Integer, Long> ends = known.get(remaining(deadline), TimeUnit.NANOSECONDS);
                if (ends.keySet().containsAll(partitions)) {
                    BarrierHeaders.tellEnds(ends, endOffsets.partitionCount());
                    return ends;
                }
            } finally {
                known.cancel(false);
            }
        }
        Map<Integer, Long> ends = endOffsets.latest().get(remaining(deadline), TimeUnit.NANOSECONDS);
        BarrierHeaders.tellEnds(ends, endOffsets.partitionCount());
        return ends;
    }

    /**
     * Whether the positions a read carries name partitions of the topic only; one beyond its partition count
     * (a count this instance has not seen yet, or a client's mistake) makes the read ask as if it carried none.
     */
    private boolean named(Map<Integer, Long> acknowledged) throws Exception {
        int partitions = endOffsets.partitionCount();
        return acknowledged.keySet().stream().allMatch(partition -> partition < partitions);
    }

    /** The offsets after the highest acknowledged ones: what the projection must have committed. */
    private static Map<Integer, Long> nextOffsets(Map<Integer, Long> highest) {
        Map<Integer, Long> next = new HashMap<>();
        highest.forEach((partition, offset) -> next.put(partition, offset + 1));
        return next;
    }

    /** Waits until the record at {@code offset} (a write the command side reported) is projected. */
    public boolean awaitRecord(int partition, long offset) {
        return timed("record", deadline -> awaitOffset(partition, offset + 1, deadline));
    }

    public int partitionOf(SessionRef session) throws Exception {
        // Kafka's default partitioner for a keyed record.
        byte[] key = session.aggregateId().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % endOffsets.partitionCount();
    }

    private boolean awaitOffset(int partition, long nextOffset, long deadline) throws Exception {
        CompletableFuture<Void> reached = positions.reached(partition, nextOffset);
        try {
            while (!reached.isDone()) {
                long left = remaining(deadline);
                if (left <= 0) {
                    return false;
                }
                if (positions.isLocal(partition)) {
                    reached.get(left, TimeUnit.NANOSECONDS);
                } else if (storedOffsets.nextOffsets(topic).getOrDefault(partition, 0L) >= nextOffset) {
                    // Another instance projects this partition into the shared database.
                    return true;
                } else {
                    waitQuietly(reached, Math.min(left, TimeUnit.MILLISECONDS.toNanos(REMOTE_CHECK_MILLIS)));
                }
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } finally {
            reached.cancel(false);
        }
    }

    private interface Wait {
        boolean run(long deadline) throws Exception;
    }

    private boolean timed(String scope, Wait wait) {
        long start = System.nanoTime();
        boolean fresh;
        try {
            fresh = wait.run(start + timeoutNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fresh = false;
        } catch (TimeoutException e) {
            fresh = false;
        } catch (Exception e) {
            log.warn("read barrier gave up ({}): {}", scope, (e instanceof ExecutionException ? e.getCause() : e).toString());
            fresh = false;
        }
        Timer.builder("ledger.read.barrier").description("time a read waits for the projection to catch up")
                .tag("scope", scope).tag("outcome", fresh ? "fresh" : "stale")
                .publishPercentileHistogram()
                .register(meters).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return fresh;
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private static void waitQuietly(CompletableFuture<Void> future, long nanos) throws Exception {
        try {
            future.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // checked again by the caller's loop
        }
    }
}
