package io.sessionledger.events.cloudevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A session event as published on Kafka: CloudEvents 1.0, structured JSON mode.
 *
 * <p>Extensions: {@code sequence} (the session's version, zero-padded so that it orders as a string, as
 * the CloudEvents sequence extension asks), {@code tenantid}, and the provenance of the write
 * ({@code dialect}, {@code apikeyid}, {@code requestid}, {@code correlationid}, {@code causationid}).
 * Delivery is at least once: consumers deduplicate by {@code id}, or by {@code subject} + {@code sequence}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        String sequence,
        String tenantid,
        String dialect,
        String apikeyid,
        String requestid,
        String correlationid,
        String causationid,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final int SEQUENCE_WIDTH = 19;

    public static String formatSequence(long version) {
        String digits = Long.toString(version);
        return "0".repeat(Math.max(0, SEQUENCE_WIDTH - digits.length())) + digits;
    }

    public long sequenceNumber() {
        return Long.parseLong(sequence);
    }
}
