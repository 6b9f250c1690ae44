package io.sessionledger.command.publishing;

import io.sessionledger.command.audit.AppendListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /**
     * The last event of a session's latest commit here, and whether the write path got it acknowledged (false: it
     * failed, or was left to the catch-up reader); in {@code lastSent} until settled.
     */
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
        recordAcked(Map.of());
    }

    /** The transaction that stored these events (in this order) has committed; called on the committing thread. */
    @Override
    public void committed(List<DomainEventMessage<?>> events) {
        crashPoints.reached(CrashPoints.Point.AFTER_COMMIT);
        if (!enabled) {
            catchUp.wake();
            return;
        }
        Map<String, List<DomainEventMessage<?>>> perSession = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            perSession.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
        }
        // Registered here, before the lane takes its next batch: the session's next commit chains onto this one,
        // and the catch-up reader, should it read these events first, waits for their outcome instead of sending.
        Map<String, Sent> previous = new LinkedHashMap<>();
        Map<String, Sent> handed = new LinkedHashMap<>();
        perSession.forEach((id, sessionEvents) -> {
            Sent sent = new Sent(sessionEvents.get(sessionEvents.size() - 1).getSequenceNumber(),
                    new CompletableFuture<>());
            handed.put(id, sent);
            Sent before = lastSent.put(id, sent);
            if (before != null) {
                previous.put(id, before);
            }
        });
        sender.execute(() -> perSession.forEach((id, sessionEvents) ->
                sendInOrder(id, sessionEvents, previous.get(id), handed.get(id))));
    }

    /**
     * For the catch-up reader, which found this event not known to be on Kafka: whether this instance's write path
     * has it acknowledged, waiting (bounded) for the outcome when it is still on its way. False when the write path
     * never had it, failed, or left it to the catch-up reader.
     */
    boolean acknowledges(String aggregateId, long version, Duration patience) {
        Sent sent = lastSent.get(aggregateId);
        if (sent == null || sent.version() < version) {
            return tracker.knownPublished(aggregateId, version).isPresent();
        }
        try {
            return sent.acked().get(patience.toMillis(), TimeUnit.MILLISECONDS)
                    && tracker.knownPublished(aggregateId, version).isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Writes {@code more} and Kafka's acks seen here and not yet written to {@code published_session}, in the
     * caller's transaction (the next group commit's, or the catch-up reader's, whichever comes first): recording
     * them costs no commit of its own. Each ack is taken by one transaction only, so two never insert the same row
     * for it; taken acks go back when that transaction does not commit.
     */
    public void recordAcked(Map<String, PublishedSessions.Acked> more) {
        Map<String, PublishedSessions.Acked> taken = new LinkedHashMap<>(more);
        for (String id : List.copyOf(notRecorded.keySet())) {
            PublishedSessions.Acked acked = notRecorded.remove(id);
            if (acked != null) {
                taken.merge(id, acked, DirectPublisher::later);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        taken.forEach((id, acked) -> notRecorded.merge(id, acked, DirectPublisher::later));
                    }
                }
            });
        }
        publishedSessions.record(taken);
    }

    static PublishedSessions.Acked later(PublishedSessions.Acked known, PublishedSessions.Acked next) {
        return next.version() > known.version() ? next : known;
    }

    /** On the sender thread: sends the session's events of one commit in order, or leaves them to the catch-up. */
    private void sendInOrder(String aggregateId, List<DomainEventMessage<?>> events, Sent before, Sent sent) {
        CompletableFuture<Boolean> previous = predecessor(aggregateId, events.get(0).getSequenceNumber(), before);
        if (previous == null) {
            settle(aggregateId, sent, false); // an earlier event is not known to be on Kafka: the catch-up reader's
            return;
        }
        for (DomainEventMessage<?> event : events) {
            previous = previous.thenComposeAsync(ok -> ok ? sendOne(event) : CompletableFuture.completedFuture(false),
                    sender);
        }
        previous.whenComplete((ok, error) -> settle(aggregateId, sent, Boolean.TRUE.equals(ok)));
    }

    private void settle(String aggregateId, Sent sent, boolean acked) {
        sent.acked().complete(acked);
        lastSent.remove(aggregateId, sent);
        if (!acked) {
            catchUp.wake();
        }
    }

    /**
     * What the session's first event here must wait for: nothing when its predecessor is known to be on Kafka, the
     * previous commit's outcome when that commit held the predecessor; null when it may not be sent here at all.
     */
    private CompletableFuture<Boolean> predecessor(String aggregateId, long version, Sent before) {
        if (version == 0 || tracker.knownPublished(aggregateId, version - 1).isPresent()) {
            return CompletableFuture.completedFuture(true);
        }
        return before != null && before.version() == version - 1 ? before.acked() : null;
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
                        new PublishedSessions.Acked(event.getSequenceNumber(), position), DirectPublisher::later);
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
