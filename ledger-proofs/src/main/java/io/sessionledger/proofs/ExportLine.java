package io.sessionledger.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The lines of an export (JSON Lines), written by the ledger and read by the offline verifier from this one
 * definition. First line: the checkpoint the export is proved against. Then one line per event: what the history
 * endpoint shows, the exact content its hash covers ({@code aggregateId}, {@code payloadType}, {@code occurredAt} as
 * stored, {@code data} = the stored payload, {@code metadata} as stored) and its inclusion proof. Last line: the
 * number of event lines, so that an export cut short is told from a complete one.
 */
public final class ExportLine {

    /** Metadata keys the history view lifts out of an event's metadata (io.sessionledger.events.LedgerMetadata). */
    public static final String[][] VIEW_FIELDS = {{"api", "dialect"}, {"requestId", "requestId"},
            {"correlationId", "correlationId"}, {"causationId", "causationId"}};

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExportLine() {
    }

    public static ObjectNode header(String note, CheckpointNote checkpoint) {
        ObjectNode line = NODES.objectNode();
        ObjectNode named = line.putObject("checkpoint");
        named.put("origin", checkpoint.origin());
        named.put("treeSize", checkpoint.treeSize());
        named.put("rootHash", checkpoint.rootBase64());
        named.put("note", note);
        return line;
    }

    /** One event's line; {@code proof} is its audit path in the checkpoint's tree. */
    public static ObjectNode event(EventContent content, String hash, String previousHash, long position,
                                   long leafIndex, long treeSize, List<byte[]> proof) {
        JsonNode meta = content.metadata() == null ? NODES.objectNode() : content.metadata();
        ObjectNode line = NODES.objectNode();
        line.put("eventId", content.eventId());
        line.put("type", shortType(content.payloadType()));
        line.put("aggregateId", content.aggregateId());
        line.put("sequence", content.sequence());
        line.put("position", position);
        line.put("leafIndex", leafIndex);
        line.put("occurredAt", content.occurredAt());
        ObjectNode actor = line.putObject("actor");
        actor.set("apiKeyId", text(meta, "apiKeyId"));
        actor.set("tenantId", text(meta, "tenantId"));
        for (String[] field : VIEW_FIELDS) {
            line.set(field[0], text(meta, field[1]));
        }
        line.put("hash", hash);
        line.put("previousHash", previousHash);
        line.set("data", content.payload());
        line.put("payloadType", content.payloadType());
        line.set("metadata", content.metadata());
        ObjectNode proofNode = line.putObject("proof");
        proofNode.put("treeSize", treeSize);
        proofNode.put("leafIndex", leafIndex);
        ArrayNode hashes = proofNode.putArray("hashes");
        proof.forEach(h -> hashes.add(Base64.getEncoder().encodeToString(h)));
        return line;
    }

    public static ObjectNode end(long events) {
        ObjectNode line = NODES.objectNode();
        line.putObject("end").put("events", events);
        return line;
    }

    /** The content an event line's hash covers, read back from the line. */
    public static EventContent content(JsonNode line) {
        return new EventContent(line.path("aggregateId").asText(null), line.path("sequence").asLong(-1),
                line.path("eventId").asText(null), line.path("payloadType").asText(null),
                line.path("occurredAt").asText(null), line.get("data"),
                line.hasNonNull("metadata") ? line.get("metadata") : null);
    }

    /**
     * The shown fields (type, actor, api, ids) that do not say what the hashed content says, or empty: they are
     * copies, so a reader trusting them must know they were checked.
     */
    public static List<String> unfaithfulViewFields(JsonNode line) {
        EventContent content = content(line);
        JsonNode meta = content.metadata() == null ? NODES.objectNode() : content.metadata();
        List<String> wrong = new ArrayList<>();
        if (content.payloadType() == null || !line.path("type").asText("").equals(shortType(content.payloadType()))) {
            wrong.add("type");
        }
        if (!line.path("actor").path("apiKeyId").equals(text(meta, "apiKeyId"))) {
            wrong.add("actor.apiKeyId");
        }
        if (!line.path("actor").path("tenantId").equals(text(meta, "tenantId"))) {
            wrong.add("actor.tenantId");
        }
        for (String[] field : VIEW_FIELDS) {
            if (!line.path(field[0]).equals(text(meta, field[1]))) {
                wrong.add(field[0]);
            }
        }
        return wrong;
    }

    /** The proof's hashes, base64-decoded; throws IllegalArgumentException when one is not base64. */
    public static List<byte[]> proofHashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : proof.path("hashes")) {
            hashes.add(Base64.getDecoder().decode(hash.asText()));
        }
        return hashes;
    }

    static String shortType(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private static JsonNode text(JsonNode meta, String field) {
        JsonNode value = meta.get(field);
        return value == null || value.isNull() ? NODES.nullNode() : NODES.textNode(value.asText());
    }
}
