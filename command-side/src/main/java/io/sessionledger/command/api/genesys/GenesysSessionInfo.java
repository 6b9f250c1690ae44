package io.sessionledger.command.api.genesys;

import io.sessionledger.command.session.SessionSnapshot;
import java.time.Instant;

/** The Genesys {@code SessionInfo}; the seeds never list its fields, SPEC 4.1 does. */
public record GenesysSessionInfo(
        String sessionId,
        String tenantId,
        String agentId,
        String customerId,
        String visitId,
        String globalVisitId,
        boolean anonymous,
        Instant createdAt,
        Instant updatedAt) {

    static GenesysSessionInfo of(SessionSnapshot session) {
        return new GenesysSessionInfo(session.ref().sessionId(), session.ref().tenantId(),
                session.parties().agentId(), session.parties().customerId(), session.keys().visitId(),
                session.keys().globalVisitId(), session.anonymous(), session.createdAt(), session.updatedAt());
    }
}
