package io.sessionledger.command.security;

import io.sessionledger.command.config.LedgerProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;

/** The operator's key from {@code LEDGER_ADMIN_KEY}; without one, the admin API is closed. */
@Component
public class AdminKey {

    private final byte[] key;

    public AdminKey(LedgerProperties properties) {
        String configured = properties.adminKey();
        this.key = configured == null || configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String candidate) {
        return key != null && candidate != null
                && MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
    }
}
