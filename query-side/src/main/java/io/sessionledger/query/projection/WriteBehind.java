package io.sessionledger.query.projection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * At most one batch committing on its own thread while the poll thread fetches and decodes the next, so that
 * catching up keeps the database and the decoding busy at once. A batch is done only when {@link #settle}
 * says so: its offsets are reported as committed from there, and a failed one names where to read again.
 */
final class WriteBehind implements AutoCloseable {

    /** The batch in flight failed: nothing of it committed; read again from {@link #firstOffsets}. */
    static final class BatchFailed extends RuntimeException {
        final Map<TopicPartition, Long> firstOffsets;

        BatchFailed(Map<TopicPartition, Long> firstOffsets, Throwable cause) {
            super(cause.toString(), cause);
            this.firstOffsets = firstOffsets;
        }
    }

    private record InFlight(Future<Map<Integer, Long>> committed, Map<TopicPartition, Long> firstOffsets) {
    }

    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-write");
        thread.setDaemon(true);
        return thread;
    });
    private InFlight inFlight;

    boolean busy() {
        return inFlight != null;
    }

    void submit(ConsumerRecords<byte[], byte[]> records, Supplier<Map<Integer, Long>> commit) {
        if (inFlight != null) {
            throw new IllegalStateException("one batch at a time: settle the one in flight first");
        }
        inFlight = new InFlight(writer.submit(commit::get), firstOffsets(records));
    }

    /**
     * Waits for the batch in flight, however long its transaction takes (a stop waits too, so that nothing
     * commits after the consumer says it stopped).
     *
     * @return its committed offsets, or an empty map when nothing was in flight
     * @throws BatchFailed when its transaction failed
     */
    Map<Integer, Long> settle() {
        InFlight current = inFlight;
        if (current == null) {
            return Map.of();
        }
        inFlight = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return current.committed().get(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new BatchFailed(current.firstOffsets(), e.getCause());
                } catch (TimeoutException e) {
                    current.committed().cancel(true);
                    throw new BatchFailed(current.firstOffsets(), e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, Long> first = new java.util.HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            first.put(partition, records.records(partition).get(0).offset());
        }
        return first;
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
