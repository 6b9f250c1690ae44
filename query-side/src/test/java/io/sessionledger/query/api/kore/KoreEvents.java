package io.sessionledger.query.api.kore;

import io.sessionledger.events.LedgerMetadata;
import io.sessionledger.events.cloudevents.CloudEvent;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionCreated;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionEvent;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import io.sessionledger.query.support.TestEvents;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Kore sessions' events as the command side publishes them (dialect {@code kore}). */
final class KoreEvents {

    private KoreEvents() {
    }

    static CloudEvent envelope(long version, Instant time, SessionEvent event) {
        return TestEvents.CODEC.toCloudEvent(UUID.randomUUID().toString(), version, time, event,
                Map.of(LedgerMetadata.DIALECT, "kore", LedgerMetadata.REQUEST_ID, "r-" + version));
    }

    static SessionCreated created(String tenant, String app, String env, String sessionId, String reference,
                                  String userReference) {
        return new SessionCreated(tenant, sessionId, new SessionScope(app, env, null),
                new Parties(null, null, userReference, "u-of-" + userReference),
                new ExternalKeys(null, null, reference, null), SessionDetails.NONE, SessionStatus.IDLE,
                "session:" + tenant + ":" + sessionId);
    }
}
