package io.sessionledger.command.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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
            }
            return current;
        });
        return waitFor(aggregateId, future, timeout);
    }

    /**
     * For a request that changed nothing: waits for whatever another request committed and has not yet
     * published, and answers the last known position (empty when long published, or never seen here).
     */
    public Optional<PublishedPosition> awaitCurrent(String aggregateId, Duration timeout) {
        long[] pending = {-1};
        PublishedPosition[] known = {null};
        sessions.computeIfPresent(aggregateId, (id, entry) -> {
            pending[0] = entry.pending;
            known[0] = entry.position;
            return entry;
        });
        return pending[0] >= 0 ? await(aggregateId, pending[0], timeout) : Optional.ofNullable(known[0]);
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
