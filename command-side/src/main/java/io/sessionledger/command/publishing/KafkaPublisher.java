package io.sessionledger.command.publishing;

import io.sessionledger.events.session.SessionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The catch-up reader: publishes every stored session event that is not known to be on Kafka yet. It runs in the
 * pooled streaming processor {@value #PROCESSING_GROUP}, which reads the event store ({@link CatchUpSource}): the
 * store is the outbox. In the steady state the write path has sent each event already ({@link DirectPublisher}),
 * and this reader, a few times a second, only moves its token past them; after a crash, a restart, a Kafka outage
 * or a send the write path left to it, it sends what lies beyond its token and is not known to be published.
 *
 * <p>Sends of one batch go out asynchronously; before the batch's token is stored, all of them must be
 * acknowledged ({@code acks=all}). A failure fails the batch, so the token stays and the batch is sent again:
 * at least once, in order per session (docs/publishing.md).
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
public class KafkaPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String BATCH = KafkaPublisher.class.getName() + ".batch";

    private record Pending(String aggregateId, long version, Instant committedAt, Future<RecordMetadata> ack) {
    }

    /** What one batch must look up in the shared record or send, in order (what is known on Kafka is passed). */
    private record Batch(List<DomainEventMessage<?>> unknown) {
    }

    private final SessionEventProducer producer;
    private final SessionEventRecords records;
    private final PublicationTracker tracker;
    private final PublishedSessions publishedSessions;
    private final PublicationLag lag;
    private final DirectPublisher direct;

    public KafkaPublisher(SessionEventProducer producer, SessionEventRecords records, PublicationTracker tracker,
                          PublishedSessions publishedSessions, PublicationLag lag, DirectPublisher direct) {
        this.producer = producer;
        this.records = records;
        this.tracker = tracker;
        this.publishedSessions = publishedSessions;
        this.lag = lag;
        this.direct = direct;
    }

    /**
     * An event this instance knows to be on Kafka (the write path's ack, an earlier send) is passed over; any other
     * is looked up in the shared record (another instance's write path may have sent it) once per batch, and sent,
     * as stored, when not there either.
     */
    @EventHandler
    public void on(SessionEvent event, DomainEventMessage<?> message) {
        Batch batch = thisBatch();
        if (tracker.knownPublished(message.getAggregateIdentifier(), message.getSequenceNumber()).isEmpty()) {
            batch.unknown().add(message);
        }
    }

    private Batch thisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(new ArrayList<>());
            unitOfWork.root().onPrepareCommit(uow -> awaitAcks(batch));
            return batch;
        });
    }

    /**
     * Waiters here are told at once; those on other instances read the shared record, written with the token
     * (with the write path's acks not recorded yet). What was passed over is recorded there already, or will be by
     * the write path: writing it here too would race that path's insert of the same row.
     */
    private void awaitAcks(Batch batch) {
        Map<String, PublishedSessions.Acked> latest = new HashMap<>();
        for (Pending each : sendUnknown(batch.unknown())) {
            RecordMetadata ack = producer.await(each.ack());
            lag.acknowledged(each.committedAt());
            PublishedPosition position = new PublishedPosition(ack.partition(), ack.offset());
            tracker.published(each.aggregateId(), each.version(), position);
            latest.merge(each.aggregateId(), new PublishedSessions.Acked(each.version(), position),
                    DirectPublisher::later);
        }
        direct.recordAcked(latest);
    }

    /** Sends, in the order read, each event the shared record does not show on Kafka; notes the others as known. */
    private List<Pending> sendUnknown(List<DomainEventMessage<?>> unknown) {
        if (unknown.isEmpty()) {
            return List.of();
        }
        Map<String, PublishedSessions.Acked> shared = publishedSessions.find(
                unknown.stream().map(DomainEventMessage::getAggregateIdentifier).distinct().toList());
        List<Pending> sent = new ArrayList<>(unknown.size());
        for (DomainEventMessage<?> message : unknown) {
            String aggregateId = message.getAggregateIdentifier();
            if (direct.acknowledges(aggregateId, message.getSequenceNumber(), producer.sendTimeout())) {
                continue; // read just after its commit, while the write path's send was on its way
            }
            PublishedSessions.Acked acked = shared.get(aggregateId);
            if (acked != null && acked.version() >= message.getSequenceNumber()) {
                tracker.published(aggregateId, acked.version(), acked.position());
                continue;
            }
            sent.add(new Pending(aggregateId, message.getSequenceNumber(), message.getTimestamp(),
                    producer.send(records.record(message))));
        }
        return sent;
    }
}
