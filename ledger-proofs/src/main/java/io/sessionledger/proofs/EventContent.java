package io.sessionledger.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an event's hash covers: its identity (session, sequence, id), its payload type and time as stored, the
 * stored payload and metadata, and the previous event's hash in the session. The hash is SHA-256 (lower-case
 * hex) of the RFC 8785 form of that one JSON object. Written and verified with the same code, from the stored
 * columns, so a later reader needs nothing but the rows.
 */
public record EventContent(String aggregateId, long sequence, String eventId, String payloadType, String occurredAt,
                           JsonNode payload, JsonNode metadata) {

    /** The previous hash of a session's first event. */
    public static final String GENESIS = "0".repeat(64);

    public String hash(String previousHash) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("aggregateId", aggregateId);
        document.put("sequence", sequence);
        document.put("eventId", eventId);
        document.put("type", payloadType);
        document.put("occurredAt", occurredAt);
        document.set("payload", payload);
        document.set("metadata", metadata);
        document.put("previousHash", previousHash);
        return HexFormat.of().formatHex(SHA_256.get().digest(CanonicalJson.bytes(document)));
    }

    /** One digest per thread: a provider look-up and a new digest per event were 3% of a verification's samples. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });
}
