package io.sessionledger.command.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Verifies one session's hash chain from the tables (never a cache). */
@Component
public class SessionVerifier {

    public record Result(boolean valid, long eventsChecked, String headHash, Failure failure) {
    }

    private final JdbcTemplate jdbc;

    public SessionVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Result verify(String aggregateId) {
        SessionChain chain = new SessionChain();
        jdbc.query("select " + StoredEvent.COLUMNS + StoredEvent.FROM
                        + " where e.aggregate_identifier = ? order by e.sequence_number",
                row -> {
                    chain.accept(StoredEvent.read(row, 0));
                }, aggregateId);
        Failure failure = earliest(chain.failure().orElse(null), firstRemoved(jdbc, aggregateId));
        return new Result(failure == null, chain.checked(), failure == null ? chain.head() : null, failure);
    }

    /** The session's first event that was hashed and is gone from the store, or null. */
    static Failure firstRemoved(JdbcTemplate jdbc, String aggregateId) {
        List<Failure> removed = jdbc.query("select h.global_index, h.event_identifier, h.sequence_number, h.leaf_index "
                + "from event_hash h where h.aggregate_id = ? and not exists (select 1 from domain_event_entry e "
                + "where e.global_index = h.global_index) order by h.sequence_number limit 1", (row, i) -> new Failure(
                "removed", aggregateId, row.getLong(3), row.getString(2), row.getLong(1), row.getLong(4),
                "the event was hashed into the log and is no longer in the store"), aggregateId);
        return removed.isEmpty() ? null : removed.get(0);
    }

    /** Of two failures in one session, the one at the earlier sequence (a removed event names itself). */
    static Failure earliest(Failure chained, Failure removed) {
        if (chained == null || removed == null) {
            return chained == null ? removed : chained;
        }
        return removed.sequence() <= chained.sequence() ? removed : chained;
    }
}
