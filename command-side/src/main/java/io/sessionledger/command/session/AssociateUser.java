package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Link a recognised user (and optionally agent and visit) to a session, creating it when unknown.
 * Null fields are left as they are. {@code expectedVersion} is the client's {@code If-Match}, or null.
 */
public record AssociateUser(
        @TargetAggregateIdentifier SessionRef ref,
        String agentId,
        String customerId,
        String visitId,
        String globalVisitId,
        Long expectedVersion) {
}
