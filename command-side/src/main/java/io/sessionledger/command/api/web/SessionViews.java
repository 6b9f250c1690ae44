package io.sessionledger.command.api.web;

import io.sessionledger.command.session.SessionSnapshot;
import io.sessionledger.dialect.SessionView;

/** The session after a write, as the dialects' views read it. */
public final class SessionViews {

    private SessionViews() {
    }

    public static SessionView of(SessionSnapshot session) {
        var parties = session.parties();
        var keys = session.keys();
        var details = session.details();
        var scope = session.scope();
        return new SessionView(session.ref().tenantId(), session.ref().sessionId(), scope.appId(),
                scope.environment(), scope.agentKey(), parties.agentId(), parties.customerId(),
                parties.userReference(), parties.userId(), keys.visitId(), keys.globalVisitId(),
                keys.sessionReference(), keys.key(), details.name(), details.description(),
                details.metadata() == null || details.metadata().isNull() ? null : details.metadata().toString(),
                details.enabled(), session.status().wireName(), session.anonymous(), session.version(),
                session.createdAt(), session.updatedAt(), session.endedAt());
    }
}
