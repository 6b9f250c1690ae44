package io.sessionledger.command.groupcommit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a lane fails: whatever a batch throws, every command is answered once, the transaction is closed, and the
 * lane goes on. Each test first parks the lane on a command that waits for a latch, so that the commands sent
 * meanwhile form the next batch together (no timing involved).
 */
class LaneFailureTest {

    /** A test command on session {@code id}; {@code behaviour} says what its handler does. */
    record Work(@TargetAggregateIdentifier String id, String behaviour) {
    }

    /** Bounds a broken lane's silence; a working lane answers in milliseconds. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(20);

    private final CountDownLatch parked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Transactions transactions = new Transactions();
    private GroupCommitCommandBus bus;

    @AfterEach
    void stop() {
        release.countDown();
        if (bus != null) {
            bus.shutdown();
        }
    }

    @Test
    void anErrorWhileStoringOneCommandFailsThatCommandOnlyAndTheLaneGoesOn() throws Exception {
        start(100);
        Map<String, CompletableFuture<CommandResultMessage<?>>> answers =
                sendWhileParked("ok-1", "error-on-store", "ok-2", "error-in-handler", "ok-3");

        assertThat(result(answers.get("ok-1"))).isEqualTo("ok-1");
        assertThat(result(answers.get("ok-2"))).isEqualTo("ok-2");
        assertThat(result(answers.get("ok-3"))).isEqualTo("ok-3");
        assertThat(rootCause(failure(answers.get("error-on-store")))).hasMessage("cannot store error-on-store");
        assertThat(rootCause(failure(answers.get("error-in-handler")))).hasMessage("handler broke");
        assertThat(result(send("ok-after"))).isEqualTo("ok-after");
        assertThat(transactions.open()).as("transactions neither committed nor rolled back").isZero();
        assertThat(transactions.rolledBack.get()).as("the failed batch, and its failure to store alone").isEqualTo(2);
    }

    @Test
    void aCommandRunAloneThatCannotEvenStartLeavesTheRestOfItsBatchAnswered() throws Exception {
        start(100);
        // 1: the parked command's batch, 2: the batch (failed by one command), 3: "ok-1" alone, which cannot start
        transactions.failStart(3);
        Map<String, CompletableFuture<CommandResultMessage<?>>> answers =
                sendWhileParked("ok-1", "exception-on-store", "ok-2");

        assertThat(failure(answers.get("ok-1"))).hasMessageContaining("no connection");
        assertThat(failure(answers.get("exception-on-store"))).hasMessageContaining("cannot store");
        assertThat(result(answers.get("ok-2"))).isEqualTo("ok-2");
        assertThat(result(send("ok-after"))).isEqualTo("ok-after");
        assertThat(transactions.open()).isZero();
    }

    @Test
    void aFullLaneRefusesAtOnceAndAnswersWhatItAlreadyHolds() throws Exception {
        start(2);
        CompletableFuture<CommandResultMessage<?>> parkedAnswer = send("park");
        assertThat(parked.await(ANSWER_BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CommandResultMessage<?>> first = send("ok-1");
        CompletableFuture<CommandResultMessage<?>> second = send("ok-1"); // same session: waits behind the first

        CompletableFuture<CommandResultMessage<?>> refused = send("ok-2");

        assertThat(refused).isDone();
        assertThat(refused.get().exceptionResult()).isInstanceOf(LaneFull.class);
        release.countDown();
        assertThat(result(parkedAnswer)).isEqualTo("park");
        assertThat(result(first)).isEqualTo("ok-1");
        assertThat(result(second)).isEqualTo("ok-1");
        assertThat(result(send("ok-2"))).isEqualTo("ok-2");
    }

    private void start(int queueLimit) {
        bus = new GroupCommitCommandBus(transactions, 1, 64, queueLimit);
        bus.subscribe(Work.class.getName(), message -> handle((Work) message.getPayload()));
    }

    private Object handle(Work work) throws InterruptedException {
        switch (work.behaviour()) {
            case "park" -> {
                parked.countDown();
                release.await();
            }
            case "error-in-handler" -> throw new AssertionError("handler broke");
            case "error-on-store" -> CurrentUnitOfWork.get().root().onPrepareCommit(uow -> {
                throw new AssertionError("cannot store " + work.id());
            });
            case "exception-on-store" -> CurrentUnitOfWork.get().root().onPrepareCommit(uow -> {
                throw new IllegalStateException("cannot store " + work.id());
            });
            default -> {
            }
        }
        return work.id();
    }

    /** Parks the lane, sends these commands (one session each), then lets the lane take them as one batch. */
    private Map<String, CompletableFuture<CommandResultMessage<?>>> sendWhileParked(String... names)
            throws Exception {
        CompletableFuture<CommandResultMessage<?>> parkedAnswer = send("park");
        assertThat(parked.await(ANSWER_BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Map<String, CompletableFuture<CommandResultMessage<?>>> answers = new LinkedHashMap<>();
        for (String name : names) {
            answers.put(name, send(name));
        }
        release.countDown();
        assertThat(result(parkedAnswer)).isEqualTo("park");
        return answers;
    }

    private CompletableFuture<CommandResultMessage<?>> send(String name) {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        CommandMessage<Work> command = GenericCommandMessage.asCommandMessage(new Work(name, name));
        bus.dispatch(command, (message, result) -> answer.complete(result));
        return answer;
    }

    private static Object result(CompletableFuture<CommandResultMessage<?>> answer) throws Exception {
        CommandResultMessage<?> result = answer.get(ANSWER_BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
        return result.getPayload();
    }

    private static Throwable failure(CompletableFuture<CommandResultMessage<?>> answer) throws Exception {
        CommandResultMessage<?> result = answer.get(ANSWER_BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(result.isExceptional()).isTrue();
        return result.exceptionResult();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Counts transactions; the n-th start can be made to fail as a database without connections would. */
    private static final class Transactions implements TransactionManager {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();
        final List<Integer> failingStarts = new ArrayList<>();

        synchronized void failStart(int nth) {
            failingStarts.add(nth);
        }

        int open() {
            return started.get() - committed.get() - rolledBack.get();
        }

        @Override
        public Transaction startTransaction() {
            int nth = attempts.incrementAndGet();
            synchronized (this) {
                if (failingStarts.contains(nth)) {
                    throw new IllegalStateException("no connection for transaction " + nth);
                }
            }
            started.incrementAndGet();
            return new Transaction() {
                @Override
                public void commit() {
                    committed.incrementAndGet();
                }

                @Override
                public void rollback() {
                    rolledBack.incrementAndGet();
                }
            };
        }
    }
}
