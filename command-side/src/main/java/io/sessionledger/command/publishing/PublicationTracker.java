package io.sessionledger.command.publishing;

import java.time.Duration;
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
 * Lets a write wait until Kafka has acknowledged its last event, which is what makes the query side's
 * read barrier sound (see docs/architecture.md, read-your-writes).
 *
 * <p>Per session it remembers the highest published version for a while, because the publisher may get
 * there before the request starts waiting.
 */
@Component
public class PublicationTracker {

    private static final long REMEMBER_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record Published(long version, PublishedPosition position, long at) {
    }

    private record Waiter(long version, CompletableFuture<PublishedPosition> future) {
    }

    private final Map<String, Published> published = new ConcurrentHashMap<>();
    private final Map<String, java.util.List<Waiter>> waiters = new ConcurrentHashMap<>();

    /** Called by the publisher once Kafka acknowledged {@code version} of {@code aggregateId}. */
    public void published(String aggregateId, long version, PublishedPosition position) {
        published.merge(aggregateId, new Published(version, position, System.nanoTime()),
                (old, now) -> now.version() >= old.version() ? now : old);
        waiters.computeIfPresent(aggregateId, (id, list) -> {
            list.removeIf(waiter -> {
                if (waiter.version() <= version) {
                    waiter.future().complete(position);
                    return true;
                }
                return false;
            });
            return list.isEmpty() ? null : list;
        });
    }

    /** Waits until {@code version} of the session is on Kafka; empty when {@code timeout} passed first. */
    public Optional<PublishedPosition> await(String aggregateId, long version, Duration timeout) {
        CompletableFuture<PublishedPosition> future = new CompletableFuture<>();
        waiters.compute(aggregateId, (id, list) -> {
            Published known = published.get(id);
            if (known != null && known.version() >= version) {
                future.complete(known.position());
                return list;
            }
            java.util.List<Waiter> result = list == null ? new java.util.ArrayList<>(1) : list;
            result.add(new Waiter(version, future));
            return result;
        });
        try {
            return Optional.of(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            forget(aggregateId, future);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forget(aggregateId, future);
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void forget(String aggregateId, CompletableFuture<PublishedPosition> future) {
        waiters.computeIfPresent(aggregateId, (id, list) -> {
            list.removeIf(waiter -> waiter.future() == future);
            return list.isEmpty() ? null : list;
        });
    }

    @Scheduled(fixedDelay = 10_000)
    void forgetOldPublications() {
        long cutoff = System.nanoTime() - REMEMBER_NANOS;
        published.values().removeIf(entry -> entry.at() < cutoff);
    }
}
