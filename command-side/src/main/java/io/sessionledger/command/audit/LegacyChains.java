package io.sessionledger.command.audit;

import io.sessionledger.command.privacy.LegacyPersonalData;
import io.sessionledger.proofs.EventContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events stored before hashing existed get their hash rows at start, before the server takes requests: in
 * global order, chained per session, appended to the log under its size row's lock, a chunk per transaction.
 * A no-op (one query) once every event has its row.
 */
@Component
public class LegacyChains implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LegacyChains.class);
    private static final int CHUNK = 5000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LegacyPersonalData personalData;

    public LegacyChains(JdbcTemplate jdbc, PlatformTransactionManager transactions, LegacyPersonalData personalData) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.personalData = personalData;
    }

    @Override
    public void afterSingletonsInstantiated() {
        personalData.migrate(); // first: sealing older events changes their hashes, and then every hash is redone
        long total = 0;
        for (int done = CHUNK; done == CHUNK; ) {
            Integer chunk = transaction.execute(status -> chunk());
            done = chunk == null ? 0 : chunk;
            total += done;
        }
        if (total > 0) {
            log.info("hashed {} events written before the hash chain existed", total);
        }
    }

    private int chunk() {
        List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + StoredEvent.FROM
                + " where h.global_index is null order by e.global_index limit " + CHUNK, StoredEvent::read);
        if (events.isEmpty()) {
            return 0;
        }
        jdbc.update("update ledger_log set size = size + ? where id = 1", events.size());
        long leaf = jdbc.queryForObject("select size from ledger_log where id = 1", Long.class) - events.size();
        Map<String, LastHashes.Last> latest = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            String previous = previous(event, latest);
            String hash = event.content().hash(previous);
            latest.put(event.aggregateId(), new LastHashes.Last(event.sequence(), hash));
            rows.add(new Object[] {event.position(), event.eventId(), event.aggregateId(), event.sequence(), hash,
                    previous, leaf++});
        }
        jdbc.batchUpdate("insert into event_hash (global_index, event_identifier, aggregate_id, sequence_number, hash, "
                + "previous_hash, leaf_index) values (?, ?, ?, ?, ?, ?, ?)", rows);
        return events.size();
    }

    private String previous(StoredEvent event, Map<String, LastHashes.Last> latest) {
        if (event.sequence() == 0) {
            return EventContent.GENESIS;
        }
        LastHashes.Last last = latest.get(event.aggregateId());
        if (last != null && last.sequence() == event.sequence() - 1) {
            return last.hash();
        }
        List<String> stored = jdbc.queryForList("select hash from event_hash where aggregate_id = ? "
                + "and sequence_number = ?", String.class, event.aggregateId(), event.sequence() - 1);
        return stored.isEmpty() ? EventContent.GENESIS : stored.get(0);
    }
}
