package io.sessionledger.query.consistency;

import io.sessionledger.query.projection.ProjectionProgress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * The committed next offset of each partition this instance projects, and the readers waiting for one.
 * The poll thread completes the waiters after each commit, so nobody spins.
 */
@Component
public class ProjectionPositions implements ProjectionProgress {

    private record Waiter(long target, CompletableFuture<Void> reached) {
    }

    private final Map<Integer, Long> committed = new HashMap<>();
    private final Set<Integer> local = new HashSet<>();
    private final Map<Integer, List<Waiter>> waiters = new HashMap<>();
    private long assignments;

    /** Completes once the projection has committed everything below {@code target} in that partition. */
    public synchronized CompletableFuture<Void> reached(int partition, long target) {
        if (committed.getOrDefault(partition, -1L) >= target) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        List<Waiter> queue = waiters.computeIfAbsent(partition, p -> new ArrayList<>());
        // Readers cancel their future on timeout; drop those here so an idle partition cannot pile them up.
        queue.removeIf(waiter -> waiter.reached().isDone());
        queue.add(new Waiter(target, future));
        return future;
    }

    /** Reads waiting at the barrier for this instance's projection right now. */
    public synchronized int waitingReads() {
        int waiting = 0;
        for (List<Waiter> queue : waiters.values()) {
            for (Waiter waiter : queue) {
                waiting += waiter.reached().isDone() ? 0 : 1;
            }
        }
        return waiting;
    }

    /** The committed next offset of every partition this instance projects now. */
    public synchronized Map<Integer, Long> localPositions() {
        Map<Integer, Long> positions = new HashMap<>();
        for (Integer partition : local) {
            positions.put(partition, committed.getOrDefault(partition, 0L));
        }
        return positions;
    }

    /** Whether this instance's poll thread owns the partition (otherwise another instance projects it). */
    public synchronized boolean isLocal(int partition) {
        return local.contains(partition);
    }

    /** How many assignments this instance has had: partitions added to the topic come with a new one. */
    public synchronized long assignments() {
        return assignments;
    }

    @Override
    public void assigned(Map<Integer, Long> nextOffsets) {
        List<CompletableFuture<Void>> released;
        synchronized (this) {
            assignments++;
            local.addAll(nextOffsets.keySet());
            committed.putAll(nextOffsets);
            released = release(nextOffsets.keySet());
        }
        released.forEach(future -> future.complete(null));
    }

    @Override
    public synchronized void revoked(Collection<Integer> partitions) {
        local.removeAll(partitions);
    }

    @Override
    public void committed(Map<Integer, Long> nextOffsets) {
        List<CompletableFuture<Void>> released;
        synchronized (this) {
            nextOffsets.forEach((partition, next) -> committed.merge(partition, next, Math::max));
            released = release(nextOffsets.keySet());
        }
        released.forEach(future -> future.complete(null));
    }

    private List<CompletableFuture<Void>> release(Collection<Integer> partitions) {
        List<CompletableFuture<Void>> released = new ArrayList<>();
        for (Integer partition : partitions) {
            List<Waiter> queue = waiters.get(partition);
            if (queue == null) {
                continue;
            }
            long at = committed.getOrDefault(partition, -1L);
            for (Iterator<Waiter> it = queue.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.reached().isDone() || waiter.target() <= at) {
                    released.add(waiter.reached());
                    it.remove();
                }
            }
        }
        return released;
    }
}
