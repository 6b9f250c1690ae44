package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.SessionScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The session as the store holds it, without changing it. A session outside {@code within} (another app,
 * environment or agent) is not found; with {@code owner} set, a session of another user reference is refused.
 */
public record LookUpSession(@TargetAggregateIdentifier SessionRef ref, SessionScope within, String owner) {
}
