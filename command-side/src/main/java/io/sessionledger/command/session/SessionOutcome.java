package io.sessionledger.command.session;

/**
 * The result of a session command: the state after it, whether the session was created, and whether
 * any event was appended (only then is there a publication to wait for).
 */
public record SessionOutcome(SessionSnapshot session, boolean created, boolean changed) {
}
