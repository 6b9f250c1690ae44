package io.sessionledger.command.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets a write wait until Kafka has acknowledged its events, which is what makes the query side's read
 * barrier sound (docs/architecture.md, read-your-writes).
 *
 * <p>Per session it knows the version committed but not yet published ({@link #appended}, registered
 * before the aggregate's lock is released) and, for a while, the last published version and position,
 * because the publisher may get there before the request starts waiting. All changes to one session's
 * entry happen inside {@code compute}, so no wake-up is lost.
 *
 * <p>Only the instance whose publisher holds the session's segment hears of its publication here; on any other,
 * {@link PublicationPoller} reads the sessions that have waiters from the shared {@code published_session} rows
 * and reports them through {@link #published} all the same (docs/multi-instance.md).
 */
@Component
public class PublicationTracker {

    private static final long REMEMBER_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final class Entry {
        long published = -1;
        PublishedPosition position;
        long pending = -1;
        long touched = System.nanoTime();
        final List<Waiter> waiters = new ArrayList<>(1);
    }

    private record Waiter(long version, CompletableFuture<PublishedPosition> future) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    /** Sessions with waiters, and since when (nanoTime): what the poller asks the shared record about. */
    private final Map<String, Long> waitingSince = new ConcurrentHashMap<>();
    /** Released when a session gets its first waiter, so that an idle poller wakes up. */
    private final Semaphore firstWaiter = new Semaphore(0);

    /** A transaction committed {@code version} of the session; called before its lock is released. */
    public void appended(String aggregateId, long version) {
        sessions.compute(aggregateId, (id, entry) -> {
            Entry current = entry != null ? entry : new Entry();
            if (current.published < version) {
                current.pending = Math.max(current.pending, version);
            }
            current.touched = System.nanoTime();
            return current;
        });
    }

    /** Kafka acknowledged {@code version} of the session at {@code position}. */
    public void published(String aggregateId, long version, PublishedPosition position) {
        sessions.compute(aggregateId, (id, entry) -> {
            Entry current = entry != null ? entry : new Entry();
            if (version >= current.published) {
                current.published = version;
                current.position = position;
            }
            if (current.pending <= version) {
                current.pending = -1;
            }
            current.waiters.removeIf(waiter -> waiter.version() <= version && waiter.future().complete(position));
            if (current.waiters.isEmpty()) {
                waitingSince.remove(id);
            }
            current.touched = System.nanoTime();
            return current;
        });
    }

    /** Waits until {@code version} of the session is on Kafka; empty when {@code timeout} passed first. */
    public Optional<PublishedPosition> await(String aggregateId, long version, Duration timeout) {
        CompletableFuture<PublishedPosition> future = new CompletableFuture<>();
        sessions.compute(aggregateId, (id, entry) -> {
            Entry current = entry != null ? entry : new Entry();
            if (current.published >= version) {
                future.complete(current.position);
            } else {
                current.waiters.add(new Waiter(version, future));
                if (waitingSince.putIfAbsent(id, System.nanoTime()) == null) {
                    firstWaiter.release();
                }
            }
            return current;
        });
        return waitFor(aggregateId, future, timeout);
    }

    /** The position of {@code version} or a later one of the session, when this instance knows it is on Kafka. */
    public Optional<PublishedPosition> knownPublished(String aggregateId, long version) {
        PublishedPosition[] known = {null};
        sessions.computeIfPresent(aggregateId, (id, entry) -> {
            if (entry.published >= version) {
                known[0] = entry.position;
            }
            return entry;
        });
        return Optional.ofNullable(known[0]);
    }

    /** Whether this instance committed {@code version} (or a later one) of the session and awaits its publication. */
    public boolean pendingHere(String aggregateId, long version) {
        boolean[] pending = {false};
        sessions.computeIfPresent(aggregateId, (id, entry) -> {
            pending[0] = entry.pending >= version;
            return entry;
        });
        return pending[0];
    }

    /** Sessions someone waits for here, for at least {@code minNanos}. */
    public List<String> waitingSessions(long minNanos) {
        long cutoff = System.nanoTime() - minNanos;
        List<String> waiting = new ArrayList<>();
        waitingSince.forEach((id, since) -> {
            if (since - cutoff <= 0) {
                waiting.add(id);
            }
        });
        return waiting;
    }

    /** Blocks until some session gets its first waiter, or {@code timeout} passed; for the poller. */
    boolean awaitFirstWaiter(Duration timeout) throws InterruptedException {
        boolean woken = firstWaiter.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        firstWaiter.drainPermits();
        return woken;
    }

    private Optional<PublishedPosition> waitFor(String aggregateId, CompletableFuture<PublishedPosition> future,
                                                Duration timeout) {
        try {
            return Optional.ofNullable(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            sessions.computeIfPresent(aggregateId, (id, entry) -> {
                entry.waiters.removeIf(waiter -> waiter.future() == future);
                if (entry.waiters.isEmpty()) {
                    waitingSince.remove(id);
                }
                return entry;
            });
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Scheduled(fixedDelay = 5_000)
    void forgetSettledSessions() {
        long cutoff = System.nanoTime() - REMEMBER_NANOS;
        sessions.forEach((id, ignored) -> sessions.computeIfPresent(id, (key, entry) ->
                entry.touched < cutoff && entry.pending < 0 && entry.waiters.isEmpty() ? null : entry));
    }
}
