package io.sessionledger.command.publishing;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a write waits for before it answers: its session's events on Kafka, whichever command-side instance
 * publishes them. The tracker hears this instance's publisher at once; the poller reports the others' through the
 * shared record (docs/multi-instance.md, "Command side").
 */
@Component
public class PublicationWait {

    private final PublicationTracker tracker;
    private final PublishedSessions shared;
    private final StorePosition store;

    public PublicationWait(PublicationTracker tracker, PublishedSessions shared, StorePosition store) {
        this.tracker = tracker;
        this.shared = shared;
        this.store = store;
    }

    /** After a write that appended {@code version}: waits until it is on Kafka; empty when the timeout passed. */
    public Optional<PublishedPosition> awaitWritten(String aggregateId, long version, Duration timeout) {
        return tracker.await(aggregateId, version, timeout);
    }

    /**
     * After a command that appended nothing but answered the session at {@code version}: a read that follows must
     * see that version, which another request (here or on another instance) may have committed and not published
     * yet. Empty when the version is on Kafka but where is not known (published before the shared record existed),
     * or when the timeout passed.
     */
    public Optional<PublishedPosition> awaitShown(String aggregateId, long version, Duration timeout) {
        Optional<PublishedPosition> known = tracker.knownPublished(aggregateId, version);
        if (known.isPresent()) {
            return known;
        }
        if (tracker.pendingHere(aggregateId, version)) {
            return tracker.await(aggregateId, version, timeout);
        }
        Optional<PublishedSessions.Acked> acked = shared.find(aggregateId);
        if (acked.isPresent()) {
            tracker.published(aggregateId, acked.get().version(), acked.get().position());
            return tracker.await(aggregateId, version, timeout);
        }
        return store.publisherPassed(aggregateId, version) ? Optional.empty()
                : tracker.await(aggregateId, version, timeout);
    }
}
