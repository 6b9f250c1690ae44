package io.sessionledger.query.reconciliation;

import io.sessionledger.query.deadletter.DeadLetterProperties;
import io.sessionledger.query.projection.DeadLetterRepository;
import io.sessionledger.query.projection.OffsetRepository;
import io.sessionledger.query.projection.TopicOffsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Compares the event store (through the command side), the publisher's token, the topic and the read model,
 * and says each difference in plain words. Figures are taken one after the other, not in one snapshot: under
 * write traffic a difference may be only the traffic in flight; on a quiet system there is none.
 */
@Service
public class Reconciliation {

    private final StoreLookup store;
    private final TopicOffsets topic;
    private final OffsetRepository offsets;
    private final JdbcTemplate jdbc;
    private final DeadLetterRepository deadLetters;
    private final String deadLetterTopic;

    public Reconciliation(StoreLookup store, TopicOffsets topic, OffsetRepository offsets, JdbcTemplate jdbc,
                          DeadLetterRepository deadLetters, DeadLetterProperties deadLetterSettings) {
        this.store = store;
        this.topic = topic;
        this.offsets = offsets;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.deadLetterTopic = deadLetterSettings.topic();
    }

    public Report run(String apiKey) {
        StoreLookup.Store stored = store.read(apiKey);
        Map<Integer, Long> beginning = new TreeMap<>(topic.beginning());
        Map<Integer, Long> end = new TreeMap<>(topic.end());
        Map<Integer, Long> projected = offsets.nextOffsets(topic.topic());
        long redelivered = offsets.redelivered(topic.topic()).values().stream().mapToLong(Long::longValue).sum();
        long sessions = jdbc.queryForObject("select count(*) from session_info", Long.class);
        Report.DeadLetters letters = deadLetters();

        List<String> differences = new ArrayList<>();
        List<Report.TopicPartitionRange> ranges = new ArrayList<>();
        List<Report.Projected> readModel = new ArrayList<>();
        long records = 0;
        boolean trimmed = false;
        long unprojected = 0;
        for (Map.Entry<Integer, Long> last : end.entrySet()) {
            int partition = last.getKey();
            long first = beginning.getOrDefault(partition, 0L);
            records += last.getValue() - first;
            trimmed |= first > 0;
            ranges.add(new Report.TopicPartitionRange(partition, first, last.getValue()));
            Long next = projected.get(partition);
            long behind = last.getValue() - (next != null ? next : first);
            unprojected += Math.max(0, behind);
            readModel.add(new Report.Projected(partition, next, last.getValue(), behind));
            if (behind > 0) {
                differences.add("partition " + partition + ": the read model has projected up to offset "
                        + (next != null ? next : first) + " but the topic ends at " + last.getValue() + ", so "
                        + behind + " record(s) are not yet in the read model");
            }
        }
        // Copies are expected (at least once: docs/publishing.md), and the projection counts the ones it read: once it
        // has read everything, the topic's distinct events must be exactly the store's. Before, only the records.
        long events = unprojected == 0 ? records - redelivered : records;
        StoreLookup.Publisher publisher = stored.publisher();
        if (publisher.eventsBehind() > 0) {
            differences.add(publisher.eventsBehind() + " event(s) are committed in the store but not yet published: "
                    + "the publisher is at global index " + publisher.position() + ", the store's highest is "
                    + stored.highestGlobalIndex()
                    + (publisher.gaps().isEmpty() ? "" : ", and it still waits for indexes " + publisher.gaps()));
        }
        if (trimmed) {
            differences.add("the topic no longer starts at offset 0 (retention deleted records), so the number of "
                    + "events published cannot be compared with the records on the topic");
        } else if (publisher.eventsPassed() > events) {
            differences.add((publisher.eventsPassed() - events) + " event(s) the publisher has gone past are not "
                    + "on the topic: committed in the store but never published (Axon's gap timeout, SPEC 2); "
                    + "the store has " + publisher.eventsPassed() + " event(s) up to global index "
                    + publisher.position() + ", the topic " + events + " distinct event(s)");
        } else if (unprojected == 0 && events > publisher.eventsPassed()) {
            differences.add("the topic holds " + (events - publisher.eventsPassed()) + " record(s) more than the "
                    + publisher.eventsPassed() + " event(s) the publisher has gone past, besides " + redelivered
                    + " second copies of events (sent at least once): not from this store");
        }
        if (letters.waiting() > 0) {
            differences.add(letters.waiting() + " record(s) of the topic could not be applied and wait in the "
                    + "dead-letter topic " + letters.topic() + " " + new TreeMap<>(letters.byReason())
                    + ": replay them (POST /ledger/v1/dead-letters/replay) once the query side can apply them");
        }
        if (unprojected == 0 && sessions != stored.sessions()) {
            differences.add("the store holds " + stored.sessions() + " session(s), the read model " + sessions
                    + ", although the read model has projected the whole topic");
        }
        return new Report(differences.isEmpty(), stored,
                new Report.Topic(topic.topic(), records, unprojected == 0 ? events : null, redelivered,
                        ranges),
                new Report.ReadModel(sessions, readModel, letters), differences);
    }

    private Report.DeadLetters deadLetters() {
        Map<String, Long> byReason = deadLetters.waitingByReason(topic.topic());
        long waiting = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new Report.DeadLetters(deadLetterTopic, waiting, byReason, deadLetters.replayed(topic.topic()));
    }
}
