package io.sessionledger.command.audit;

import io.sessionledger.command.log.Checkpoint;
import io.sessionledger.command.log.LogStore;
import io.sessionledger.command.log.MerkleTree;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the whole ledger: every session's chain (the store read once, in ranges of sessions streamed side by
 * side, see {@link SessionRanges}), no hash row without its event, and the Merkle log recomputed from the hash rows
 * against every signed checkpoint (the last two beside the chains).
 */
@Component
public class LedgerVerifier {

    /** Progress of a run, readable while it goes. */
    public static final class Progress {
        public final AtomicLong eventsChecked = new AtomicLong();
        public final AtomicLong sessionsChecked = new AtomicLong();
        public final AtomicLong checkpointsChecked = new AtomicLong();
    }

    /** Ranges of sessions checked side by side: two per core, so that one's wait on the database is another's turn. */
    private static final int RANGES = 2 * Runtime.getRuntime().availableProcessors();
    private static final int PROGRESS_EVERY = 1_000;
    /** The ranges' readers and the checks beside them; a run at a time (VerificationRuns), so few threads. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ledger-verifier-range");
        thread.setDaemon(true);
        return thread;
    });

    public record Result(boolean valid, long eventsChecked, long sessionsChecked, long checkpointsChecked,
                         Failure failure) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final LogStore logStore;

    public LedgerVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, LogStore logStore) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.logStore = logStore;
    }

    public Result verify(Progress progress) {
        // The log and the orphan check need nothing from the chains: they run beside them, and the first failure is
        // still reported in the same order as before (a chain's, then an orphan, then the log's).
        AtomicBoolean logUnneeded = new AtomicBoolean();
        Future<Failure> log = THREADS.submit(() -> checkpoints(progress, logUnneeded));
        Future<Failure> orphans = THREADS.submit(this::orphans);
        Failure failure;
        try {
            failure = chains(progress);
            if (failure != null) {
                failure = SessionVerifier.earliest(failure, SessionVerifier.firstRemoved(jdbc, failure.aggregateId()));
            } else {
                failure = result(orphans);
            }
            if (failure == null) {
                failure = result(log);
            }
        } finally {
            logUnneeded.set(true); // done by now, unless a failure before it (or an error) made it moot
            await(orphans);
            await(log);
        }
        return new Result(failure == null, progress.eventsChecked.get(), progress.sessionsChecked.get(),
                progress.checkpointsChecked.get(), failure);
    }

    /**
     * Every session's chain, the sessions split into {@link #RANGES} ranges of ids read and checked side by side
     * (each on its own connection and thread, its events recomputed and checked as they are read). One reader
     * alone left cores idle: it waits while PostgreSQL makes the next rows, and PostgreSQL waits while it checks
     * them. The ledger's first failure is the first of the lowest range that has one, as one reader in id order
     * would have found it; a range stops once a lower one has failed.
     */
    private Failure chains(Progress progress) {
        List<SessionRanges.Range> ranges = SessionRanges.split(jdbc, RANGES);
        AtomicInteger lowestFailed = new AtomicInteger(Integer.MAX_VALUE);
        List<Future<Failure>> parts = new ArrayList<>();
        for (SessionRanges.Range range : ranges) {
            parts.add(THREADS.submit(() -> chains(range, progress, lowestFailed)));
        }
        Failure first = null;
        for (Future<Failure> part : parts) { // in range order: all are awaited, so none holds a connection after
            Failure failure = result(part);
            first = first == null ? failure : first;
        }
        return first;
    }

    private Failure chains(SessionRanges.Range range, Progress progress, AtomicInteger lowestFailed) {
        return readOnly.execute(status -> {
            RangeCheck check = new RangeCheck(range.index(), progress, lowestFailed);
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            // 1,000 rows a fetch (~1.5 MB): with 5,000, the four ranges' fetched rows (~30 MB) were alive at every
            // young collection and copied by it (JFR: pauses of ~28 ms, a concurrent cycle every few seconds).
            streaming.setFetchSize(1000);
            try {
                streaming.query(connection -> {
                    readAlongTheIndex(connection);
                    PreparedStatement statement = binary(connection.prepareStatement("select " + StoredEvent.COLUMNS
                            + StoredEvent.FROM + " where " + range.where()
                            + " order by e.aggregate_identifier, e.sequence_number"));
                    Object[] arguments = range.arguments();
                    for (int i = 0; i < arguments.length; i++) {
                        statement.setObject(i + 1, arguments[i]);
                    }
                    return statement;
                }, check::accept);
            } catch (RangeCheck.Stopped stopped) {
                // this range failed, or a lower one did: nothing more to read
            } finally {
                check.flush();
            }
            return check.failure;
        });
    }

    /** One range's sessions, read in id and sequence order. */
    private static final class RangeCheck {

        /** Ends the range's read early (not an error). */
        static final class Stopped extends RuntimeException {
            Stopped() {
                super(null, null, false, false);
            }
        }

