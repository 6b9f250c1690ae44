package io.sessionledger.dialect.kore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Kore's {@code userId}: {@code u-} + a name-based UUID (version 5, SHA-1, RFC 9562) of the user reference in
 * the tenant's namespace, so one user reference is one user across sessions and never collides across tenants.
 */
public final class KoreUserId {

    /** The namespace under which every tenant's namespace is derived (fixed forever: ids depend on it). */
    private static final UUID LEDGER_NAMESPACE = UUID.fromString("5f1c7a3e-2b8d-4e61-9c0a-7d3e8b2f4a10");

    private KoreUserId() {
    }

    public static String of(String tenantId, String userReference) {
        UUID tenant = nameBased(LEDGER_NAMESPACE, tenantId);
        return "u-" + nameBased(tenant, userReference);
    }

    static UUID nameBased(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
