package io.sessionledger.command.audit;

import io.sessionledger.command.log.Checkpoint;
import io.sessionledger.command.log.LogStore;
import io.sessionledger.command.log.MerkleTree;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the whole ledger: every session's chain (the store read once, streamed in session order, the hashes
 * recomputed ahead on every core by {@link WorkAhead}), no hash row without its event, and the Merkle log
 * recomputed from the hash rows against every signed checkpoint.
 */
@Component
public class LedgerVerifier {

    /** Progress of a run, readable while it goes. */
    public static final class Progress {
        public final AtomicLong eventsChecked = new AtomicLong();
        public final AtomicLong sessionsChecked = new AtomicLong();
        public final AtomicLong checkpointsChecked = new AtomicLong();
    }

    /** Events whose hashes one task recomputes ahead of the checks. */
    private static final int HASH_BATCH = 2_000;

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
        Failure failure = readOnly.execute(status -> chains(progress));
        if (failure != null) {
            failure = SessionVerifier.earliest(failure, SessionVerifier.firstRemoved(jdbc, failure.aggregateId()));
        } else {
            failure = orphans();
        }
        if (failure == null) {
            failure = checkpoints(progress);
        }
        return new Result(failure == null, progress.eventsChecked.get(), progress.sessionsChecked.get(),
                progress.checkpointsChecked.get(), failure);
    }

    private Failure chains(Progress progress) {
        Failure[] first = {null};
        String[] current = {null};
        SessionChain[] chain = {null};
        WorkAhead<StoredEvent, String> checks = new WorkAhead<>(HASH_BATCH, LedgerVerifier::recompute,
                (event, recomputed) -> {
                    if (first[0] != null) {
                        return;
                    }
                    if (!event.aggregateId().equals(current[0])) {
                        current[0] = event.aggregateId();
                        chain[0] = new SessionChain();
                        progress.sessionsChecked.incrementAndGet();
                    }
                    chain[0].accept(event, recomputed);
                    progress.eventsChecked.incrementAndGet();
                    first[0] = chain[0].failure().orElse(null);
                });
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(5000);
        try {
            streaming.query(connection -> binary(connection.prepareStatement("select " + StoredEvent.COLUMNS
                    + StoredEvent.FROM + " order by e.aggregate_identifier, e.sequence_number")), row -> {
                        if (first[0] == null) {
                            ahead(() -> checks.add(StoredEvent.read(row, 0)));
                        }
                    });
            ahead(checks::finish);
        } finally {
            checks.abandon();
        }
        return first[0];
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
     * The event's hash over its content and its own previous hash, computed ahead on another core; null when it
     * has no hash row or its content cannot be read, which the chain check then finds and reports itself.
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

    private interface Step {
        void run() throws Exception;
    }

    private static void ahead(Step step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("verification interrupted", e);
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

    private Failure checkpoints(Progress progress) {
        MerkleTree fresh = new MerkleTree(logStore); // nothing cached from before: every leaf is read again
        List<Checkpoint> checkpoints = jdbc.query("select tree_size, root_hash, note, created_at from log_checkpoint "
                + "order by tree_size", (row, i) -> new Checkpoint(row.getLong(1), row.getString(2), row.getString(3),
                row.getTimestamp(4).toInstant()));
        for (Checkpoint checkpoint : checkpoints) {
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