        private final int index;
        private final Progress progress;
        private final AtomicInteger lowestFailed;
        private String current;
        private SessionChain chain;
        private long events;
        private long sessions;
        Failure failure;

        RangeCheck(int index, Progress progress, AtomicInteger lowestFailed) {
            this.index = index;
            this.progress = progress;
            this.lowestFailed = lowestFailed;
        }

        void accept(ResultSet row) throws SQLException {
            if (lowestFailed.get() < index) {
                throw new Stopped();
            }
            StoredEvent event = StoredEvent.read(row, 0);
            if (!event.aggregateId().equals(current)) {
                current = event.aggregateId();
                chain = new SessionChain();
                sessions++;
            }
            chain.accept(event, recompute(event));
            if (++events == PROGRESS_EVERY) {
                flush();
            }
            if (chain.failure().isPresent()) {
                failure = chain.failure().get();
                lowestFailed.accumulateAndGet(index, Math::min);
                throw new Stopped();
            }
        }

        /** Progress is counted in steps: one shared counter bumped per event by every range would be fought over. */
        void flush() {
            progress.eventsChecked.addAndGet(events);
            progress.sessionsChecked.addAndGet(sessions);
            events = 0;
            sessions = 0;
        }
    }

    private static Failure result(Future<Failure> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("verification failed", e.getCause());
        }
    }

    /** Waits for a side task that is no longer needed (after a failure elsewhere), whatever it gave. */
    private static void await(Future<Failure> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // its outcome no longer counts
        }
    }

    /**
     * On PostgreSQL, rows in the binary format from the first one: the driver switches a statement to it only after
     * a few executions, and this one runs once; in text, decoding each payload's hex took a third of the reader.
     */
    private static PreparedStatement binary(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }

    /**
     * On PostgreSQL, a range's query is read along the {@code (aggregate_identifier, sequence_number)} index, one
     * backend each (this transaction only). Left to itself the planner scanned the whole table in global order for
     * every range (four ranges: four scans of it, each keeping a quarter), joined it to the hash rows, and sorted
     * the quarter on disk (~270 MB a range), in two parallel workers per range whose ~1 KB rows all went through the
     * leader's queue: twelve backends on two cores. Read along the index there is nothing to sort, and each hash
     * row is one probe of its primary key. EXPLAIN ANALYZE, in turns, on the benchmark's store (1.1 million
     * events): a quarter of the benchmark's filled sessions, whose ids follow the order they were written in,
     * 0.77-0.85 s against 2.1-3.8 s; the 135,000 events of sessions with random ids (each event a random heap
     * page), 0.9-1.6 s against 1.1-1.7 s. The whole-table scans grow with the table, the index reads with the
     * range. The order of the rows is the query's {@code order by} either way.
     */
    private static void readAlongTheIndex(Connection connection) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local max_parallel_workers_per_gather = 0");
                statement.execute("set local enable_sort = off");
            }
        }
    }

    /**
     * The event's hash over its content and its own previous hash; null when it has no hash row or its content
     * cannot be read, which the chain check then finds and reports itself.
     */
    private static String recompute(StoredEvent event) {
        if (event.hash() == null || event.previousHash() == null) {
            return null;
        }
        try {
            return event.content().hash(event.previousHash());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Failure orphans() {
        List<Failure> orphans = jdbc.query("select h.aggregate_id, h.sequence_number, h.event_identifier, "
                + "h.global_index, h.leaf_index from event_hash h where not exists (select 1 from domain_event_entry e "
                + "where e.global_index = h.global_index) order by h.leaf_index limit 1", (row, i) -> new Failure(
                "removed", row.getString(1), row.getLong(2), row.getString(3), row.getLong(4), row.getLong(5),
                "the event was hashed into the log and is no longer in the store"));
        return orphans.isEmpty() ? null : orphans.get(0);
    }

    private Failure checkpoints(Progress progress, AtomicBoolean unneeded) {
        MerkleTree fresh = new MerkleTree(logStore); // nothing cached from before: every leaf is read again
        List<Checkpoint> checkpoints = jdbc.query("select tree_size, root_hash, note, created_at from log_checkpoint "
                + "order by tree_size", (row, i) -> new Checkpoint(row.getLong(1), row.getString(2), row.getString(3),
                row.getTimestamp(4).toInstant()));
        for (Checkpoint checkpoint : checkpoints) {
            if (unneeded.get()) {
                return null; // an earlier failure is the one reported
            }
            String root;
            try {
                root = HexFormat.of().formatHex(fresh.root(checkpoint.treeSize()));
            } catch (LogStore.MissingLeaf e) {
                return new Failure("removed", null, null, null, null, e.leafIndex(), e.getMessage());
            }
            if (!root.equals(checkpoint.rootHash())) {
                return new Failure("log", null, null, null, null, null, "the log's leaves no longer give the root "
                        + "signed in the checkpoint of tree size " + checkpoint.treeSize());
            }
            progress.checkpointsChecked.incrementAndGet();
        }
        return null;
    }
}
