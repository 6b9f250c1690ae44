package io.sessionledger.events.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sessionledger.events.DataSubject;
import io.sessionledger.events.PersonalData;

/**
 * A recognised user (and possibly the serving agent and visit) was linked to the session. Null fields
 * did not change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAssociated(
        String tenantId,
        String sessionId,
        @PersonalData String agentId,
        @PersonalData String customerId,
        @PersonalData String visitId,
        @PersonalData String globalVisitId,
        @DataSubject String subjectId) implements SessionEvent {
}
