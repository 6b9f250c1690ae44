package io.sessionledger.query.api.genesys;

import io.sessionledger.query.projection.SessionRow;
import java.time.Instant;

/** The Genesys {@code SessionInfo} (SPEC 4.1): the fields are our decision, the seeds never list them. */
public record SessionInfo(
        String sessionId,
        String tenantId,
        String agentId,
        String customerId,
        String visitId,
        String globalVisitId,
        boolean anonymous,
        Instant createdAt,
        Instant updatedAt) {

    public static SessionInfo of(SessionRow row) {
        return new SessionInfo(row.sessionId(), row.tenantId(), row.agentId(), row.customerId(), row.visitId(),
                row.globalVisitId(), row.anonymous(), row.createdAt(), row.updatedAt());
    }

    /** The v2 envelope. */
    public record Wrapped(SessionInfo response) {
    }
}
