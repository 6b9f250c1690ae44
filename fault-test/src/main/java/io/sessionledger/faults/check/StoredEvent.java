package io.sessionledger.faults.check;

import com.fasterxml.jackson.databind.JsonNode;

/** One row of the event store, as the suite reads it with JDBC. */
public record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequence, String type,
                         JsonNode payload, String requestId) {
}
