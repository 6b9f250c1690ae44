package io.sessionledger.command.groupcommit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread. It takes whatever commands are waiting (up to {@code maxBatch}, never two for the same
 * aggregate, no artificial delay), runs each in a nested unit of work under one root unit of work that owns
 * the transaction, and answers each command only once that transaction has committed. If the commit fails,
 * every command of the batch is run again alone, so one bad command cannot take the others down with it.
 *
 * <p>Every command taken is answered exactly once, whatever is thrown (an Error included), and the thread
 * outlives any batch. At most {@code queueLimit} commands wait; more are refused at once with {@link LaneFull}.
 */
final class Lane {

    private static final Logger log = LoggerFactory.getLogger(Lane.class);
    private static final AnnotationRoutingStrategy ROUTING = AnnotationRoutingStrategy.defaultStrategy();

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Deque<Pending> deferred = new ArrayDeque<>();
    /** Submitted and not yet taken into a batch: what the queue limit bounds (the queue and the deferred). */
    private final AtomicInteger waiting = new AtomicInteger();
    private final String name;
    private final SimpleCommandBus handlers;
    private final TransactionManager transactions;
    private final int maxBatch;
    private final int queueLimit;
    private final Thread thread;
    private volatile boolean running = true;

    Lane(String name, SimpleCommandBus handlers, TransactionManager transactions, int maxBatch, int queueLimit) {
        this.name = name;
        this.handlers = handlers;
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.queueLimit = queueLimit;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    static String routingKey(CommandMessage<?> command) {
        return ROUTING.getRoutingKey(command);
    }

    void submit(CommandMessage<?> command, CommandCallback<?, ?> callback) {
        Pending pending = new Pending(command, callback);
        if (waiting.incrementAndGet() > queueLimit) {
            waiting.decrementAndGet();
            pending.fail(new LaneFull(name, queueLimit));
            return;
        }
        queue.add(pending);
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    private void run() {
        while (running) {
            List<Pending> batch = List.of();
            try {
                batch = nextBatch();
                if (!batch.isEmpty()) {
                    runBatch(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) { // an Error too: the lane must outlive any batch
                log.error("{} failed a batch; its unanswered commands get the failure", name, t);
                batch.forEach(pending -> pending.fail(t));
                forgetUnitsOfWork();
            }
        }
    }

    private List<Pending> nextBatch() throws InterruptedException {
        if (deferred.isEmpty()) {
            Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                return List.of();
            }
            deferred.add(first);
        }
        queue.drainTo(deferred, maxBatch * 4);
        List<Pending> batch = new ArrayList<>(Math.min(maxBatch, deferred.size()));
        Set<String> aggregates = new HashSet<>();
        Deque<Pending> later = new ArrayDeque<>();
        while (!deferred.isEmpty() && batch.size() < maxBatch) {
            Pending next = deferred.poll();
            (aggregates.add(next.aggregate()) ? batch : later).add(next);
        }
        while (!later.isEmpty()) {
            deferred.addFirst(later.pollLast());
        }
        waiting.addAndGet(-batch.size());
        return batch;
    }

    private void runBatch(List<Pending> batch) {
        Throwable failure = commitTogether(batch);
        if (failure == null) {
            return;
        }
        if (batch.size() == 1) {
            batch.get(0).fail(failure);
            return;
        }
        log.debug("batch of {} did not commit, running its commands alone: {}", batch.size(), failure.toString());
        for (Pending pending : batch) {
            Throwable alone = commitTogether(List.of(pending));
            if (alone != null) {
                pending.fail(alone);
            }
        }
    }

    /**
     * Runs the commands in one transaction and, once it committed, answers them. Never throws.
     *
     * @return null when committed (every command answered); else why not (none answered, nothing stored)
     */
    private Throwable commitTogether(List<Pending> batch) {
        List<CommandResultMessage<?>> results = new ArrayList<>(batch.size());
        boolean[] committed = {false};
        try {
            BatchUnitOfWork<CommandMessage<?>> root = new BatchUnitOfWork<>(batch.get(0).command());
            root.start();
            root.attachTransaction(transactions); // rolls the unit of work back itself when it cannot start one
            root.onCommit(uow -> committed[0] = true); // after the transaction's own commit handler
            ResultMessage<?> outcome = root.executeWithResult(() -> {
                for (Pending pending : batch) {
                    handlers.dispatch(pending.command(), (command, result) -> results.add(result));
                }
                return null;
            });
            if (outcome.isExceptional()) {
                return outcome.exceptionResult();
            }
            answer(batch, results, null);
            return null;
        } catch (Throwable t) {
            forgetUnitsOfWork();
            if (!committed[0]) {
                return t;
            }
            // Stored: an Error after the commit (an after-commit handler) must not make anyone run it again.
            log.error("{}: a batch committed, then failed; its commands are answered with their results", name, t);
            answer(batch, results, t);
            return null;
        }
    }

    private static void answer(List<Pending> batch, List<CommandResultMessage<?>> results, Throwable missing) {
        for (int i = 0; i < batch.size(); i++) {
            if (i < results.size()) {
                batch.get(i).answer(results.get(i));
            } else {
                batch.get(i).fail(missing);
            }
        }
    }

    /** A unit of work left current by a failure would become the parent of the next batch's. */
    private static void forgetUnitsOfWork() {
        while (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> stale = CurrentUnitOfWork.get();
            CurrentUnitOfWork.clear(stale);
        }
    }
}
