package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Get-or-create: an unknown id becomes a new anonymous session, exactly once. */
public record EnsureSession(@TargetAggregateIdentifier SessionRef ref) {
}
