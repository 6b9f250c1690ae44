package io.sessionledger.command.uniqueness;

import io.sessionledger.events.personal.KeyedHash;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Claims are row inserts in the command's own transaction: the primary key is the guarantee under
 * concurrency, so there is no check-then-insert race to lose. {@code on conflict do nothing} turns a taken
 * key into a zero count instead of an error, which would abort the whole (possibly shared) transaction.
 */
@Component
public class JdbcUniqueKeys implements UniqueKeys {

    private final JdbcTemplate jdbc;
    private final KeyedHash keyedHash;

    public JdbcUniqueKeys(JdbcTemplate jdbc, KeyedHash keyedHash) {
        this.jdbc = jdbc;
        this.keyedHash = keyedHash;
    }

    /**
     * What the table holds for a key: a keyed hash of its digest, so that a visit id (personal data) cannot be
     * recovered by hashing guesses. Keyed over the digest, not the value, so rows written before the secret
     * existed could be converted in place (LegacyPersonalData).
     */
    private String stored(UniqueKey key) {
        return keyedHash.hex("unique-key", key.hash());
    }

    @Override
    public void claim(UniqueKey key, String aggregateId) {
        int claimed = jdbc.update("insert into unique_key (key_hash, kind, aggregate_id, claimed_at) "
                        + "values (?, ?, ?, ?) on conflict do nothing",
                stored(key), key.kind().name(), aggregateId, Timestamp.from(Instant.now()));
        if (claimed == 0) {
            throw UniqueKeys.taken(key);
        }
    }

    @Override
    public void release(UniqueKey key, String aggregateId) {
        jdbc.update("delete from unique_key where key_hash = ? and aggregate_id = ?", stored(key), aggregateId);
    }

    @Override
    public java.util.Optional<String> ownerOf(UniqueKey key) {
        return jdbc.queryForList("select aggregate_id from unique_key where key_hash = ?", String.class, stored(key))
                .stream().findFirst();
    }
}
