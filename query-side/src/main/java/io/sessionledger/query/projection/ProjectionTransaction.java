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
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projects one poll batch in one database transaction: the rows and the next offsets commit together,
 * so a crash anywhere leaves either both or neither, and no event is lost or applied twice.
 */
@Component
public class ProjectionTransaction {

    /** Below this many records a batch decodes on the poll thread alone (live traffic: a handful). */
    private static final int PARALLEL_DECODE = 1_000;

    private static final Logger log = LoggerFactory.getLogger(ProjectionTransaction.class);

    record Decoded(ConsumerRecord<byte[], byte[]> record, String aggregateId, CloudEvent envelope,
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

    public ProjectionTransaction(CloudEventCodec codec, SessionInfoRepository sessions, OffsetRepository offsets,
                                 PostgresBulkRows bulkRows, TransactionTemplate transactions, MeterRegistry meters,
                                 PersonalDataKeys personalData) {
        this.codec = codec;
        this.personalData = personalData;
        this.sessions = sessions;
        this.offsets = offsets;
        this.bulkRows = bulkRows;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** The same projection writing into other tables: the shadow a rebuild fills while this one stays live. */
    ProjectionTransaction into(SessionInfoRepository rows, OffsetRepository rowOffsets, PostgresBulkRows bulk) {
        return new ProjectionTransaction(codec, rows, rowOffsets, bulk, transactions, meters, personalData);
    }

    /** A poll batch decoded, not yet applied: decoding needs no database, so it can overlap a commit. */
    record DecodedBatch(List<Decoded> events, Map<Integer, Long> nextOffsets) {
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
        Set<String> keyIds = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() != null) {
                PersonalDataKeys.keyIdsIn(record.value(), keyIds);
            }
        }
        PersonalFields.Opener opener = keyIds.isEmpty() ? null : personalData.openerFor(keyIds);
        Stream<ConsumerRecord<byte[], byte[]>> stream =
                records.size() >= PARALLEL_DECODE ? records.parallelStream() : records.stream();
        List<Decoded> events = stream.map(record -> decode(record, opener)).flatMap(Optional::stream).toList();
        if (events.stream().anyMatch(decoded -> decoded.event() instanceof PersonalDataErased)) {
            personalData.forgetAll();
        }
        return new DecodedBatch(events, nextOffsets);
    }

    /** @return the next offset of every partition the batch touched, as committed */
    Map<Integer, Long> commit(String topic, DecodedBatch batch) {
        transactions.executeWithoutResult(status -> {
            project(batch.events());
            offsets.save(topic, batch.nextOffsets());
        });
        return batch.nextOffsets();
    }

    private void project(List<Decoded> events) {
        List<String> ids = events.stream().map(Decoded::aggregateId).distinct().toList();
        boolean bulk = bulkRows.suits(ids.size());
        Map<String, SessionRow> loaded = bulk ? bulkRows.findAll(ids) : sessions.findAll(ids);
        Map<String, SessionRow> current = new LinkedHashMap<>(loaded);
        for (Decoded decoded : events) {
            String id = decoded.aggregateId();
            SessionRow before = current.get(id);
            SessionRow after = SessionProjector.apply(before, decoded.envelope(), decoded.event());
            if (after == null) {
                log.warn("skipping {} at {}-{}: session {} was never created", decoded.envelope().type(),
                        decoded.record().partition(), decoded.record().offset(), id);
                count("orphan");
            } else if (after == before) {
                count("redelivered");
            } else {
                current.put(id, after);
                count("applied");
            }
        }
        if (bulk) {
            // One row per session however many of its events the batch held: the fold above already merged them.
            bulkRows.upsertAll(current.values().stream().filter(row -> row != loaded.get(row.aggregateId())).toList());
            return;
        }
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
        sessions.insertAll(inserts);
        sessions.updateAll(updates, previousVersions);
    }

    private Optional<Decoded> decode(ConsumerRecord<byte[], byte[]> record, PersonalFields.Opener opener) {
        if (record.value() == null) {
            count("empty");
            return Optional.empty();
        }
        try {
            // One pass from bytes to the typed event: no JSON tree in between (a rebuild decodes every event).
            Received received = codec.decode(record.value(),
                    opener != null && PersonalDataKeys.holdsSealed(record.value()) ? opener : null);
            Optional<SessionEvent> event = received.payload();
            if (event.isEmpty()) {
                // A newer producer's event type: its offset still advances, as the contract says.
                count("unknown-type");
                return Optional.empty();
            }
            return Optional.of(new Decoded(record, aggregateId(event.get()), received.envelope(), event.get()));
        } catch (RuntimeException e) {
            // Retrying cannot fix a record that does not parse; stalling the partition would stop every read.
            log.error("skipping undecodable record at {}-{}: {}", record.partition(), record.offset(), e.toString());
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
