package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import io.sessionledger.events.session.SessionDetails;
import io.sessionledger.events.session.SessionScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change name, description, metadata (replaced wholly) or enabled; null parts stay as they are. */
public record UpdateSessionDetails(
        @TargetAggregateIdentifier SessionRef ref,
        SessionScope within,
        SessionDetails details,
        Long expectedVersion) {
}
