package io.sessionledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sessionledger.events.SessionRef;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.session.PersonalDataErased;
import io.sessionledger.query.privacy.PersonalDataKeys;
import java.util.HashSet;
import java.util.Set;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.cloudevents.Received;
import io.sessionledger.events.session.SessionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects one poll batch in one database transaction: the rows and the next offsets commit together,
 * so a crash anywhere leaves either both or neither, and no event is lost or applied twice. A record it cannot
 * apply is sent to the dead-letter topic, and acknowledged, before that transaction commits.
 */
@Component
public class ProjectionTransaction {

    /** Below this many records a batch decodes on the poll thread alone (live traffic: a handful). */
    private static final int PARALLEL_DECODE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(ProjectionTransaction.class);

    /** A record decoded into an event this version can apply. */
    public record Decoded(ConsumerRecord<byte[], byte[]> record, String aggregateId, CloudEvent envelope,
                          SessionEvent event) {
    }

    private final CloudEventCodec codec;
    private final SessionInfoRepository sessions;
    private final OffsetRepository offsets;
    private final PostgresBulkRows bulkRows;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final PersonalDataKeys personalData;
    private final Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();
    private final DeadLetterRepository deadLetters;
    private final DeadLetterSender deadLetterSender;
    /** Set while this writes into a table it alone has written since it was empty (a rebuild's shadow). */
    private volatile WrittenSessions written;

    public ProjectionTransaction(CloudEventCodec codec, SessionInfoRepository sessions, OffsetRepository offsets,
                                 PostgresBulkRows bulkRows, TransactionTemplate transactions, MeterRegistry meters,
                                 DeadLetterRepository deadLetters, DeadLetterSender deadLetterSender,
                                 PersonalDataKeys personalData) {
        this.codec = codec;
        this.personalData = personalData;
        this.sessions = sessions;
        this.offsets = offsets;
        this.bulkRows = bulkRows;
        this.transactions = transactions;
        this.meters = meters;
        this.deadLetters = deadLetters;
        this.deadLetterSender = deadLetterSender;
    }

    /** The same projection writing into other tables: the shadow a rebuild fills while this one stays live. */
    ProjectionTransaction into(SessionInfoRepository rows, OffsetRepository rowOffsets, PostgresBulkRows bulk,
                               DeadLetterRepository rowDeadLetters) {
        return new ProjectionTransaction(codec, rows, rowOffsets, bulk, transactions, meters, rowDeadLetters,
                deadLetterSender, personalData);
    }

    /**
     * A poll batch decoded, not yet applied: decoding needs no database, so it can overlap a commit.
     *
     * @param undecoded    the records that did not decode into an event this version can apply
     * @param storedBefore the stored offsets the batch was read after, per partition (absent: none stored); null
     *                     when the writer is the table's only one (a rebuild's shadow, a test)
     */
    record DecodedBatch(List<Decoded> events, List<Unapplied> undecoded, Map<Integer, Long> nextOffsets,
                        Map<Integer, Long> storedBefore) {

        /** This batch, to be stored only on top of these stored offsets (see {@link OffsetRepository#save}). */
        DecodedBatch readAfter(Map<Integer, Long> stored) {
            Map<Integer, Long> before = new HashMap<>();
            nextOffsets.keySet().forEach(partition -> {
                if (stored.containsKey(partition)) {
                    before.put(partition, stored.get(partition));
                }
            });
            return new DecodedBatch(events, undecoded, nextOffsets, before);
        }
    }

    /**
     * The table starts empty and nothing but this writes into it until {@link #lookUpEverySession}: a batch then
     * looks up only the sessions it may have written before (a rebuild's shadow; most of a batch's sessions are
     * new there).
     *
     * @param expectedSessions about how many sessions it will hold (more only costs lookups)
     */
    void startEmpty(long expectedSessions) {
        written = new WrittenSessions(expectedSessions);
    }

    /** Someone else writes into the table from now on (dead letters replayed into it): look every session up. */
    void lookUpEverySession() {
        written = null;
    }

