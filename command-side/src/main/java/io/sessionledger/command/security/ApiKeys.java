package io.sessionledger.command.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.security.PrincipalResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issues, revokes and resolves API keys. A key is 256 random bits, so a plain SHA-256 of it is a safe
 * thing to store (no brute force reaches it) and cheap enough to check on every request.
 */
@Component
public class ApiKeys implements PrincipalResolver {

    public record Issued(Principal principal, String key, Instant createdAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CACHE_LIMIT = 10_000;

    private final JdbcTemplate jdbc;
    private final Map<String, Principal> byHash = new ConcurrentHashMap<>();

    public ApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Issued issue(String tenantId, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "sl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Principal principal = Principal.unrestricted("k-" + UUID.randomUUID(), tenantId, name);
        Instant now = Instant.now();
        jdbc.update("insert into api_key (id, tenant_id, name, key_hash, created_at) values (?, ?, ?, ?, ?)",
                principal.keyId(), tenantId, name, hash(key), Timestamp.from(now));
        return new Issued(principal, key, now);
    }

    /** Returns false when no live key has that id. */
    public boolean revoke(String keyId) {
        int changed = jdbc.update("update api_key set revoked_at = ? where id = ? and revoked_at is null",
                Timestamp.from(Instant.now()), keyId);
        byHash.values().removeIf(principal -> principal.keyId().equals(keyId));
        return changed > 0;
    }

    @Override
    public Optional<Principal> resolve(String key) {
        String hash = hash(key);
        Principal cached = byHash.get(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Principal> found = jdbc.query(
                "select id, tenant_id, name from api_key where key_hash = ? and revoked_at is null",
                (rs, row) -> Principal.unrestricted(rs.getString(1), rs.getString(2), rs.getString(3)), hash);
        found.stream().findFirst().ifPresent(principal -> {
            if (byHash.size() >= CACHE_LIMIT) {
                byHash.clear();
            }
            byHash.put(hash, principal);
        });
        return found.stream().findFirst();
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
