package io.sessionledger.events.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sessionledger.events.DataSubject;

/** Details changed; null parts of {@code details} did not, and metadata, when present, replaces wholly. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionDetailsUpdated(
        String tenantId,
        String sessionId,
        SessionDetails details,
        @DataSubject String subjectId) implements SessionEvent {
}
