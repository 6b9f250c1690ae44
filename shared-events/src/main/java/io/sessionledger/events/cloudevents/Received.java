package io.sessionledger.events.cloudevents;

import io.sessionledger.events.session.SessionEvent;
import java.util.Optional;

/**
 * A CloudEvent as a consumer receives it: the envelope (without {@code data}) and its typed payload, empty
 * for a type this version does not know (a newer producer's event).
 */
public record Received(CloudEvent envelope, Optional<SessionEvent> payload) {
}
