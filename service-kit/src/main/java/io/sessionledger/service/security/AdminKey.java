package io.sessionledger.service.security;

import io.sessionledger.service.ServiceProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/** The operator's key from {@code LEDGER_ADMIN_KEY}, compared in constant time; without one, the admin API is closed. */
@Component
public class AdminKey {

    private final byte[] key;

    public AdminKey(ServiceProperties properties) {
        String configured = properties.adminKey();
        this.key = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String candidate) {
        return key != null && candidate != null
                && MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
