package io.sessionledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.proofs.CheckpointNote;
import io.sessionledger.proofs.EventContent;
import io.sessionledger.proofs.ExportLine;
import io.sessionledger.proofs.MerkleHashes;
import io.sessionledger.proofs.MerkleProofs;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One event line against everything before it: in log order, its shown fields faithful to its hashed content, next
 * in its session's chain (sequence and previous hash), its hash recomputed from its content, and its inclusion
 * proof leading to the checkpoint's root. Keeps each session's last sequence and hash.
 */
final class EventLineCheck {

    private record Head(long sequence, String hash) {
    }

    /** Sequences {@code from}..{@code to} of a session that were not where they belong. */
    record Gap(String aggregateId, long from, long to) {

        boolean holds(JsonNode line) {
            long sequence = line.path("sequence").asLong(-1);
            return aggregateId.equals(line.path("aggregateId").asText()) && sequence >= from && sequence <= to;
        }
    }

    private final CheckpointNote checkpoint;
    private Gap gap;
    private final Map<String, Head> heads = new HashMap<>();
    private long lastLeaf = -1;
    private long lastLeafLine;

    EventLineCheck(CheckpointNote checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** @return the line's failure, or null when it verifies */
    Failure accept(long lineNumber, JsonNode line) {
        String eventId = line.path("eventId").asText(null);
        String missing = missing(line);
        if (missing != null) {
            return new Failure(lineNumber, eventId, "malformed", "the line has no valid " + missing);
        }
        long leaf = line.get("leafIndex").asLong();
        if (leaf <= lastLeaf) {
            return new Failure(lineNumber, eventId, "reordered", "leaf index " + leaf + " comes after leaf index "
                    + lastLeaf + " (line " + lastLeafLine + "): the lines are out of log order");
        }
        lastLeaf = leaf;
        lastLeafLine = lineNumber;
        List<String> unfaithful = ExportLine.unfaithfulViewFields(line);
        if (!unfaithful.isEmpty()) {
            return new Failure(lineNumber, eventId, "altered", "shown field(s) " + String.join(", ", unfaithful)
                    + " differ from the hashed type and metadata");
        }
        String aggregateId = line.get("aggregateId").asText();
        long sequence = line.get("sequence").asLong();
        Head head = heads.getOrDefault(aggregateId, new Head(-1, EventContent.GENESIS));
        if (sequence > head.sequence() + 1) {
            gap = new Gap(aggregateId, head.sequence() + 1, sequence - 1);
            return new Failure(lineNumber, eventId, "removed", "events " + (head.sequence() + 1) + " to "
                    + (sequence - 1) + " of session " + aggregateId + " are missing before this one");
        }
        if (sequence <= head.sequence()) {
            return new Failure(lineNumber, eventId, "reordered", "sequence " + sequence + " of session " + aggregateId
                    + " comes after sequence " + head.sequence());
        }
        String hash = line.get("hash").asText();
        String previousHash = line.get("previousHash").asText();
        if (!previousHash.equals(head.hash())) {
            return new Failure(lineNumber, eventId, "altered", "its previous hash is not the hash of the session's "
                    + "event before it");
        }
        if (!ExportLine.content(line).hash(previousHash).equals(hash)) {
            return new Failure(lineNumber, eventId, "altered", "its content no longer matches its hash");
        }
        Failure proof = proof(lineNumber, eventId, line, leaf, hash);
        if (proof != null) {
            return proof;
        }
        heads.put(aggregateId, new Head(sequence, hash));
        return null;
    }

    /** The gap behind the last "removed" failure, if that was one. */
    Gap gap() {
        return gap;
    }

    private Failure proof(long lineNumber, String eventId, JsonNode line, long leaf, String hash) {
        JsonNode proof = line.get("proof");
        if (leaf >= checkpoint.treeSize() || proof.path("treeSize").asLong(-1) != checkpoint.treeSize()
                || proof.path("leafIndex").asLong(-1) != leaf) {
            return new Failure(lineNumber, eventId, "proof", "its inclusion proof is not for leaf " + leaf
                    + " in the checkpoint's tree of " + checkpoint.treeSize());
        }
        List<byte[]> path;
        try {
            path = ExportLine.proofHashes(proof);
        } catch (IllegalArgumentException e) {
            return new Failure(lineNumber, eventId, "malformed", "a hash of its inclusion proof is not base64");
        }
        byte[] leafHash = MerkleHashes.leaf(HexFormat.of().parseHex(hash));
        if (!MerkleProofs.inclusion(leaf, checkpoint.treeSize(), leafHash, path, checkpoint.rootHash())) {
            return new Failure(lineNumber, eventId, "proof", "its inclusion proof does not lead to the checkpoint's "
                    + "root: the event is not in the log the checkpoint signs");
        }
        return null;
    }

    private static String missing(JsonNode line) {
        for (String field : new String[] {"eventId", "aggregateId", "payloadType", "occurredAt"}) {
            if (!line.path(field).isTextual()) {
                return field;
            }
        }
        for (String field : new String[] {"hash", "previousHash"}) {
            if (!line.path(field).asText("").matches("[0-9a-f]{64}")) {
                return field;
            }
        }
        for (String field : new String[] {"sequence", "leafIndex"}) {
            if (!line.path(field).isIntegralNumber() || line.path(field).asLong() < 0) {
                return field;
            }
        }
        if (!line.has("data") || !line.path("proof").isObject()) {
            return line.has("data") ? "proof" : "data";
        }
        return null;
    }
}
