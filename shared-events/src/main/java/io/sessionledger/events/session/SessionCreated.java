package io.sessionledger.events.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sessionledger.events.DataSubject;

/** A session came to be, with its whole initial state: nothing about it is implied. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionCreated(
        String tenantId,
        String sessionId,
        SessionScope scope,
        Parties parties,
        ExternalKeys keys,
        SessionDetails details,
        SessionStatus status,
        @DataSubject String subjectId) implements SessionEvent {
}
