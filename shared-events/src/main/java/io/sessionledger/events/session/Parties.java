package io.sessionledger.events.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sessionledger.events.PersonalData;

/** Who takes part: the agent serving the session and the customer or user it serves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Parties(
        String agentId,
        @PersonalData String customerId,
        @PersonalData String userReference,
        String userId) {

    public static final Parties NONE = new Parties(null, null, null, null);
}
