package io.sessionledger.faults.check;

import com.fasterxml.jackson.databind.JsonNode;

/** What the store says a session was at one version: the parts the load writes. */
public record SessionState(String aggregateId, long version, String agentId, String visitId, String sessionReference,
                           String key, JsonNode metadata, boolean deleted) {

    /** The Vectara metadata marker a patch wrote ({"by": ...}), or null. */
    public String marker() {
        return metadata != null && metadata.path("by").isTextual() ? metadata.path("by").asText() : null;
    }

    /** The session's id: the part of the aggregate id after the tenant. */
    public String sessionId() {
        return aggregateId.substring(aggregateId.indexOf(':') + 1);
    }
}
