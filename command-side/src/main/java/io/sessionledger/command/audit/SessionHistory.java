package io.sessionledger.command.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A session's events in order, read from the event store with their hash rows. */
@Component
public class SessionHistory {

    public record Page(List<StoredEvent> events, Long nextAfter) {
    }

    private final JdbcTemplate jdbc;

    public SessionHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events with a sequence above {@code after} (-1 for the first page), at most {@code limit}. */
    public Page page(String aggregateId, long after, int limit) {
        List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + StoredEvent.FROM
                        + " where e.aggregate_identifier = ? and e.sequence_number > ? order by e.sequence_number limit ?",
                StoredEvent::read, aggregateId, after, limit + 1);
        if (events.size() <= limit) {
            return new Page(events, null);
        }
        List<StoredEvent> page = events.subList(0, limit);
        return new Page(page, page.get(limit - 1).sequence());
    }

    public boolean exists(String aggregateId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from domain_event_entry "
                + "where aggregate_identifier = ?", Boolean.class, aggregateId));
    }
}
