package io.sessionledger.dialect.vectara;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of an agent's sessions: {@code {"sessions":[...], "metadata":{"page_key": next or null}}}. */
public record VectaraSessionList(List<VectaraSession> sessions, Metadata metadata) {

    public static VectaraSessionList of(List<VectaraSession> sessions, String nextPageKey) {
        return new VectaraSessionList(List.copyOf(sessions), new Metadata(nextPageKey));
    }

    /** {@code page_key} is written as null on the last page, never left out: clients test it for null. */
    public record Metadata(@JsonProperty("page_key") @JsonInclude(JsonInclude.Include.ALWAYS) String pageKey) {
    }
}
