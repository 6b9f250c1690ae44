package io.sessionledger.proofs;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A C2SP tlog-checkpoint in the C2SP signed-note form: the body (origin, tree size, base64 root hash, each on
 * its own line), a blank line, then one signature line {@code — <key name> <base64(4-byte key hash || sig)>}.
 * The signature covers the body's bytes, its final newline included.
 */
public final class SignedNote {

    private static final String DASH = "\u2014";

    private SignedNote() {
    }

    public static String checkpointBody(String origin, long treeSize, byte[] rootHash) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public static String sign(String body, NoteKey key) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a note body ends with a newline");
        }
        byte[] signature = key.sign(body.getBytes(StandardCharsets.UTF_8));
        byte[] tagged = ByteBuffer.allocate(4 + signature.length).put(key.keyHash()).put(signature).array();
        return body + "\n" + DASH + " " + key.name() + " " + Base64.getEncoder().encodeToString(tagged) + "\n";
    }
}
