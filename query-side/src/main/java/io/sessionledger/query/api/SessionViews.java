package io.sessionledger.query.api;

import io.sessionledger.dialect.SessionView;
import io.sessionledger.query.projection.SessionRow;

/** A projected row as the dialects' views read it. */
public final class SessionViews {

    private SessionViews() {
    }

    public static SessionView of(SessionRow row) {
        return new SessionView(row.tenantId(), row.sessionId(), row.appId(), row.environment(), row.agentKey(),
                row.agentId(), row.customerId(), row.userReference(), row.userId(), row.visitId(),
                row.globalVisitId(), row.sessionReference(), row.sessionKey(), row.name(), row.description(),
                row.metadata(), row.enabled(), row.status(), row.anonymous(), row.version(), row.createdAt(),
                row.updatedAt(), row.endedAt());
    }
}
