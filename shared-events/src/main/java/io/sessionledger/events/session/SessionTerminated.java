package io.sessionledger.events.session;

public record SessionTerminated(String tenantId, String sessionId, SessionStatus from) implements SessionEvent {
}
