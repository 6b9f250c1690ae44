package io.sessionledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionledger.proofs.CheckpointNote;
import io.sessionledger.proofs.ExportLine;
import io.sessionledger.proofs.MerkleProofs;
import io.sessionledger.proofs.NoteVerifier;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a newer checkpoint extends an older one: both signed by the key, same origin, and the consistency
 * proof (RFC 9162 §2.1.4, as {@code GET /ledger/v1/log/proofs/consistency} answers it) leads from the old root to
 * the new one. A log that rewrote or dropped any leaf below the old size cannot produce such a proof.
 */
public final class ConsistencyVerifier {

    private ConsistencyVerifier() {
    }

    public static Verdict verify(NoteVerifier key, String olderNote, String newerNote, JsonNode proof) {
        Optional<CheckpointNote> older;
        Optional<CheckpointNote> newer;
        try {
            older = CheckpointNote.verified(olderNote, key);
            newer = CheckpointNote.verified(newerNote, key);
        } catch (IllegalArgumentException e) {
            return fail("checkpoint", e.getMessage());
        }
        if (older.isEmpty() || newer.isEmpty()) {
            return fail("checkpoint", "the " + (older.isEmpty() ? "older" : "newer") + " checkpoint is not signed by "
                    + "the public key " + key.name() + " (its signature does not verify)");
        }
        CheckpointNote from = older.get();
        CheckpointNote to = newer.get();
        if (!from.origin().equals(to.origin())) {
            return fail("checkpoint", "the checkpoints are of different logs: " + from.origin() + ", " + to.origin());
        }
        if (from.treeSize() > to.treeSize()) {
            return fail("inconsistent", "the older checkpoint's tree (" + from.treeSize() + ") is larger than the "
                    + "newer one's (" + to.treeSize() + "): give them oldest first");
        }
        if (proof.has("treeSize") && proof.path("treeSize").asLong(-1) != to.treeSize()) {
            return fail("proof", "the proof is for tree size " + proof.path("treeSize").asText() + ", the newer "
                    + "checkpoint is of tree size " + to.treeSize());
        }
        List<byte[]> hashes;
        try {
            hashes = ExportLine.proofHashes(proof);
        } catch (IllegalArgumentException e) {
            return fail("malformed", "a hash of the proof is not base64");
        }
        String sizes = "tree size " + from.treeSize() + " to " + to.treeSize() + " of " + from.origin();
        if (from.treeSize() == 0) {
            return Verdict.valid("any tree extends the empty one (" + sizes + ")");
        }
        if (!MerkleProofs.consistency(from.treeSize(), to.treeSize(), from.rootHash(), to.rootHash(), hashes)) {
            return fail("inconsistent", "the proof does not show that the newer tree extends the older one ("
                    + sizes + ")");
        }
        return Verdict.valid("the newer checkpoint extends the older one, " + sizes);
    }

    private static Verdict fail(String reason, String detail) {
        return Verdict.invalid(new Failure(0, null, reason, detail));
    }
}
