package io.sessionledger.query.api.vectara;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sessionledger.events.LedgerMetadata;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.query.support.EventProducer;
import io.sessionledger.query.support.TestEvents;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes Vectara sessions' events as the command side does, built by the real CloudEvent codec. */
final class VectaraEvents {

    static final Instant CREATED_AT = Instant.parse("2026-03-04T05:06:07.089Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventProducer producer;

    VectaraEvents(EventProducer producer) {
        this.producer = producer;
    }

    /** Creates a session of {@code agent} under {@code key}; returns its session id. */
    String created(String tenant, String agent, String key, String name, String description, String metadata,
                   boolean enabled) {
        String sessionId = "s-" + UUID.randomUUID();
        send(0, new SessionCreated(tenant, sessionId, new SessionScope(null, null, agent), Parties.NONE,
                new ExternalKeys(null, null, null, key), new SessionDetails(name, description, parse(metadata), enabled),
                SessionStatus.IDLE, "session:" + tenant + ":" + sessionId));
        return sessionId;
    }

    void send(long version, SessionEvent event) {
        producer.send(TestEvents.CODEC.toCloudEvent(UUID.randomUUID().toString(), version,
                version == 0 ? CREATED_AT : Instant.now(), event,
                Map.of(LedgerMetadata.DIALECT, "vectara", LedgerMetadata.REQUEST_ID, "r-" + version)));
    }

    private static JsonNode parse(String metadata) {
        try {
            return metadata == null ? null : JSON.readTree(metadata);
        } catch (Exception e) {
            throw new IllegalArgumentException(metadata, e);
        }
    }
}
