package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.SessionScope;
import io.sessionledger.events.session.SessionStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agent runtime reports {@code idle}, {@code busy} or {@code error}; terminating has its own command. */
public record ChangeSessionStatus(
        @TargetAggregateIdentifier SessionRef ref,
        SessionScope within,
        SessionStatus to,
        Long expectedVersion) {
}