    /** Partitions this process projects from now on (or again): what it knew of their dead letters is stale. */
    void partitionsMoved(java.util.Collection<Integer> partitions) {
        deadLetters.forget(partitions);
    }

    /** @return the next offset of every partition the batch touched, as committed */
    public Map<Integer, Long> apply(String topic, List<ConsumerRecord<byte[], byte[]>> batch) {
        return commit(topic, decode(batch));
    }

    DecodedBatch decode(Iterable<ConsumerRecord<byte[], byte[]>> batch) {
        Map<Integer, Long> nextOffsets = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
            records.add(record);
        }
        // Catching up, decoding is the poll thread's largest cost (JFR: ~60% of it in a rebuild), and each
        // record decodes on its own: big batches use every core. The result keeps the records' order.
        // Sealed personal data needs its keys: all of the batch's at once, before any record is decoded (a failure
        // to get them fails the batch, to be retried, never a record skipped).
        // Each record is searched once, on every core too, and decoded with the opener only when it holds any.
        boolean parallel = records.size() >= PARALLEL_DECODE;
        Set<String> keyIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
        boolean[] sealed = new boolean[records.size()];
        IntStream indexes = IntStream.range(0, records.size());
        (parallel ? indexes.parallel() : indexes).forEach(i -> {
            byte[] value = records.get(i).value();
            sealed[i] = value != null && PersonalDataKeys.keyIdsIn(value, keyIds);
        });
        PersonalFields.Opener opener = keyIds.isEmpty() ? null : personalData.openerFor(keyIds);
        IntStream decoding = IntStream.range(0, records.size());
        List<Optional<Decoded>> decoded = (parallel ? decoding.parallel() : decoding)
                .mapToObj(i -> decode(records.get(i), sealed[i] ? opener : null)).toList();
        List<Decoded> events = new ArrayList<>(decoded.size());
        List<Unapplied> undecoded = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            if (decoded.get(i).isPresent()) {
                events.add(decoded.get(i).get());
            } else {
                undecoded.add(Unapplied.undecoded(records.get(i), codec));
            }
        }
        if (events.stream().anyMatch(one -> one.event() instanceof PersonalDataErased)) {
            personalData.forgetAll(); // an erasure: nothing erased may be opened again from memory
        }
        return new DecodedBatch(events, undecoded, nextOffsets, null);
    }

    /**
     * @return the next offset of every partition the batch touched, as committed
     * @throws PositionMoved when another writer stored offsets for one of its partitions meanwhile
     */
    Map<Integer, Long> commit(String topic, DecodedBatch batch) {
        List<Unapplied> deadLettered = transactions.execute(status -> {
            List<Unapplied> unapplied = new ArrayList<>(batch.undecoded());
            DeadLetterBlock blocked = new DeadLetterBlock(
                    deadLetters.blockedKeys(topic, batch.nextOffsets().keySet()), unapplied);
            Map<Integer, Long> redelivered = project(batch.events(), blocked, unapplied);
            if (!unapplied.isEmpty()) {
                // Acknowledged by the broker before the offsets past them are stored: never skipped silently.
                deadLetterSender.send(unapplied);
                deadLetters.record(topic, unapplied, java.time.Instant.now());
            }
            if (batch.storedBefore() == null) {
                offsets.saveAlone(topic, batch.nextOffsets(), redelivered);
            } else {
                offsets.save(topic, batch.nextOffsets(), batch.storedBefore(), redelivered);
            }
            return unapplied;
        });
        deadLettered.forEach(letter -> meters.counter("ledger.projection.dead_letters",
                "reason", letter.reason().wireName()).increment());
        return batch.nextOffsets();
    }

    /** @return per partition, how many of the events were copies of ones the read model already held */
    private Map<Integer, Long> project(List<Decoded> events, DeadLetterBlock blocked, List<Unapplied> unapplied) {
        Map<Integer, Long> redelivered = new HashMap<>();
        List<String> ids = events.stream().map(Decoded::aggregateId).distinct().toList();
        boolean bulk = bulkRows.suits(ids.size());
        WrittenSessions writtenBefore = written;
        List<String> lookUp = writtenBefore == null ? ids : ids.stream().filter(writtenBefore::mayHold).toList();
        Map<String, SessionRow> loaded = lookUp.isEmpty() ? Map.of()
                : bulk ? bulkRows.findAll(lookUp) : sessions.findAll(lookUp);
        Map<String, SessionRow> current = new LinkedHashMap<>(loaded);
        for (Decoded decoded : events) {
            String id = decoded.aggregateId();
            if (blocked.holds(id, decoded.record())) {
                unapplied.add(blocked.add(Unapplied.behindDeadLetter(decoded)));
                continue;
            }
            SessionRow before = current.get(id);
            SessionRow after = SessionProjector.apply(before, decoded.envelope(), decoded.event());
            if (after == null) {
                log.warn("dead-lettering {} at {}-{}: session {} is not in the read model", decoded.envelope().type(),
                        decoded.record().partition(), decoded.record().offset(), id);
                count("orphan");
                unapplied.add(blocked.add(Unapplied.orphan(decoded)));
            } else if (after == before) {
                count("redelivered");
                redelivered.merge(decoded.record().partition(), 1L, Long::sum);
            } else {
                current.put(id, after);
                count("applied");
            }
        }
        // The list scopes' counts move in the same transaction as the rows they count.
        sessions.addToCounts(SessionCounts.changes(loaded, current.values()));
        // One row per session however many of its events the batch held: the fold above already merged them.
        List<SessionRow> inserts = new ArrayList<>();
        List<SessionRow> updates = new ArrayList<>();
        Map<String, Long> previousVersions = new HashMap<>();
        current.forEach((id, row) -> {
            SessionRow old = loaded.get(id);
            if (old == null) {
                inserts.add(row);
            } else if (old != row) {
                updates.add(row);
                previousVersions.put(id, old.version());
            }
        });
        if (bulk) {
            bulkRows.write(inserts, updates);
        } else {
            sessions.insertAll(inserts);
            sessions.updateAll(updates, previousVersions);
        }
        if (writtenBefore != null) {
            // Before the commit: should it fail, a session marked and not written only costs a lookup.
            inserts.forEach(row -> writtenBefore.add(row.aggregateId()));
        }
        return redelivered;
    }

    /** A dead letter decoded exactly as the live projection decodes records; empty while it still cannot be. */
    public Optional<Decoded> decodeDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        Set<String> keyIds = new HashSet<>();
        if (record.value() != null) {
            PersonalDataKeys.keyIdsIn(record.value(), keyIds);
        }
        return decode(record, keyIds.isEmpty() ? null : personalData.openerFor(keyIds));
    }

    /** @param opener for a record holding sealed values; null for one that holds none */
    private Optional<Decoded> decode(ConsumerRecord<byte[], byte[]> record, PersonalFields.Opener opener) {
        if (record.value() == null) {
            count("empty");
            return Optional.empty();
        }
        try {
            // One pass from bytes to the typed event: no JSON tree in between (a rebuild decodes every event).
            Received received = codec.decodeForFold(record.value(), opener);
            Optional<SessionEvent> event = received.payload();
            if (event.isEmpty()) {
                // A newer producer's event type: dead-lettered, so a newer query side can replay it.
                count("unknown-type");
                return Optional.empty();
            }
            return Optional.of(new Decoded(record, aggregateId(event.get()), received.envelope(), event.get()));
        } catch (RuntimeException e) {
            // Retrying cannot fix a record that does not parse; stalling the partition would stop every read.
            log.error("dead-lettering undecodable record at {}-{}: {}", record.partition(), record.offset(), e.toString());
            count("malformed");
            return Optional.empty();
        }
    }

    private static String aggregateId(SessionEvent event) {
        return new SessionRef(event.tenantId(), event.sessionId()).aggregateId();
    }

    /** One counter per outcome, looked up once: this runs for every event, and a rebuild runs it very often. */
    private void count(String outcome) {
        counters.computeIfAbsent(outcome, key -> meters.counter("ledger.projection.events", "outcome", key))
                .increment();
    }
}
