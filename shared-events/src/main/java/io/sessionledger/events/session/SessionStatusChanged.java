package io.sessionledger.events.session;

public record SessionStatusChanged(
        String tenantId,
        String sessionId,
        SessionStatus from,
        SessionStatus to) implements SessionEvent {
}
