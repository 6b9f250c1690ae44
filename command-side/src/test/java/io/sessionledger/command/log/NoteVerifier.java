package io.sessionledger.command.log;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks a signed note against a verifier key string the way C2SP signed-note readers do, from the key string
 * alone: parses {@code name+hash+key}, recomputes the key hash, finds the signature line for that name and hash.
 */
public final class NoteVerifier {

    private NoteVerifier() {
    }

    /** @return the verified body (the note's text before the blank line), or null when it does not verify */
    public static String verify(String note, String verifierKey) throws Exception {
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3) {
            return null;
        }
        String name = parts[0];
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != 1) {
            return null;
        }
        byte[] key = Arrays.copyOfRange(typed, 1, 33);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((name + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(typed);
        byte[] hash = Arrays.copyOf(sha.digest(), 4);
        if (!HexFormat.of().formatHex(hash).equals(parts[1])) {
            return null;
        }
        int split = note.indexOf("\n\n");
        if (split < 0) {
            return null;
        }
        String body = note.substring(0, split + 1);
        for (String line : note.substring(split + 2).split("\n")) {
            String prefix = "\u2014 " + name + " ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] signature = Base64.getDecoder().decode(line.substring(prefix.length()));
            if (!Arrays.equals(Arrays.copyOf(signature, 4), hash)) {
                continue;
            }
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(publicKey(key));
            ed.update(body.getBytes(StandardCharsets.UTF_8));
            if (ed.verify(Arrays.copyOfRange(signature, 4, signature.length))) {
                return body;
            }
        }
        return null;
    }

    private static PublicKey publicKey(byte[] raw) throws Exception {
        byte[] x509 = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, x509, 0, 12);
        System.arraycopy(raw, 0, x509, 12, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }
}
