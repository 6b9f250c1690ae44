package io.sessionledger.query.projection;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
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

    /** Must run in the transaction that wrote the rows these offsets cover. */
    public void save(String topic, Map<Integer, Long> nextOffsets) {
        nextOffsets.forEach((partition, next) -> {
            int updated = jdbc.update(
                    "update " + table + " set next_offset = ? where topic = ? and partition_no = ?",
                    next, topic, partition);
            if (updated == 0) {
                jdbc.update("insert into " + table + " (topic, partition_no, next_offset) values (?, ?, ?)",
                        topic, partition, next);
            }
        });
    }
}
