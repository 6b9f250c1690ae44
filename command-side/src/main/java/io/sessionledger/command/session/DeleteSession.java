package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.SessionScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hide the session from every read API; its history stays in the ledger, and its external keys are freed. */
public record DeleteSession(@TargetAggregateIdentifier SessionRef ref, SessionScope within, Long expectedVersion) {
}
