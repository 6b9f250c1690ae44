package io.sessionledger.command.publishing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.events.LedgerTopics;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.session.SessionEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The one way a stored session event becomes a Kafka record, for both publication paths (the direct send after a
 * commit and the catch-up reader): keyed by session, the CloudEvent built by the shared codec, its data the event
 * as stored. A message the store has just appended carries its serialized payload (Axon keeps it per serializer),
 * so the record's data is parsed from the very bytes the store wrote, never sealed or serialized a second time; one
 * read back from the store is those bytes too. Either way a copy sent twice is the same record, byte for byte.
 */
@Component
public class SessionEventRecords {

    private final CloudEventCodec codec;
    private final Serializer eventSerializer;
    private final SessionEventProducer producer;

    public SessionEventRecords(CloudEventCodec codec, @Qualifier("eventSerializer") Serializer eventSerializer,
                               SessionEventProducer producer) {
        this.codec = codec;
        this.eventSerializer = eventSerializer;
        this.producer = producer;
    }

    public ProducerRecord<byte[], byte[]> record(DomainEventMessage<?> message) {
        if (!(message.getPayload() instanceof SessionEvent event)) {
            throw new IllegalArgumentException("not a session event: " + message.getPayloadType().getName());
        }
        JsonNode stored = message.serializePayload(eventSerializer, JsonNode.class).getData();
        CloudEvent cloudEvent = codec.toCloudEvent(message.getIdentifier(), message.getSequenceNumber(),
                message.getTimestamp(), event, stored, message.getMetaData());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(producer.topic(), null,
                message.getAggregateIdentifier().getBytes(StandardCharsets.UTF_8), codec.write(cloudEvent));
        record.headers().add("content-type", LedgerTopics.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
