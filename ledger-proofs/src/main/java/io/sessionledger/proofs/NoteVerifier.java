package io.sessionledger.proofs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks a C2SP signed note against a verifier key string the way signed-note readers do, from the key string
 * alone: parses {@code name+hash+base64(0x01 || key)}, recomputes the key hash ({@link NoteKey#keyHash}), finds a
 * signature line for that name and hash and checks its Ed25519 signature over the body (the text before the
 * blank line, its final newline included).
 */
public final class NoteVerifier {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final byte[] keyHash;
    private final PublicKey key;

    private NoteVerifier(String name, byte[] keyHash, PublicKey key) {
        this.name = name;
        this.keyHash = keyHash;
        this.key = key;
    }

    /** @throws IllegalArgumentException when the string is not an Ed25519 verifier key whose hash matches */
    public static NoteVerifier of(String verifierKey) {
        String[] parts = verifierKey.trim().split("\\+", 3);
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("a verifier key reads <name>+<8 hex digits>+<base64 key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the verifier key's last part is not base64");
        }
        if (typed.length != 33 || typed[0] != NoteKey.ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key (0x01 and 32 bytes)");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        byte[] hash = NoteKey.keyHash(parts[0], raw);
        if (!HexFormat.of().formatHex(hash).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's hash does not match its name and key");
        }
        return new NoteVerifier(parts[0], hash, publicKey(raw));
    }

    /** @return the verified body, or null when it does not verify (also for a malformed key string) */
    public static String verify(String note, String verifierKey) {
        try {
            return of(verifierKey).verify(note).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String name() {
        return name;
    }

    /** @return the body when a signature line of this key verifies, else empty */
    public Optional<String> verify(String note) {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            return Optional.empty();
        }
        String body = note.substring(0, split + 1);
        String prefix = "\u2014 " + name + " ";
        for (String line : note.substring(split + 2).split("\n")) {
            if (line.startsWith(prefix) && signs(line.substring(prefix.length()), body)) {
                return Optional.of(body);
            }
        }
        return Optional.empty();
    }

    private boolean signs(String base64, String body) {
        try {
            byte[] signature = Base64.getDecoder().decode(base64);
            if (signature.length != 4 + 64 || !Arrays.equals(Arrays.copyOf(signature, 4), keyHash)) {
                return false;
            }
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(body.getBytes(StandardCharsets.UTF_8));
            return ed.verify(Arrays.copyOfRange(signature, 4, signature.length));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey publicKey(byte[] raw) {
        byte[] x509 = new byte[44];
        System.arraycopy(X509_PREFIX, 0, x509, 0, 12);
        System.arraycopy(raw, 0, x509, 12, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
