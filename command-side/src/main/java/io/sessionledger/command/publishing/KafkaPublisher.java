package io.sessionledger.command.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.events.LedgerTopics;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.session.SessionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored session event to Kafka. It runs in the pooled streaming processor
 * {@value #PROCESSING_GROUP}, which reads the event store: the store is the outbox.
 *
 * <p>Sends of one batch go out asynchronously; before the batch's token is stored, all of them must be
 * acknowledged ({@code acks=all}). A failure fails the batch, so the token stays and the batch is sent again:
 * at least once, in order per session.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
public class KafkaPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

    private record Pending(String aggregateId, long version, Instant committedAt, Future<RecordMetadata> ack) {
    }

    private final SessionEventProducer producer;
    private final PublicationTracker tracker;
    private final PublishedSessions publishedSessions;
    private final CloudEventCodec codec;
    private final Serializer eventSerializer;
    private final PublicationLag lag;

    public KafkaPublisher(SessionEventProducer producer, PublicationTracker tracker,
                          PublishedSessions publishedSessions, CloudEventCodec codec, PublicationLag lag,
                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.producer = producer;
        this.tracker = tracker;
        this.publishedSessions = publishedSessions;
        this.codec = codec;
        this.eventSerializer = eventSerializer;
        this.lag = lag;
    }

    /**
     * The record's data is the event as stored (read from the store, it comes back as the stored bytes, not
     * serialized again): personal data stays sealed, and a consumer sees what the hash chain covers.
     */
    @EventHandler
    public void on(SessionEvent event, DomainEventMessage<?> message) {
        JsonNode stored = message.serializePayload(eventSerializer, JsonNode.class).getData();
        CloudEvent cloudEvent = codec.toCloudEvent(message.getIdentifier(), message.getSequenceNumber(),
                message.getTimestamp(), event, stored, message.getMetaData());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(producer.topic(), null,
                message.getAggregateIdentifier().getBytes(StandardCharsets.UTF_8), codec.write(cloudEvent));
        record.headers().add("content-type", LedgerTopics.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        pendingOfThisBatch().add(new Pending(message.getAggregateIdentifier(), message.getSequenceNumber(),
                message.getTimestamp(), producer.send(record)));
    }

    private List<Pending> pendingOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        return batch.root().getOrComputeResource(PENDING, key -> {
            List<Pending> pending = new ArrayList<>();
            batch.root().onPrepareCommit(uow -> awaitAcks(pending));
            return pending;
        });
    }

    /** Waiters here are told at once; those on other instances read the shared record, written with the token. */
    private void awaitAcks(List<Pending> pending) {
        Map<String, PublishedSessions.Acked> latest = new HashMap<>();
        for (Pending each : pending) {
            RecordMetadata ack = producer.await(each.ack());
            lag.acknowledged(each.committedAt());
            PublishedPosition position = new PublishedPosition(ack.partition(), ack.offset());
            tracker.published(each.aggregateId(), each.version(), position);
            latest.merge(each.aggregateId(), new PublishedSessions.Acked(each.version(), position),
                    (known, next) -> next.version() > known.version() ? next : known);
        }
        publishedSessions.record(latest);
    }
}
