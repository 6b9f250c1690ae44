package io.sessionledger.events.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under the ledger's personal-data secret: what the ledger keeps in place of an identifier that is
 * personal data (a data subject, a visit id claimed as unique). Without the secret nobody can test a guess
 * against it, which a plain hash of a customer id would allow.
 */
public final class KeyedHash {

    private final byte[] secret;

    public KeyedHash(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the personal-data secret must have at least 256 bits");
        }
        this.secret = secret.clone();
    }

    /** Lower-case hex of the HMAC over the parts, each followed by a zero byte (so parts cannot run together). */
    public String hex(String... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            for (String part : parts) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A data subject's reference: what events, link rows and erasure records hold instead of its identifier. */
    public String subjectRef(String tenantId, String subject) {
        return SUBJECT_PREFIX + hex("subject", tenantId, subject);
    }

    public static boolean isSubjectRef(String value) {
        return value != null && value.startsWith(SUBJECT_PREFIX) && value.length() == SUBJECT_PREFIX.length() + 64;
    }

    private static final String SUBJECT_PREFIX = "sub:";
}
