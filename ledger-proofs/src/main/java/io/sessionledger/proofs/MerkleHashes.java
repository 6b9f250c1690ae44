package io.sessionledger.proofs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 §2.1 hashing: leaves and interior nodes are told apart by a one-byte prefix. */
public final class MerkleHashes {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleHashes() {
    }

    /** SHA-256(0x00 || data); for the ledger, data is the 32 bytes of an event's hash. */
    public static byte[] leaf(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF);
        sha.update(data);
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The hash of the empty tree: SHA-256 of nothing. */
    public static byte[] empty() {
        return sha256().digest();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
