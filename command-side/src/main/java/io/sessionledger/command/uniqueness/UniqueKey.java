package io.sessionledger.command.uniqueness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An external key that must be unique within its scope (a tenant, an app environment, an agent).
 * Stored only as a hash, so the lookup table holds no personal data to erase.
 */
public record UniqueKey(Kind kind, String scope, String value) {

    public enum Kind { VISIT_ID, GLOBAL_VISIT_ID, SESSION_REFERENCE, SESSION_KEY }

    /** A Kore session reference: unique per app environment of a tenant. */
    public static UniqueKey sessionReference(String tenantId, String appId, String environment, String reference) {
        return new UniqueKey(Kind.SESSION_REFERENCE, tenantId + "/" + appId + "/" + environment, reference);
    }

    /** A Vectara session key: unique per agent of a tenant. */
    public static UniqueKey sessionKey(String tenantId, String agentKey, String key) {
        return new UniqueKey(Kind.SESSION_KEY, tenantId + "/" + agentKey, key);
    }

    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(kind.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
