package io.sessionledger.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of an API key, in hex: what the command side stores and what every cache of keys (the edge's quotas,
 * both services' principals) is keyed by, so that no process keeps a key itself. Taken on every request in three
 * processes: each thread keeps its own digest, where {@code MessageDigest.getInstance} looked the algorithm up in
 * the providers and built a new one every time (most of this method's cost in the profile, issue 11).
 */
public final class KeyDigest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private KeyDigest() {
    }

    public static String sha256Hex(String key) {
        // digest() resets the digest, so the next call on this thread starts afresh.
        return HEX.formatHex(SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
