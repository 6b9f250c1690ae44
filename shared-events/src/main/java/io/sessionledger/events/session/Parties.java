package io.sessionledger.events.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sessionledger.events.PersonalData;

/**
 * Who takes part: the agent serving the session and the customer or user it serves. All of it names people
 * (the agent is an employee; {@code userId} is derived from the user reference), so all of it is sealed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Parties(
        @PersonalData String agentId,
        @PersonalData String customerId,
        @PersonalData String userReference,
        @PersonalData String userId) {

    public static final Parties NONE = new Parties(null, null, null, null);
}
