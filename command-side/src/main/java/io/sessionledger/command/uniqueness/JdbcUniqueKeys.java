package io.sessionledger.command.uniqueness;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims are row inserts in the command's own transaction: the primary key is the guarantee under
 * concurrency, so there is no check-then-insert race to lose.
 */
@Component
public class JdbcUniqueKeys implements UniqueKeys {

    private final JdbcTemplate jdbc;

    public JdbcUniqueKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(UniqueKey key, String aggregateId) {
        try {
            jdbc.update("insert into unique_key (key_hash, kind, aggregate_id, claimed_at) values (?, ?, ?, ?)",
                    key.hash(), key.kind().name(), aggregateId, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException e) {
            throw UniqueKeys.taken(key);
        }
    }
}
