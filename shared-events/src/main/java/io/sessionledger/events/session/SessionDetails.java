package io.sessionledger.events.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.events.PersonalData;

/** Descriptive details a client may set (Vectara): free text and metadata may name a person. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionDetails(
        @PersonalData String name,
        @PersonalData String description,
        @PersonalData JsonNode metadata,
        Boolean enabled) {

    public static final SessionDetails NONE = new SessionDetails(null, null, null, null);
}
