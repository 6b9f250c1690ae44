package io.sessionledger.events.session;

/** Hidden from every read API from now on; the history stays in the ledger for audit. */
public record SessionDeleted(String tenantId, String sessionId) implements SessionEvent {
}
