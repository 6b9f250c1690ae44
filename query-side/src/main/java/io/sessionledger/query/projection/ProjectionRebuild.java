package io.sessionledger.query.projection;

import io.sessionledger.query.config.LedgerProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the SessionInfo projection from the topic into a shadow table while the live consumer keeps the
 * live table current and reads keep being served from it (with the read barrier, unchanged). Once the shadow
 * has caught up with the live positions, the live poll thread stands still between two batches while the shadow
 * takes the last few records and is swapped in, then continues
 * from the shadow's offsets: nothing is skipped or applied twice. A failed rebuild leaves the live table alone.
 */
@Service
public class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    /**
     * @param state          never-run, running (filling the shadow), done (swapped in) or failed
     * @param eventsApplied  records projected into the shadow
     * @param eventsToApply  records on the topic when the rebuild started, or more once it has applied more
     *                       (writes made meanwhile); equal to eventsApplied when done
     */
    public record Status(String state, Instant startedAt, Instant finishedAt, long eventsApplied,
                         long eventsToApply, double eventsPerSecond, String error) {
    }

    private final ProjectionConsumer consumer;
    private final ShadowTables tables;
    private final TopicOffsets topicOffsets;
    private final LedgerProperties ledger;
    private final ProjectionProperties settings;
    private final ProjectionTransaction shadowTransaction;
    private final OffsetRepository liveOffsets;
    private final Runnable replayShadowDeadLetters;

    private volatile String state = "never-run";
    private volatile String error;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile Map<Integer, Long> beginning = Map.of();
    private volatile Map<Integer, Long> target = Map.of();
    private volatile Map<Integer, Long> applied = Map.of();
    private volatile ShadowProjection running;
    private Thread filling;

    public ProjectionRebuild(ProjectionConsumer consumer, ShadowTables tables, ProjectionTransaction transaction,
                             OffsetRepository liveOffsets, TopicOffsets topicOffsets, LedgerProperties ledger,
                             ProjectionProperties settings, JdbcTemplate jdbc, DeadLetterReplayer replayer) {
        this.consumer = consumer;
        this.tables = tables;
        this.topicOffsets = topicOffsets;
        this.ledger = ledger;
        this.settings = settings;
        this.liveOffsets = liveOffsets;
        SessionInfoRepository shadowRows = new SessionInfoRepository(jdbc, ShadowTables.ROWS);
        DeadLetterRepository shadowDeadLetters = new DeadLetterRepository(jdbc, ShadowTables.DEAD_LETTERS);
        this.shadowTransaction = transaction.into(shadowRows, new OffsetRepository(jdbc, ShadowTables.OFFSETS),
                new PostgresBulkRows(jdbc, settings, ShadowTables.ROWS, true), shadowDeadLetters);
        // The live rows hold what replays applied since: the shadow replays its own dead letters before the swap.
        this.replayShadowDeadLetters = () -> {
            // The replay writes rows the shadow's projection did not: from here on it looks every session up.
            shadowTransaction.lookUpEverySession();
            replayer.replay(shadowRows, shadowDeadLetters);
        };
    }

    public synchronized Status start() {
        if ("running".equals(state)) {
            return status();
        }
        Map<Integer, Long> from = topicOffsets.beginning();
        Map<Integer, Long> to = topicOffsets.end();
        tables.recreate(ledger.topic());
        // Empty, and written by the shadow's projection alone until its dead letters are replayed.
        shadowTransaction.startEmpty(sum(to) - sum(from));
        ShadowProjection shadow = new ShadowProjection(ledger.kafkaBootstrap(), ledger.topic(), settings,
                shadowTransaction, liveOffsets, tables, consumer::pause, replayShadowDeadLetters);
        beginning = from;
        target = to;
        applied = from;
        error = null;
        finishedAt = null;
        startedAt = Instant.now();
        state = "running";
        running = shadow;
        Thread thread = new Thread(() -> fill(shadow, from), "projection-rebuild");
        thread.setDaemon(true);
        filling = thread;
        thread.start();
        return status();
    }

    private void fill(ShadowProjection shadow, Map<Integer, Long> from) {
        try {
            boolean swapped = shadow.run(from, next -> applied = next);
            finish(swapped ? "done" : "failed", swapped ? null : "stopped before the shadow caught up");
        } catch (RuntimeException e) {
            log.error("projection rebuild failed; the live read model is untouched", e);
            finish("failed", e.toString());
        }
    }

    private synchronized void finish(String outcome, String why) {
        if ("done".equals(outcome)) {
            target = applied;
        }
        error = why;
        finishedAt = Instant.now();
        state = outcome;
        running = null;
        log.info("projection rebuild {} after {} events", outcome, sum(applied) - sum(beginning));
    }

    public Status status() {
        if (startedAt == null) {
            return new Status(state, null, null, 0, 0, 0, null);
        }
        Instant end = finishedAt;
        long done = Math.max(0, sum(applied) - sum(beginning));
        long toApply = Math.max(done, sum(target) - sum(beginning));
        double seconds = Duration.between(startedAt, end != null ? end : Instant.now()).toNanos() / 1e9;
        return new Status(state, startedAt, end, done, toApply, seconds > 0 ? Math.round(done / seconds) : 0, error);
    }

    /** Stops a rebuild and waits until its thread has ended: it must not write into a closing database. */
    @Override
    public void destroy() throws InterruptedException {
        Thread thread;
        synchronized (this) {
            thread = filling;
        }
        ShadowProjection current = running;
        if (current != null) {
            current.stop();
        }
        if (thread != null) {
            thread.join();
        }
    }

    private static long sum(Map<Integer, Long> perPartition) {
        return perPartition.values().stream().mapToLong(Long::longValue).sum();
    }
}
