package io.sessionledger.benchmark.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The command side's {@code privacy.KeyedHash}, reproduced (the command side is a Spring Boot jar the harness
 * cannot depend on): HMAC-SHA256 under the personal-data secret, each part followed by a zero byte. Events filled
 * into the store name their subject with it, so the system finds those subjects as it finds its own.
 */
final class KeyedHash {

    private final byte[] secret;

    KeyedHash(byte[] secret) {
        this.secret = secret.clone();
    }

    String hex(String... parts) {
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

    String subjectRef(String tenantId, String subject) {
        return "sub:" + hex("subject", tenantId, subject);
    }
}
