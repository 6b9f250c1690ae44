package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import java.time.Instant;

/** A session's state right after a command: what a write answers with. */
public record SessionSnapshot(
        SessionRef ref,
        SessionScope scope,
        Parties parties,
        ExternalKeys keys,
        SessionDetails details,
        SessionStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant endedAt,
        long version) {

    public boolean anonymous() {
        return parties.agentId() == null && parties.customerId() == null && keys.visitId() == null;
    }
}
