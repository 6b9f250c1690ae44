package io.sessionledger.dialect;

import java.time.Instant;

/**
 * A session as every dialect's views see it, whichever service read it (the command side's state after a
 * write, the query side's projected row). {@code metadata} is the raw JSON object text, or null.
 */
public record SessionView(
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
        String key,
        String name,
        String description,
        String metadata,
        Boolean enabled,
        String status,
        boolean anonymous,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant endedAt) {

    /** The strong ETag every dialect answers with: the session's version (the aggregate sequence number). */
    public String etag() {
        return "\"" + version + "\"";
    }
}
