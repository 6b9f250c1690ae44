package io.sessionledger.faults.check;

import io.sessionledger.testsupport.TopicReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The store against the topic, deduplicated by event id (delivery is at least once): every stored event is
 * on it, nothing is on it that the store does not hold, each copy says what the store says, and each
 * session's events first appear in their order.
 */
final class TopicChecks {

    private final List<StoredEvent> events;
    private final List<TopicReader.Read> records;
    private final List<TopicReader.Read> redelivered = new ArrayList<>();

    TopicChecks(List<StoredEvent> events, List<TopicReader.Read> records) {
        this.events = events;
        this.records = new ArrayList<>(records);
        this.records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
    }

    CheckResult check() {
        CheckResult result = new CheckResult("stored-events-on-topic",
                "every stored event is on the topic (by event id), matching the store, in order per session; "
                        + "nothing else is");
        Map<String, StoredEvent> stored = new HashMap<>();
        events.forEach(event -> stored.put(event.eventId(), event));
        Map<String, TopicReader.Read> first = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (TopicReader.Read record : records) {
            String id = record.event().id();
            if (first.putIfAbsent(id, record) != null) {
                redelivered.add(record);
                continue;
            }
            StoredEvent event = stored.get(id);
            if (event == null) {
                result.violation("record " + where(record) + " (event " + id + ") is not in the store");
                continue;
            }
            if (event.sequence() != record.event().sequenceNumber()
                    || !record.key().equals(event.aggregateId())) {
                result.violation("record " + where(record) + " says " + record.key() + "@" + record.event().sequence()
                        + ", the store " + event.aggregateId() + "@" + event.sequence());
            }
            Long before = lastSequence.put(event.aggregateId(), event.sequence());
            if (before != null && before >= event.sequence()) {
                result.violation(event.aggregateId() + " version " + event.sequence() + " first appears after version " + before);
            }
        }
        for (StoredEvent event : events) {
            result.examined();
            if (!first.containsKey(event.eventId())) {
                result.violation("stored event " + event.eventId() + " (" + event.aggregateId() + "@" + event.sequence()
                        + ", " + event.type() + ", request " + event.requestId() + ") is not on the topic");
            }
        }
        result.note(records.size() + " records for " + first.size() + " events: " + redelivered.size() + " redelivered");
        return result;
    }

    /** The second and later copies of an event, once {@link #check()} ran. */
    List<TopicReader.Read> redelivered() {
        return List.copyOf(redelivered);
    }

    private static String where(TopicReader.Read record) {
        return record.partition() + ":" + record.offset();
    }
}
