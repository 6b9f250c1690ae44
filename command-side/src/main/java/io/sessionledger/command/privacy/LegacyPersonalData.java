package io.sessionledger.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.personal.KeyedHash;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.personal.SealedValue;
import io.sessionledger.events.session.SessionEventTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings what earlier versions stored up to crypto-shredding, once, at start, before the server takes requests
 * (called by {@code LegacyChains} before it hashes): unique-key rows get their keyed hash, and events that hold
 * personal data in clear get it sealed and their subject replaced by its keyed hash.
 *
 * <p>Rewriting an event changes its hash, so when any event was rewritten the hash chain and the Merkle log are
 * built again from the rewritten store (LegacyChains does it right after), and the checkpoints signed over the
 * old log are dropped: the log starts over, a one-time event recorded in {@code personal_data_migration}
 * (docs/decisions.md, "Personal data and erasure").
 */
public class LegacyPersonalData {

    private static final Logger log = LoggerFactory.getLogger(LegacyPersonalData.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 2000;
    static final String UNIQUE_KEYS = "unique-keys-keyed";
    static final String EVENTS = "events-sealed";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SubjectKeys keys;
    private final KeyedHash keyedHash;

    public LegacyPersonalData(JdbcTemplate jdbc, PlatformTransactionManager transactions, SubjectKeys keys,
                              KeyedHash keyedHash) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.keys = keys;
        this.keyedHash = keyedHash;
    }

    /** Returns true when events were rewritten: the chain and the log must then be built again. */
    public boolean migrate() {
        if (!done(UNIQUE_KEYS)) {
            transaction.executeWithoutResult(status -> keyUniqueKeys());
        }
        if (done(EVENTS)) {
            return false;
        }
        long rewritten = 0;
        Map<String, String> subjectOfSession = new HashMap<>();
        long after = -1;
        while (true) {
            long from = after;
            Long[] last = {null};
            Long count = transaction.execute(status -> sealChunk(from, last, subjectOfSession));
            rewritten += count == null ? 0 : count;
            if (last[0] == null) {
                break;
            }
            after = last[0];
        }
        long total = rewritten;
        transaction.executeWithoutResult(status -> {
            if (total > 0) {
                jdbc.update("delete from event_hash");
                jdbc.update("update ledger_log set size = 0 where id = 1");
                jdbc.update("delete from log_checkpoint");
            }
            mark(EVENTS);
        });
        if (total > 0) {
            log.warn("sealed the personal data of {} events written before crypto-shredding; the hash chain and the "
                    + "Merkle log are rebuilt from the rewritten store and earlier checkpoints are withdrawn", total);
        }
        return total > 0;
    }

    private void keyUniqueKeys() {
        List<String> hashes = jdbc.queryForList("select key_hash from unique_key", String.class);
        List<Object[]> updates = new ArrayList<>(hashes.size());
        for (String hash : hashes) {
            updates.add(new Object[] {keyedHash.hex("unique-key", hash), hash});
        }
        jdbc.batchUpdate("update unique_key set key_hash = ? where key_hash = ?", updates);
        mark(UNIQUE_KEYS);
    }

    private long sealChunk(long after, Long[] last, Map<String, String> subjectOfSession) {
        List<Object[]> rows = jdbc.query("select global_index, aggregate_identifier, payload_type, payload "
                        + "from domain_event_entry where global_index > ? order by global_index limit " + CHUNK,
                (row, n) -> new Object[] {row.getLong(1), row.getString(2), row.getString(3), row.getBytes(4)}, after);
        long rewritten = 0;
        List<Object[]> updates = new ArrayList<>();
        for (Object[] row : rows) {
            last[0] = (Long) row[0];
            Optional<byte[]> sealed = seal((String) row[1], (String) row[2], (byte[]) row[3], subjectOfSession);
            if (sealed.isPresent()) {
                updates.add(new Object[] {sealed.get(), row[0]});
                rewritten++;
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update domain_event_entry set payload = ? where global_index = ?", updates);
        }
        keys.flush();
        return rewritten;
    }

    /** The event's payload with its personal data sealed, or empty when it holds none in clear. */
    private Optional<byte[]> seal(String aggregateId, String payloadType, byte[] payload,
                                  Map<String, String> subjectOfSession) {
        Class<?> type = SessionEventTypes.ALL.stream().map(SessionEventTypes.Type::payloadType)
                .filter(known -> known.getName().equals(payloadType)).findFirst().orElse(null);
        String subjectField = type == null ? null : PersonalFields.subjectField(type);
        if (subjectField == null) {
            return Optional.empty();
        }
        ObjectNode data = parse(payload);
        String subject = data.path(subjectField).textValue();
        boolean clearSubject = subject != null && !KeyedHash.isSubjectRef(subject);
        SessionRef session = SessionRef.parse(aggregateId);
        if (subject == null || subject.startsWith("session:")) {
            // Earlier versions named a Kore user's session after itself; its user is the subject now.
            String user = data.path("parties").path("userReference").textValue();
            subject = user != null && !SealedValue.isSealed(user) ? user
                    : subjectOfSession.getOrDefault(aggregateId, "session:" + aggregateId);
        }
        if (user(data) != null) {
            subjectOfSession.put(aggregateId, subject);
        }
        String ref = KeyedHash.isSubjectRef(subject) ? subject : keyedHash.subjectRef(session.tenantId(), subject);
        String finalRef = ref;
        boolean sealedAny = PersonalFields.seal(type, data, (field, clear) ->
                SealedValue.seal(keys.sealingKey(session.tenantId(), finalRef, aggregateId), field, clear));
        if (!sealedAny && !clearSubject) {
            return Optional.empty();
        }
        data.put(subjectField, ref);
        try {
            return Optional.of(JSON.writeValueAsBytes(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String user(ObjectNode data) {
        String user = data.path("parties").path("userReference").textValue();
        return user != null && !SealedValue.isSealed(user) ? user : null;
    }

    private static ObjectNode parse(byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("a stored session event is not a JSON object");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean done(String step) {
        Integer count = jdbc.queryForObject("select count(*) from personal_data_migration where step = ?",
                Integer.class, step);
        return count != null && count > 0;
    }

    private void mark(String step) {
        jdbc.update("insert into personal_data_migration (step, done_at) values (?, ?)", step,
                Timestamp.from(Instant.now()));
    }
}
