package io.sessionledger.events.cloudevents;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sessionledger.events.LedgerMetadata;
import io.sessionledger.events.personal.PersonalFields;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionEventTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** The one place that turns a session event into a CloudEvent and back. */
public final class CloudEventCodec {

    public static final String SOURCE_PREFIX = "/session-ledger/tenants/";

    private final ObjectMapper mapper;
    private final Map<String, ObjectReader> payloadReaders;

    public CloudEventCodec() {
        this(defaultMapper());
    }

    public CloudEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.payloadReaders = SessionEventTypes.ALL.stream().collect(Collectors.toUnmodifiableMap(
                SessionEventTypes.Type::name, type -> mapper.readerFor(type.payloadType())));
    }

    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * @param eventId  the stored event's identifier, which becomes the CloudEvent id
     * @param version  the event's sequence number within its session
     * @param metadata the stored event's metadata (see {@link LedgerMetadata})
     */
    public CloudEvent toCloudEvent(String eventId, long version, Instant time, SessionEvent event,
                                   Map<String, ?> metadata) {
        return toCloudEvent(eventId, version, time, event, mapper.valueToTree(event), metadata);
    }

    /**
     * @param data the event's stored form, which the topic carries as it is: personal data stays sealed (see
     *             {@code PersonalFields}), byte for byte what the hash chain covers
     */
    public CloudEvent toCloudEvent(String eventId, long version, Instant time, SessionEvent event, JsonNode data,
                                   Map<String, ?> metadata) {
        SessionEventTypes.Type type = SessionEventTypes.of(event.getClass());
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                eventId,
                SOURCE_PREFIX + event.tenantId(),
                type.name(),
                event.sessionId(),
                time,
                "application/json",
                type.dataSchema(),
                CloudEvent.formatSequence(version),
                event.tenantId(),
                text(metadata, LedgerMetadata.DIALECT),
                text(metadata, LedgerMetadata.API_KEY_ID),
                text(metadata, LedgerMetadata.REQUEST_ID),
                text(metadata, LedgerMetadata.CORRELATION_ID),
                text(metadata, LedgerMetadata.CAUSATION_ID),
                data);
    }

    public byte[] write(CloudEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CloudEvent read(byte[] json) {
        try {
            return mapper.readValue(json, CloudEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A received event in one pass, for consumers that read many: the envelope's fields, and {@code data}
     * straight into its payload record instead of through a JSON tree. Same answers as {@link #read} then
     * {@link #payload}; the returned envelope carries no {@code data} (it is in the payload).
     */
    public Received decode(byte[] json) {
        return decode(json, null);
    }

    /** As {@link #decode(byte[])}, opening sealed personal data with the opener first (null: leave it sealed). */
    public Received decode(byte[] json, PersonalFields.Opener opener) {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            return ReceivedReader.read(parser, mapper, payloadReaders, opener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #decode(byte[], PersonalFields.Opener)}, for a read model folding many events: the envelope carries
     * only {@code type}, {@code subject}, {@code time}, {@code sequence}, {@code tenantid} and {@code dialect}, the
     * other attributes null. Those are never turned into strings: most of a record's text is ids the fold does not
     * use (a rebuild decodes every event on the topic).
     */
    public Received decodeForFold(byte[] json, PersonalFields.Opener opener) {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            return ReceivedReader.read(parser, mapper, payloadReaders, opener, ReceivedReader.FOLD_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The typed payload, or empty for a type this version does not know (a newer producer's event). */
    public java.util.Optional<SessionEvent> payload(CloudEvent event) {
        return SessionEventTypes.named(event.type()).map(type -> convert(event.data(), type.payloadType()));
    }

    private <T> T convert(JsonNode data, Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Map<String, ?> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
