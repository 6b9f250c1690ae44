package io.sessionledger.dialect.genesys;

import io.sessionledger.dialect.SessionView;
import java.time.Instant;

/** The Genesys {@code SessionInfo}: the seeds never list its fields, SPEC 4.1 does. */
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

    public static GenesysSessionInfo of(SessionView session) {
        return new GenesysSessionInfo(session.sessionId(), session.tenantId(), session.agentId(),
                session.customerId(), session.visitId(), session.globalVisitId(), session.anonymous(),
                session.createdAt(), session.updatedAt());
    }

    /** The later form's envelope. */
    public record Wrapped(GenesysSessionInfo response) {
    }
}
