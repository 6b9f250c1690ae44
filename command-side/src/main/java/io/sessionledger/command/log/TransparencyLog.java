package io.sessionledger.command.log;

import io.sessionledger.proofs.NoteKey;
import io.sessionledger.proofs.SignedNote;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger-wide log: signed checkpoints, and proofs against any tree size the log has reached. */
public class TransparencyLog {

    private final JdbcTemplate jdbc;
    private final LogStore store;
    private final MerkleTree tree;
    private final NoteKey key;
    private final String origin;

    public TransparencyLog(JdbcTemplate jdbc, LogStore store, NoteKey key, String origin) {
        this.jdbc = jdbc;
        this.store = store;
        this.tree = new MerkleTree(store);
        this.key = key;
        this.origin = origin;
    }

    public NoteKey key() {
        return key;
    }

    public long size() {
        return store.size();
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("select tree_size, root_hash, note, created_at from log_checkpoint "
                        + "order by tree_size desc limit 1",
                (row, i) -> new Checkpoint(row.getLong(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant())).stream().findFirst();
    }

    /** The stored checkpoint of exactly this tree size, if one was signed. */
    public Optional<Checkpoint> at(long treeSize) {
        return jdbc.query("select tree_size, root_hash, note, created_at from log_checkpoint where tree_size = ?",
                (row, i) -> new Checkpoint(row.getLong(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant()), treeSize).stream().findFirst();
    }

    /** Signs and stores a checkpoint of the log as it is now, if it grew since the latest one (or none exists). */
    public Optional<Checkpoint> checkpoint() {
        long size = store.size();
        Optional<Checkpoint> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() >= size) {
            return Optional.empty();
        }
        byte[] root = tree.root(size);
        String note = SignedNote.sign(SignedNote.checkpointBody(origin, size, root), key);
        Checkpoint made = new Checkpoint(size, HexFormat.of().formatHex(root), note,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            jdbc.update("insert into log_checkpoint (tree_size, root_hash, note, created_at) values (?, ?, ?, ?)",
                    made.treeSize(), made.rootHash(), made.note(), Timestamp.from(made.createdAt()));
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // another instance signed this size first
        }
        return Optional.of(made);
    }

    public List<byte[]> inclusionProof(long leafIndex, long treeSize) {
        return tree.inclusionProof(leafIndex, treeSize);
    }

    /** Proofs of many leaves against one tree size, cheapest when asked in leaf order. */
    public InclusionProofs inclusionProofs(long treeSize) {
        return tree.inclusionProofs(treeSize);
    }

    public List<byte[]> consistencyProof(long from, long to) {
        return tree.consistencyProof(from, to);
    }
}
