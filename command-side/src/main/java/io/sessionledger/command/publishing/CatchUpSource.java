package io.sessionledger.command.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The catch-up reader's source: the event store, read straight from the storage engine at most once per
 * {@code interval}, or at once when {@link #wake() woken} (a direct send failed or was left to the catch-up, or
 * shutdown drains). Events reach Kafka from the write path ({@link DirectPublisher}); the catch-up reader only
 * needs to find what that path did not publish, so it must not fetch on every commit (Axon's embedded store does:
 * one more transaction per group commit, one more token write). Reading the engine directly also leaves the
 * embedded store without tailing readers, so it fetches nothing after a commit either.
 */
public class CatchUpSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EventStorageEngine engine;
    private final int fetchSize;
    private final Set<CatchUpStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "catch-up-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** @param fetchSize events per fetch: the engine's batch size, so that one fetch is one query */
    public CatchUpSource(EventStorageEngine engine, Duration interval, int fetchSize) {
        this.engine = engine;
        this.fetchSize = fetchSize;
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::wake, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Makes every open stream fetch from the store now. */
    public void wake() {
        streams.forEach(CatchUpStream::due);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        CatchUpStream stream = new CatchUpStream(token);
        streams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One reader's position and what it fetched and has not consumed yet. Guarded by its monitor. */
    private final class CatchUpStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> fetched = new ArrayDeque<>();
        private TrackingToken last;
        private boolean due = true;
        private boolean closed;
        private volatile Runnable onAvailable = () -> {
        };

        private CatchUpStream(TrackingToken start) {
            this.last = start;
        }

        void due() {
            synchronized (this) {
                due = true;
                notifyAll();
            }
            onAvailable.run(); // outside the monitor: the processor's coordinator may be reading this stream
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        /** Fetches once when due; a full fetch leaves it due, since more may follow at once. */
        private boolean fetchIfDue() {
            if (!fetched.isEmpty()) {
                return true;
            }
            if (!due || closed) {
                return false;
            }
            due = false;
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(last, false)) {
                events.limit(fetchSize).forEach(fetched::add);
            }
            if (fetched.size() == fetchSize) {
                due = true;
            }
            if (!fetched.isEmpty()) {
                last = fetched.peekLast().trackingToken();
            }
            return !fetched.isEmpty();
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            fetchIfDue();
            return Optional.ofNullable(fetched.peekFirst());
        }

        @Override
        public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!fetchIfDue()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!fetchIfDue()) {
                if (closed) {
                    throw new IllegalStateException("the catch-up stream is closed");
                }
                wait();
            }
            return fetched.pollFirst();
        }

        @Override
        public synchronized void close() {
            closed = true;
            streams.remove(this);
            notifyAll();
        }
    }
}
