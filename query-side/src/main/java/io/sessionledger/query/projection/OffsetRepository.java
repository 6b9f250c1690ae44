package io.sessionledger.query.projection;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code projection_offset}: where the projection resumes, per partition. */
@Repository
public class OffsetRepository {

    public static final String LIVE_TABLE = "projection_offset";

    private final JdbcTemplate jdbc;
    private final String table;

    @Autowired
    public OffsetRepository(JdbcTemplate jdbc) {
        this(jdbc, LIVE_TABLE);
    }

    /** @param table the live offsets, or the shadow's (same columns) */
    public OffsetRepository(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    public Map<Integer, Long> nextOffsets(String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        jdbc.query("select partition_no, next_offset from " + table + " where topic = ?",
                rs -> {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }, topic);
        return offsets;
    }

    /**
     * Stores the offsets only on top of the ones this writer read them after: a compare-and-set on each
     * partition's row, in the transaction that wrote the rows they cover, so that two instances that both think
     * they project a partition (one of them not yet told it lost it) never commit over one another.
     *
     * @param storedBefore the stored offset each partition had when the batch was read (absent: no row yet)
     * @param redelivered  per partition, the batch's records that were copies of events already held
     * @throws PositionMoved when a partition's row holds something else now; the transaction must roll back
     */
    public void save(String topic, Map<Integer, Long> nextOffsets, Map<Integer, Long> storedBefore,
                     Map<Integer, Long> redelivered) {
        nextOffsets.forEach((partition, next) -> {
            Long before = storedBefore.get(partition);
            long copies = redelivered.getOrDefault(partition, 0L);
            if (before == null) {
                try {
                    jdbc.update("insert into " + table + " (topic, partition_no, next_offset, redelivered) "
                            + "values (?, ?, ?, ?)", topic, partition, next, copies);
                } catch (DuplicateKeyException e) {
                    throw new PositionMoved(topic, partition, null);
                }
            } else if (jdbc.update("update " + table + " set next_offset = ?, redelivered = redelivered + ? "
                    + "where topic = ? and partition_no = ? and next_offset = ?",
                    next, copies, topic, partition, before) == 0) {
                throw new PositionMoved(topic, partition, before);
            }
        });
    }

    public void save(String topic, Map<Integer, Long> nextOffsets, Map<Integer, Long> storedBefore) {
        save(topic, nextOffsets, storedBefore, Map.of());
    }

    /** For the only writer of this table (a rebuild's shadow); must run in the transaction that wrote the rows. */
    public void saveAlone(String topic, Map<Integer, Long> nextOffsets, Map<Integer, Long> redelivered) {
        nextOffsets.forEach((partition, next) -> {
            long copies = redelivered.getOrDefault(partition, 0L);
            int updated = jdbc.update("update " + table + " set next_offset = ?, redelivered = redelivered + ? "
                    + "where topic = ? and partition_no = ?", next, copies, topic, partition);
            if (updated == 0) {
                jdbc.update("insert into " + table + " (topic, partition_no, next_offset, redelivered) "
                        + "values (?, ?, ?, ?)", topic, partition, next, copies);
            }
        });
    }

    public void save(String topic, Map<Integer, Long> nextOffsets) {
        saveAlone(topic, nextOffsets, Map.of());
    }

    /** Per partition, how many records below its stored offset were copies of events already projected. */
    public Map<Integer, Long> redelivered(String topic) {
        Map<Integer, Long> copies = new HashMap<>();
        jdbc.query("select partition_no, redelivered from " + table + " where topic = ?",
                rs -> {
                    copies.put(rs.getInt(1), rs.getLong(2));
                }, topic);
        return copies;
    }
}
