package io.sessionledger.events.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A data subject's key: 256 random bits, kept apart from the events (the command side's {@code subject_key}
 * table). Destroying it erases every value sealed under it. Two working keys are derived from it, one to
 * encrypt and one to make the synthetic IV, so neither use can weaken the other.
 */
public final class DataKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final byte[] secret;
    private final byte[] encryptionKey;
    private final byte[] ivKey;

    public DataKey(String id, byte[] secret) {
        if (secret.length != 32) {
            throw new IllegalArgumentException("a data key is 32 bytes");
        }
        this.id = id;
        this.secret = secret.clone();
        this.encryptionKey = derive("session-ledger personal data: encryption");
        this.ivKey = derive("session-ledger personal data: synthetic iv");
    }

    public String id() {
        return id;
    }

    public static DataKey generate() {
        byte[] id = new byte[12];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new DataKey(HexFormat.of().formatHex(id), secret);
    }

    public static DataKey of(String id, String base64Secret) {
        return new DataKey(id, Base64.getDecoder().decode(base64Secret));
    }

    public String secretBase64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    byte[] encryptionKey() {
        return encryptionKey;
    }

    byte[] ivKey() {
        return ivKey;
    }

    private byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]"; // never the secret
    }
}
