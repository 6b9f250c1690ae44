package io.sessionledger.faults.check;

/** One row of the read model ({@code session_info}), as the suite reads it with JDBC. */
public record ProjectedSession(String aggregateId, String sessionId, long version, String agentId, String visitId,
                               String sessionReference, String sessionKey, String metadata, String status,
                               boolean deleted) {
}
