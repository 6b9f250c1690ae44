package io.sessionledger.command.session;

import io.sessionledger.events.SessionRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forget the personal data the session holds, because its data subject asked to be erased.
 *
 * @param subjectRef the subject's keyed hash (never the identifier itself), recorded in the event
 */
public record ErasePersonalData(@TargetAggregateIdentifier SessionRef ref, String subjectRef) {
}
