package io.sessionledger.query.projection;

import java.time.Instant;

/** A row being changed by one event; applying many events to a record one copy at a time is noisy. */
public final class SessionRowDraft {

    String aggregateId;
    String tenantId;
    String sessionId;
    String appId;
    String environment;
    String agentKey;
    String agentId;
    String customerId;
    String userReference;
    String userId;
    String visitId;
    String globalVisitId;
    String sessionReference;
    String sessionKey;
    String name;
    String description;
    String metadata;
    Boolean enabled;
    String status;
    boolean anonymous;
    long version;
    String dialect;
    Instant createdAt;
    Instant updatedAt;
    Instant endedAt;
    boolean deleted;

    SessionRowDraft() {
    }

    SessionRowDraft(SessionRow row) {
        aggregateId = row.aggregateId();
        tenantId = row.tenantId();
        sessionId = row.sessionId();
        appId = row.appId();
        environment = row.environment();
        agentKey = row.agentKey();
        agentId = row.agentId();
        customerId = row.customerId();
        userReference = row.userReference();
        userId = row.userId();
        visitId = row.visitId();
        globalVisitId = row.globalVisitId();
        sessionReference = row.sessionReference();
        sessionKey = row.sessionKey();
        name = row.name();
        description = row.description();
        metadata = row.metadata();
        enabled = row.enabled();
        status = row.status();
        anonymous = row.anonymous();
        version = row.version();
        dialect = row.dialect();
        createdAt = row.createdAt();
        updatedAt = row.updatedAt();
        endedAt = row.endedAt();
        deleted = row.deleted();
    }

    SessionRow build() {
        return new SessionRow(aggregateId, tenantId, sessionId, appId, environment, agentKey, agentId,
                customerId, userReference, userId, visitId, globalVisitId, sessionReference, sessionKey, name,
                description, metadata, enabled, status, anonymous, version, dialect, createdAt, updatedAt,
                endedAt, deleted);
    }
}
