package io.sessionledger.command.publishing;

import io.sessionledger.command.audit.AppendListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes from the write path: once a transaction that appended events has committed, its events go to Kafka
 * from memory, as stored ({@link SessionEventRecords}), and each ack tells the waiting write at once
 * ({@link PublicationTracker}). The store stays the outbox: whatever this path does not get acknowledged is left to
 * the catch-up reader ({@link KafkaPublisher}), which is woken for it. docs/publishing.md gives the argument.
 *
 * <p>Order per session: an event is sent here only when every earlier event of its session is known to be on Kafka
 * (the tracker says so), or was sent here just before it and is acknowledged first: the next send of a session waits
 * for its predecessor's ack, and a failed predecessor stops the session's sends here. So no event of this path ever
 * reaches the topic before one of its predecessors, whatever Kafka does with a failed request. Sends go out on one
 * thread of their own, so a broker that does not answer (the producer blocks up to its send timeout) never holds
 * the group-commit lane.
 */
public class DirectPublisher implements AppendListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DirectPublisher.class);

    /** The last event of a session sent here, and whether it was acknowledged (false: failed). */
    private record Sent(long version, CompletableFuture<Boolean> acked) {
    }

    private final SessionEventProducer producer;
    private final SessionEventRecords records;
    private final PublicationTracker tracker;
    private final PublicationLag lag;
    private final CatchUpSource catchUp;
    private final PublishedSessions publishedSessions;
    private final CrashPoints crashPoints;
    private final boolean enabled;
    private final Map<String, Sent> lastSent = new ConcurrentHashMap<>();
    private final Map<String, PublishedSessions.Acked> notRecorded = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "direct-publisher");
        thread.setDaemon(true);
        return thread;
    });

    public DirectPublisher(SessionEventProducer producer, SessionEventRecords records, PublicationTracker tracker,
                           PublicationLag lag, CatchUpSource catchUp, PublishedSessions publishedSessions,
                           CrashPoints crashPoints, boolean enabled) {
        this.producer = producer;
        this.records = records;
        this.tracker = tracker;
        this.lag = lag;
        this.catchUp = catchUp;
        this.publishedSessions = publishedSessions;
        this.crashPoints = crashPoints;
        this.enabled = enabled;
    }

    /** In the transaction that stores them: records the acks seen since the last one (no commit of their own). */
    @Override
    public void appending(List<DomainEventMessage<?>> events) {
        publishedSessions.record(takeAcked());
    }

    /** The transaction that stored these events (in this order) has committed; called on the committing thread. */
    @Override
    public void committed(List<DomainEventMessage<?>> events) {
        crashPoints.reached(CrashPoints.Point.AFTER_COMMIT);
        if (!enabled) {
            catchUp.wake();
            return;
        }
        sender.execute(() -> send(events));
    }

    /**
     * Kafka's acks seen here and not yet written to {@code published_session}: taken by the next transaction that
     * writes there (the next group commit's, or the catch-up reader's), so recording them costs no commit of its own.
     */
    public Map<String, PublishedSessions.Acked> takeAcked() {
        Map<String, PublishedSessions.Acked> taken = new LinkedHashMap<>();
        for (String id : List.copyOf(notRecorded.keySet())) {
            PublishedSessions.Acked acked = notRecorded.remove(id);
            if (acked != null) {
                taken.put(id, acked);
            }
        }
        return taken;
    }

    private void send(List<DomainEventMessage<?>> events) {
        Map<String, List<DomainEventMessage<?>>> perSession = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            perSession.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
        }
        perSession.forEach(this::sendInOrder);
    }

    private void sendInOrder(String aggregateId, List<DomainEventMessage<?>> events) {
        long first = events.get(0).getSequenceNumber();
        CompletableFuture<Boolean> previous = predecessor(aggregateId, first);
        if (previous == null) {
            catchUp.wake(); // an earlier event of the session is not known to be on Kafka: the catch-up reader's
            return;
        }
        for (DomainEventMessage<?> event : events) {
            previous = previous.thenComposeAsync(ok -> ok ? sendOne(event) : CompletableFuture.completedFuture(false),
                    sender);
        }
        Sent sent = new Sent(events.get(events.size() - 1).getSequenceNumber(), previous);
        lastSent.put(aggregateId, sent);
        previous.whenComplete((ok, error) -> {
            lastSent.remove(aggregateId, sent);
            if (!Boolean.TRUE.equals(ok)) {
                catchUp.wake();
            }
        });
    }

    /** What the session's first event here must wait for; null when it may not be sent here at all. */
    private CompletableFuture<Boolean> predecessor(String aggregateId, long version) {
        if (version == 0 || tracker.knownPublished(aggregateId, version - 1).isPresent()) {
            return CompletableFuture.completedFuture(true);
        }
        Sent sent = lastSent.get(aggregateId);
        return sent != null && sent.version() == version - 1 ? sent.acked() : null;
    }

    private CompletableFuture<Boolean> sendOne(DomainEventMessage<?> event) {
        CompletableFuture<Boolean> acked = new CompletableFuture<>();
        try {
            ProducerRecord<byte[], byte[]> record = records.record(event);
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    log.warn("Kafka did not acknowledge event {} of {}; the catch-up reader publishes it: {}",
                            event.getSequenceNumber(), event.getAggregateIdentifier(), error.toString());
                    acked.complete(false);
                    return;
                }
                crashPoints.reached(CrashPoints.Point.AFTER_ACK);
                PublishedPosition position = new PublishedPosition(metadata.partition(), metadata.offset());
                lag.acknowledged(event.getTimestamp());
                tracker.published(event.getAggregateIdentifier(), event.getSequenceNumber(), position);
                notRecorded.merge(event.getAggregateIdentifier(),
                        new PublishedSessions.Acked(event.getSequenceNumber(), position),
                        (known, next) -> next.version() > known.version() ? next : known);
                acked.complete(true);
            });
        } catch (RuntimeException e) { // the producer could not take it (no metadata in time, closed)
            log.warn("could not send event {} of {}; the catch-up reader publishes it: {}",
                    event.getSequenceNumber(), event.getAggregateIdentifier(), e.toString());
            acked.complete(false);
        }
        return acked;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
