package io.sessionledger.events.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One personal-data value sealed under its subject's key: {@code enc:v1:<keyId>:<base64url(iv | ciphertext | tag)>},
 * AES-256-GCM with the field's name as associated data (a value cannot be moved to another field).
 *
 * <p>Deterministic on purpose: the IV is an HMAC of the field and the clear value under a key derived from the
 * data key (a synthetic IV, as in RFC 5297's SIV mode). The same value sealed twice under one key gives the same
 * text, so the event store, the hash chain and the Kafka record always hold identical bytes however often an event
 * is serialized. What that reveals: that two fields sealed under the same subject's key hold equal values, which
 * the session's own events show anyway. An IV repeats only for an identical (field, value), so GCM's nonce rule
 * holds.
 */
public final class SealedValue {

    public static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SealedValue() {
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** The id of the key a sealed value needs, or null when the text is not a sealed value. */
    public static String keyIdOf(String text) {
        if (!isSealed(text)) {
            return null;
        }
        int end = text.indexOf(':', PREFIX.length());
        return end < 0 ? null : text.substring(PREFIX.length(), end);
    }

    public static String seal(DataKey key, String field, String clear) {
        try {
            byte[] plain = clear.getBytes(StandardCharsets.UTF_8);
            byte[] aad = field.getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.ivKey(), "HmacSHA256"));
            mac.update(aad);
            mac.update((byte) 0);
            byte[] iv = Arrays.copyOf(mac.doFinal(plain), IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.encryptionKey(), "AES"),
                    new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + key.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal personal data", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not sealed under this key for this field, or was altered
     */
    public static String open(DataKey key, String field, String sealedText) {
        if (!key.id().equals(keyIdOf(sealedText))) {
            throw new IllegalArgumentException("not sealed under key " + key.id());
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(
                    sealedText.substring(PREFIX.length() + key.id().length() + 1));
            if (in.length < IV_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("sealed value too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.encryptionKey(), "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("a sealed value does not open: altered, or another field's", e);
        }
    }
}
