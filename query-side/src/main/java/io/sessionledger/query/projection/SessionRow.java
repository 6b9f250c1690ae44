package io.sessionledger.query.projection;

import java.time.Instant;

/** One row of the {@code session_info} read model: a session as the query side knows it. */
public record SessionRow(
        String aggregateId,
        String tenantId,
        String sessionId,
        String appId,
        String environment,
        String agentKey,
        String agentId,
        String customerId,
        String userReference,
        String userId,
        String visitId,
        String globalVisitId,
        String sessionReference,
        String sessionKey,
        String name,
        String description,
        String metadata,
        Boolean enabled,
        String status,
        boolean anonymous,
        long version,
        String dialect,
        Instant createdAt,
        Instant updatedAt,
        Instant endedAt,
        boolean deleted) {

    public SessionRowDraft toDraft() {
        return new SessionRowDraft(this);
    }
}
