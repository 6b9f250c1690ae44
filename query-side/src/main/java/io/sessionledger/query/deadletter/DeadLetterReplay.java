package io.sessionledger.query.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.sessionledger.query.config.LedgerProperties;
import io.sessionledger.query.projection.DeadLetterReplayer;
import io.sessionledger.query.projection.DeadLetterRepository;
import io.sessionledger.query.projection.ProjectionTransaction;
import io.sessionledger.query.projection.SessionInfoRepository;
import io.sessionledger.query.projection.SessionProjector;
import io.sessionledger.query.projection.SessionRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies waiting dead letters once this version can: each session's in one transaction, its waiting rows
 * locked (two instances replaying at once never apply one twice). A session's dead letters are taken in topic
 * order up to the first this version still cannot read, then applied in the order of their sequence: an event
 * that reached the topic before its session's creation (a rebuilt topic) follows it then. What still cannot
 * be applied, and everything of its session after it, stays waiting for the next replay.
 */
@Service
public class DeadLetterReplay implements DeadLetterReplayer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    /**
     * @param replayed   dead letters applied now (or found applied already: redelivered copies)
     * @param waiting    dead letters still waiting, by reason
     * @param notOnTopic waiting dead letters the dead-letter topic does not hold (its retention was shortened)
     */
    public record Result(long replayed, Map<String, Long> waiting, long notOnTopic) {
    }

    private record Ready(DeadLetterRepository.Row row, ProjectionTransaction.Decoded decoded) {
    }

    private final String topic;
    private final DeadLetterRepository deadLetters;
    private final DeadLetterReader reader;
    private final SessionInfoRepository sessions;
    private final ProjectionTransaction projection;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    public DeadLetterReplay(LedgerProperties ledger, DeadLetterRepository deadLetters, DeadLetterReader reader,
                            SessionInfoRepository sessions, ProjectionTransaction projection,
                            TransactionTemplate transactions, MeterRegistry meters) {
        this.topic = ledger.topic();
        this.deadLetters = deadLetters;
        this.reader = reader;
        this.sessions = sessions;
        this.projection = projection;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** Whether anything waits; cheap, for the periodic replay. */
    public boolean anyWaiting() {
        return !deadLetters.waitingByReason(topic).isEmpty();
    }

    /** Replays the live read model's dead letters. */
    public synchronized Result replay() {
        long[] notOnTopic = new long[1];
        long replayed = replay(sessions, deadLetters, notOnTopic);
        Map<String, Long> left = deadLetters.waitingByReason(topic);
        log.info("dead-letter replay: {} applied, still waiting {}, {} not on the dead-letter topic", replayed, left,
                notOnTopic[0]);
        return new Result(replayed, left, notOnTopic[0]);
    }

    @Override
    public long replay(SessionInfoRepository rows, DeadLetterRepository letters) {
        return replay(rows, letters, new long[1]);
    }

    private long replay(SessionInfoRepository rows, DeadLetterRepository letters, long[] notOnTopic) {
        List<DeadLetterRepository.Row> waiting = letters.waiting(topic);
        if (waiting.isEmpty()) {
            return 0;
        }
        Set<DeadLetterReader.Origin> origins = waiting.stream()
                .map(row -> new DeadLetterReader.Origin(row.partition(), row.offset())).collect(Collectors.toSet());
        Map<DeadLetterReader.Origin, ConsumerRecord<byte[], byte[]>> records = reader.read(origins);
        notOnTopic[0] = origins.size() - records.size();
        long replayed = 0;
        for (List<DeadLetterRepository.Row> group : bySession(waiting)) {
            DeadLetterRepository.Row first = group.get(0);
            try {
                Long applied = transactions.execute(status -> replaySession(first, records, rows, letters));
                replayed += applied == null ? 0 : applied;
            } catch (RuntimeException e) {
                // One session's failure (its row changed under us, the database hiccupped) leaves it waiting for
                // the next replay; the others go on.
                log.warn("dead letters of {} not replayed this time: {}", first.key(), e.toString());
            }
        }
        if (replayed > 0) {
            meters.counter("ledger.projection.dead_letters.replayed").increment(replayed);
        }
        return replayed;
    }

    /** Rows of one session together; a row without a key is a group of its own. */
    private static List<List<DeadLetterRepository.Row>> bySession(List<DeadLetterRepository.Row> waiting) {
        Map<Object, List<DeadLetterRepository.Row>> groups = new LinkedHashMap<>();
        for (DeadLetterRepository.Row row : waiting) {
            Object group = row.key() != null ? row.key() : row;
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
        }
        return new ArrayList<>(groups.values());
    }

    /** In the caller's transaction. @return how many of the session's dead letters were applied */
    private long replaySession(DeadLetterRepository.Row first,
                               Map<DeadLetterReader.Origin, ConsumerRecord<byte[], byte[]>> records,
                               SessionInfoRepository rows, DeadLetterRepository letters) {
        List<DeadLetterRepository.Row> locked = first.key() != null
                ? letters.lockWaiting(topic, first.key())
                : letters.lockWaiting(topic, first.partition(), first.offset());
        List<Ready> ready = new ArrayList<>();
        for (DeadLetterRepository.Row row : locked) {
            ConsumerRecord<byte[], byte[]> record = records.get(new DeadLetterReader.Origin(row.partition(), row.offset()));
            Optional<ProjectionTransaction.Decoded> readable =
                    record == null ? Optional.empty() : projection.decodeDeadLetter(record);
            if (readable.isEmpty()) {
                break;
            }
            ready.add(new Ready(row, readable.get()));
        }
        if (ready.isEmpty()) {
            return 0;
        }
        ready.sort(Comparator.comparingLong((Ready r) -> r.decoded().envelope().sequenceNumber())
                .thenComparingLong(r -> r.row().offset()));
        String aggregateId = ready.get(0).decoded().aggregateId();
        SessionRow before = rows.find(aggregateId).orElse(null);
        SessionRow current = before;
        List<Ready> applied = new ArrayList<>();
        for (Ready next : ready) {
            if (!aggregateId.equals(next.decoded().aggregateId())) {
                break;
            }
            SessionRow after = SessionProjector.apply(current, next.decoded().envelope(), next.decoded().event());
            if (after == null) {
                break;
            }
            current = after;
            applied.add(next);
        }
        if (before == null && current != null) {
            rows.insertAll(List.of(current));
        } else if (current != before) {
            rows.updateAll(List.of(current), Map.of(aggregateId, before.version()));
        }
        Instant now = Instant.now();
        applied.forEach(r -> letters.markReplayed(r.row(), now));
        return applied.size();
    }
}
