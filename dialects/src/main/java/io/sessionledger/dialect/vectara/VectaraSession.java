package io.sessionledger.dialect.vectara;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.sessionledger.dialect.SessionView;
import java.time.Instant;

/** A Vectara agent session as every endpoint answers it (seed 004); metadata is passed through as stored. */
public record VectaraSession(
        String key,
        @JsonProperty("agent_key") String agentKey,
        String name,
        String description,
        @JsonRawValue String metadata,
        boolean enabled,
        @JsonProperty("created_at") Instant createdAt) {

    public static VectaraSession of(SessionView session) {
        return new VectaraSession(session.key(), session.agentKey(), session.name(), session.description(),
                session.metadata() == null ? "{}" : session.metadata(),
                session.enabled() == null || session.enabled(), session.createdAt());
    }
}
