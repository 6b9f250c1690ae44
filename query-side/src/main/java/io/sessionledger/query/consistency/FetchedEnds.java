package io.sessionledger.query.consistency;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The log end offsets the projection's own fetches revealed, so that a read needs no broker request of its own
 * (docs/decisions.md, "Read barrier from the projection's fetches"). Every fetch response carries each partition's
 * end (the last stable offset, read_committed); the poll thread publishes them after each poll as a round, tagged
 * with the consumer's count of fetch responses. A read marks that count when it begins; a round answers it once two
 * responses counted after the mark (and after the last restart) were drained before the round's poll began: the
 * consumer has at most one fetch in flight per broker, so the second of them was sent after the read began, and the
 * broker answered it with an end at or past every write acknowledged before that.
 */
public final class FetchedEnds {

    /** No consumer counts fetches here: reads ask the broker. */
    static final long NOT_COUNTING = -1;

    private record Waiter(long mark, CompletableFuture<Map<Integer, Long>> ends) {
    }

    private record Round(long fetchesBefore, long restartedAt, Map<Integer, Long> ends) {
        boolean answers(long mark) {
            return fetchesBefore >= Math.max(mark, restartedAt) + 2;
        }
    }

    private volatile LongSupplier fetchResponses = () -> NOT_COUNTING;
    private Round latest;
    private final List<Waiter> waiters = new ArrayList<>();

    /** Where a read that begins now stands: pass it to {@link #endsAfter}. */
    public long mark() {
        return fetchResponses.getAsLong();
    }

    /**
     * Ends at or past every write acknowledged before {@code mark} was taken, for the partitions the poll thread
     * could vouch for (the map may lack some: ask the broker for those). Empty when no consumer counts fetches.
     */
    public CompletableFuture<Map<Integer, Long>> endsAfter(long mark) {
        if (mark == NOT_COUNTING) {
            return CompletableFuture.completedFuture(Map.of());
        }
        synchronized (this) {
            if (latest != null && latest.answers(mark)) {
                return CompletableFuture.completedFuture(latest.ends());
            }
            CompletableFuture<Map<Integer, Long>> ends = new CompletableFuture<>();
            // Readers cancel on timeout; drop those so an idle consumer cannot pile them up.
            waiters.removeIf(waiter -> waiter.ends().isDone());
            waiters.add(new Waiter(mark, ends));
            return ends;
        }
    }

    /** Reads waiting for a fetch round right now. */
    synchronized int waiting() {
        int waiting = 0;
        for (Waiter waiter : waiters) {
            waiting += waiter.ends().isDone() ? 0 : 1;
        }
        return waiting;
    }

    /** The poll thread's consumer started (its count of fetch responses, readable from any thread) or stopped (null). */
    void counting(LongSupplier responses) {
        List<CompletableFuture<Map<Integer, Long>>> released = new ArrayList<>();
        synchronized (this) {
            fetchResponses = responses == null ? () -> NOT_COUNTING : responses;
            latest = null;
            waiters.forEach(waiter -> released.add(waiter.ends()));
            waiters.clear();
        }
        // A new consumer counts from zero: marks taken before it mean nothing to it, so those reads ask the broker.
        released.forEach(waiting -> waiting.complete(Map.of()));
    }

    /**
     * After a poll that drained everything fetched: {@code ends} as the consumer knows them now, which reflect every
     * response counted before the poll began ({@code fetchesBefore}). {@code restartedAt}: the count after the last
     * poll whose next fetch may have left partitions out (a poll that stopped at its record limit), or after the
     * partitions' leader changed; only responses counted after it cover every partition from one broker.
     */
    void published(long fetchesBefore, long restartedAt, Map<Integer, Long> ends) {
        Round round = new Round(fetchesBefore, restartedAt, Map.copyOf(ends));
        List<CompletableFuture<Map<Integer, Long>>> released = new ArrayList<>();
        synchronized (this) {
            latest = round;
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.ends().isDone() || round.answers(waiter.mark())) {
                    released.add(waiter.ends());
                    it.remove();
                }
            }
        }
        released.forEach(waiting -> waiting.complete(round.ends()));
    }
}
