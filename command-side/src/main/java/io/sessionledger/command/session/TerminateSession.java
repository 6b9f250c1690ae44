package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.SessionScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the session for good: it can still be read, never changed again. */
public record TerminateSession(@TargetAggregateIdentifier SessionRef ref, SessionScope within, Long expectedVersion) {
}
