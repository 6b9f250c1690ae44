package io.sessionledger.query.support;

import io.sessionledger.events.LedgerMetadata;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.cloudevents.CloudEventCodec;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Session events as the command side publishes them: built by {@link CloudEventCodec} and nothing else. */
public final class TestEvents {

    public static final CloudEventCodec CODEC = new CloudEventCodec();

    private TestEvents() {
    }

    public static CloudEvent envelope(long version, Instant time, SessionEvent event) {
        return CODEC.toCloudEvent(UUID.randomUUID().toString(), version, time, event,
                Map.of(LedgerMetadata.DIALECT, "genesys-v1", LedgerMetadata.REQUEST_ID, "r-" + version));
    }

    public static SessionCreated anonymous(String tenantId, String sessionId) {
        return new SessionCreated(tenantId, sessionId, SessionScope.TENANT, Parties.NONE, ExternalKeys.NONE,
                SessionDetails.NONE, SessionStatus.IDLE, null);
    }

    public static SessionCreated withParties(String tenantId, String sessionId, String agentId, String customerId,
                                             String visitId) {
        return new SessionCreated(tenantId, sessionId, SessionScope.TENANT,
                new Parties(agentId, customerId, null, null), new ExternalKeys(visitId, null, null, null),
                SessionDetails.NONE, SessionStatus.IDLE, customerId);
    }

    /** A well-formed CloudEvent of a type this version does not know, as a newer producer would send. */
    public static CloudEvent unknownType(String tenantId, String sessionId, long version) {
        CloudEvent known = envelope(version, Instant.now(), anonymous(tenantId, sessionId));
        return new CloudEvent("1.0", UUID.randomUUID().toString(), known.source(), "session.teleported",
                sessionId, known.time(), "application/json", null, known.sequence(), tenantId, null, null, null,
                null, null, known.data());
    }
}
