package io.sessionledger.events.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sessionledger.events.PersonalData;

/**
 * Client-side identifiers of a session, each unique within its scope: visit ids per tenant (Genesys),
 * the session reference per app environment (Kore), the key per agent (Vectara).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalKeys(
        @PersonalData String visitId,
        @PersonalData String globalVisitId,
        String sessionReference,
        String key) {

    public static final ExternalKeys NONE = new ExternalKeys(null, null, null, null);
}
