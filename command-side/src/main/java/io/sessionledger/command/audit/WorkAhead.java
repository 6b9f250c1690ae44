package io.sessionledger.command.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Per-item work done ahead on every core, a batch per task, and handed on in the order the items came: an export
 * renders its lines ahead of writing them (a whole-ledger verification reads ranges of sessions side by side
 * instead, see {@link LedgerVerifier}). The reader keeps reading while the batches before are worked on; at most one batch per core
 * waits. Not thread-safe: one reader adds, and the same thread receives.
 *
 * @param <T> what is read
 * @param <R> the work done on it
 */
public final class WorkAhead<T, R> {

    /** Receives each item with its work, in order. */
    public interface Receiver<T, R> {
        void accept(T item, R work) throws Exception;
    }

    /** Threads for the work, shared by all who use them: as many as there are cores. */
    public static final ExecutorService CORES = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "ledger-work-ahead");
                thread.setDaemon(true);
                return thread;
            });

    private record Batch<T, R>(List<T> items, List<R> work) {
    }

    private final Function<T, R> work;
    private final Receiver<T, R> receiver;
    private final int batchSize;
    private final int depth = Runtime.getRuntime().availableProcessors();
    private final Deque<Future<Batch<T, R>>> inFlight = new ArrayDeque<>();
    private List<T> filling;

    public WorkAhead(int batchSize, Function<T, R> work, Receiver<T, R> receiver) {
        this.batchSize = batchSize;
        this.work = work;
        this.receiver = receiver;
        this.filling = new ArrayList<>(batchSize);
    }

    public void add(T item) throws Exception {
        filling.add(item);
        if (filling.size() == batchSize) {
            submit();
        }
    }

    /** Hands on everything added so far. */
    public void finish() throws Exception {
        submit();
        while (!inFlight.isEmpty()) {
            handOnOldest();
        }
    }

    /** Gives up what is still in flight (after a failure of the reader or the receiver). */
    public void abandon() {
        inFlight.forEach(future -> future.cancel(true));
        inFlight.clear();
    }

    private void submit() throws Exception {
        if (filling.isEmpty()) {
            return;
        }
        List<T> items = filling;
        filling = new ArrayList<>(batchSize);
        inFlight.add(CORES.submit(() -> new Batch<>(items, items.stream().map(work).toList())));
        while (inFlight.size() > depth) {
            handOnOldest();
        }
    }

    private void handOnOldest() throws Exception {
        Batch<T, R> batch;
        try {
            batch = inFlight.poll().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        for (int i = 0; i < batch.items().size(); i++) {
            receiver.accept(batch.items().get(i), batch.work().get(i));
        }
    }
}
