package io.sessionledger.command.log;

import io.sessionledger.proofs.MerkleHashes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The log's leaves as the database holds them: event hashes by leaf index, and the committed size. */
public class LogStore implements LeafSource {

    private final JdbcTemplate jdbc;

    public LogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of leaves committed (every leaf below it is visible: appends commit in leaf order). */
    public long size() {
        Long size = jdbc.queryForObject("select size from ledger_log where id = 1", Long.class);
        return size == null ? 0 : size;
    }

    @Override
    public List<byte[]> leafHashes(long from, long to) {
        List<byte[]> hashes = new ArrayList<>((int) (to - from));
        long[] expected = {from};
        jdbc.query("select leaf_index, hash from event_hash where leaf_index >= ? and leaf_index < ? order by leaf_index",
                row -> {
                    if (row.getLong(1) != expected[0]++) {
                        throw new MissingLeaf(expected[0] - 1);
                    }
                    hashes.add(MerkleHashes.leaf(HexFormat.of().parseHex(row.getString(2))));
                }, from, to);
        if (hashes.size() != to - from) {
            throw new MissingLeaf(from + hashes.size());
        }
        return hashes;
    }

    /** A leaf below the log's size has no row: the log was edited around the ledger. */
    public static final class MissingLeaf extends RuntimeException {
        private final long leafIndex;

        MissingLeaf(long leafIndex) {
            super("leaf " + leafIndex + " is missing from the log", null, false, false);
            this.leafIndex = leafIndex;
        }

        public long leafIndex() {
            return leafIndex;
        }
    }
}
