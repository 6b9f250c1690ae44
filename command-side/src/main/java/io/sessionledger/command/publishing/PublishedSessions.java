package io.sessionledger.command.publishing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The shared record of what Kafka has acknowledged: per session, the latest version and where it sits. The
 * publisher writes it once per batch, after the acks and in the transaction of its token; every command-side
 * instance can read it, so a write waits for its publication whichever instance publishes it.
 */
@Component
public class PublishedSessions {

    /** Kafka acknowledged the session's events up to {@code version}, the last at {@code position}. */
    public record Acked(long version, PublishedPosition position) {
    }

    /**
     * On PostgreSQL an upsert that cannot fail on a row another transaction inserts meanwhile (a group commit and
     * the catch-up reader may both record one session: the write path's ack, and the reader's second copy): a
     * bookkeeping row must never fail the group commit that carries it. MERGE may, under such a race.
     */
    private static final String UPSERT = "insert into published_session as p "
            + "(aggregate_id, version, kafka_partition, kafka_offset) values (?, ?, ?, ?) "
            + "on conflict (aggregate_id) do update set version = excluded.version, "
            + "kafka_partition = excluded.kafka_partition, kafka_offset = excluded.kafka_offset "
            + "where p.version < excluded.version";
    // Standard MERGE (H2, the local default): the version guard keeps a re-sent older batch from moving a row back.
    private static final String MERGE = "merge into published_session p "
            + "using (values (?, ?, ?, ?)) as v (aggregate_id, version, kafka_partition, kafka_offset) "
            + "on p.aggregate_id = v.aggregate_id "
            + "when matched and p.version < v.version then update set version = v.version, "
            + "kafka_partition = v.kafka_partition, kafka_offset = v.kafka_offset "
            + "when not matched then insert (aggregate_id, version, kafka_partition, kafka_offset) "
            + "values (v.aggregate_id, v.version, v.kafka_partition, v.kafka_offset)";
    private static final int IDS_PER_QUERY = 1_000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private volatile String record;

    public PublishedSessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    private String recordStatement() {
        String statement = record;
        if (statement == null) {
            String product = jdbc.execute((java.sql.Connection connection) ->
                    connection.getMetaData().getDatabaseProductName());
            statement = "PostgreSQL".equalsIgnoreCase(product) ? UPSERT : MERGE;
            record = statement;
        }
        return statement;
    }

    /**
     * One statement per session, sent as one batch; joins the caller's transaction. Rows go in session order, so
     * that two transactions writing some of the same rows (a group commit, the catch-up reader) lock them in one
     * order and cannot deadlock.
     */
    public void record(Map<String, Acked> latest) {
        if (latest.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(latest.size());
        new TreeMap<>(latest).forEach((id, acked) -> rows.add(new Object[] {id, acked.version(),
                acked.position().partition(), acked.position().offset()}));
        jdbc.batchUpdate(recordStatement(), rows);
    }

    public Optional<Acked> find(String aggregateId) {
        return Optional.ofNullable(find(List.of(aggregateId)).get(aggregateId));
    }

    public Map<String, Acked> find(Collection<String> aggregateIds) {
        Map<String, Acked> found = new HashMap<>();
        List<String> ids = List.copyOf(aggregateIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            named.query("select aggregate_id, version, kafka_partition, kafka_offset from published_session "
                            + "where aggregate_id in (:ids)",
                    Map.of("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))),
                    rs -> {
                        found.put(rs.getString(1), new Acked(rs.getLong(2),
                                new PublishedPosition(rs.getInt(3), rs.getLong(4))));
                    });
        }
        return found;
    }
}
