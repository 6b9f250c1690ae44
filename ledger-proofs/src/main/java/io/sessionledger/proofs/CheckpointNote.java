package io.sessionledger.proofs;

import java.util.Base64;
import java.util.Optional;

/**
 * The body of a C2SP tlog-checkpoint: origin, tree size (decimal), base64 root hash, one per line. Further lines
 * (extensions) are allowed by the format and ignored here.
 */
public record CheckpointNote(String origin, long treeSize, byte[] rootHash) {

    /** Verifies the note with the key and reads its body; empty when the signature does not verify. */
    public static Optional<CheckpointNote> verified(String note, NoteVerifier key) {
        return key.verify(note).map(CheckpointNote::parse);
    }

    /** @throws IllegalArgumentException when the body is not a checkpoint */
    public static CheckpointNote parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint body has an origin, a tree size and a root hash line");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the checkpoint's tree size is not a number: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's root hash is not base64");
        }
        if (size < 0 || root.length != 32) {
            throw new IllegalArgumentException("the checkpoint's tree size or root hash is out of shape");
        }
        return new CheckpointNote(lines[0], size, root);
    }

    public String rootBase64() {
        return Base64.getEncoder().encodeToString(rootHash);
    }
}
