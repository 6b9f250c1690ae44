package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.ExternalKeys;
import io.sessionledger.events.session.Parties;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a session under a new id with its whole initial state. */
public record CreateSession(
        @TargetAggregateIdentifier SessionRef ref,
        SessionScope scope,
        Parties parties,
        ExternalKeys keys,
        SessionDetails details) {
}
