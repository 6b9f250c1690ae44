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
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread. It takes whatever commands are waiting (up to {@code maxBatch}, never two for the same
 * aggregate, no artificial delay), runs each in a nested unit of work under one root unit of work that owns
 * the transaction, and answers each command only once that transaction has committed. If the commit fails,
 * every command of the batch is run again alone, so one bad command cannot take the others down with it.
 */
final class Lane {

    private static final Logger log = LoggerFactory.getLogger(Lane.class);
    private static final AnnotationRoutingStrategy ROUTING = AnnotationRoutingStrategy.defaultStrategy();

    @SuppressWarnings({"rawtypes", "unchecked"})
    private record Pending(CommandMessage command, CommandCallback callback) {
        String aggregate() {
            return ROUTING.getRoutingKey(command);
        }

        void answer(CommandResultMessage<?> result) {
            callback.onResult(command, result);
        }
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Deque<Pending> deferred = new ArrayDeque<>();
    private final SimpleCommandBus handlers;
    private final TransactionManager transactions;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean running = true;

    Lane(String name, SimpleCommandBus handlers, TransactionManager transactions, int maxBatch) {
        this.handlers = handlers;
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    static String routingKey(CommandMessage<?> command) {
        return ROUTING.getRoutingKey(command);
    }

    void submit(CommandMessage<?> command, CommandCallback<?, ?> callback) {
        queue.add(new Pending(command, callback));
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    private void run() {
        while (running) {
            try {
                List<Pending> batch = nextBatch();
                if (!batch.isEmpty() && !commitTogether(batch)) {
                    batch.forEach(pending -> commitTogether(List.of(pending)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("group commit lane failed a batch", e);
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
        return batch;
    }

    /** @return false when the transaction did not commit; nothing of the batch has been answered then */
    private boolean commitTogether(List<Pending> batch) {
        List<CommandResultMessage<?>> results = new ArrayList<>(batch.size());
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(batch.get(0).command());
        root.attachTransaction(transactions);
        ResultMessage<?> outcome = root.executeWithResult(() -> {
            for (Pending pending : batch) {
                handlers.dispatch(pending.command(), (command, result) -> results.add(result));
            }
            return null;
        });
        if (outcome.isExceptional()) {
            if (batch.size() == 1) {
                batch.get(0).answer(GenericCommandResultMessage.asCommandResultMessage(outcome.exceptionResult()));
                return true;
            }
            log.debug("batch of {} did not commit, running its commands alone: {}", batch.size(),
                    outcome.exceptionResult().toString());
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer(results.get(i));
        }
        return true;
    }
}
