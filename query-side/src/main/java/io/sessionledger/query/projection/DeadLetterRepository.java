package io.sessionledger.query.projection;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code projection_dead_letter}: the records of the topic the read model lacks, each sent to the dead-letter
 * topic, and which of them a replay has applied since. A session with one not yet replayed is blocked: its
 * later events are dead-lettered behind it, so that a replay applies them all in order.
 */
@Repository
public class DeadLetterRepository {

    public static final String LIVE_TABLE = "projection_dead_letter";

    /** One dead letter as stored; {@code replayedAt} null while it waits. */
    public record Row(String topic, int partition, long offset, String key, String reason, String eventType,
                      String detail, Instant deadLetteredAt, Instant replayedAt) {
    }

    private static final String COLUMNS =
            "topic, partition_no, record_offset, record_key, reason, event_type, detail, dead_lettered_at, replayed_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String table;
    /**
     * Partitions this process knows to have nothing waiting, so that a batch there needs no query. Only the
     * instance projecting a partition adds dead letters to it, and a replay only removes them; whoever gets a
     * partition forgets what it knew of it ({@link #forget}).
     */
    private final Set<Integer> knownClear = ConcurrentHashMap.newKeySet();

    @Autowired
    public DeadLetterRepository(JdbcTemplate jdbc) {
        this(jdbc, LIVE_TABLE);
    }

    /** @param table the live dead letters, or the shadow's (same columns) */
    public DeadLetterRepository(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.table = table;
    }

    /** The keys (sessions) with a dead letter not yet replayed in these partitions: their events must wait. */
    Set<String> blockedKeys(String topic, Collection<Integer> partitions) {
        Set<Integer> unknown = new HashSet<>(partitions);
        unknown.removeAll(knownClear);
        if (unknown.isEmpty()) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        Set<Integer> waiting = new HashSet<>();
        named.query("select partition_no, record_key from " + table
                        + " where topic = :topic and partition_no in (:partitions) and replayed_at is null",
                Map.of("topic", topic, "partitions", unknown), rs -> {
                    waiting.add(rs.getInt(1));
                    keys.add(rs.getString(2));
                });
        unknown.removeAll(waiting);
        knownClear.addAll(unknown);
        keys.remove(null);
        return keys;
    }

    /** Must run in the transaction that stores the offsets past these records; a record stored already stays. */
    void record(String topic, List<Unapplied> letters, Instant at) {
        for (Unapplied letter : letters) {
            knownClear.remove(letter.record().partition());
            Integer present = jdbc.queryForObject("select count(*) from " + table
                            + " where topic = ? and partition_no = ? and record_offset = ?", Integer.class,
                    topic, letter.record().partition(), letter.record().offset());
            if (present == null || present == 0) {
                jdbc.update("insert into " + table + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, null)",
                        topic, letter.record().partition(), letter.record().offset(), letter.key(),
                        letter.reason().wireName(), letter.eventType(), letter.detail(), Timestamps.toDb(at));
            }
        }
    }

    /** After an assignment or a swap: what this process knew of these partitions may be out of date. */
    void forget(Collection<Integer> partitions) {
        knownClear.removeAll(partitions);
    }

    /** Every dead letter not yet replayed, in topic order. */
    public List<Row> waiting(String topic) {
        return jdbc.query("select " + COLUMNS + " from " + table + " where topic = ? and replayed_at is null "
                + "order by partition_no, record_offset", (rs, n) -> map(rs), topic);
    }

    /**
     * The waiting dead letters of one session, locked until the caller's transaction ends, so that two replays
     * (on two instances) never apply the same one; a second finds them replayed once the first commits.
     */
    public List<Row> lockWaiting(String topic, String key) {
        return jdbc.query("select " + COLUMNS + " from " + table + " where topic = ? and record_key = ? "
                + "and replayed_at is null order by partition_no, record_offset for update", (rs, n) -> map(rs),
                topic, key);
    }

    /** Locks one waiting dead letter without a key (see {@link #lockWaiting(String, String)}); empty when gone. */
    public List<Row> lockWaiting(String topic, int partition, long offset) {
        return jdbc.query("select " + COLUMNS + " from " + table + " where topic = ? and partition_no = ? "
                + "and record_offset = ? and replayed_at is null for update", (rs, n) -> map(rs),
                topic, partition, offset);
    }

    public void markReplayed(Row row, Instant at) {
        jdbc.update("update " + table + " set replayed_at = ? where topic = ? and partition_no = ? and record_offset = ?",
                Timestamps.toDb(at), row.topic(), row.partition(), row.offset());
    }

    /** Waiting dead letters by reason. */
    public Map<String, Long> waitingByReason(String topic) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select reason, count(*) from " + table + " where topic = ? and replayed_at is null group by reason",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, topic);
        return counts;
    }

    public long replayed(String topic) {
        Long count = jdbc.queryForObject("select count(*) from " + table + " where topic = ? and replayed_at is not null",
                Long.class, topic);
        return count == null ? 0 : count;
    }

    private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("topic"), rs.getInt("partition_no"), rs.getLong("record_offset"),
                rs.getString("record_key"), rs.getString("reason"), rs.getString("event_type"), rs.getString("detail"),
                Timestamps.fromDb(rs, "dead_lettered_at"), Timestamps.fromDb(rs, "replayed_at"));
    }
}
