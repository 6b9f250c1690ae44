package io.sessionledger.command.security;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.security.PrincipalResolver;
import io.sessionledger.service.security.RevocationFeed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import io.sessionledger.service.security.KeyDigest;

/**
 * Issues, revokes and resolves API keys. A key is 256 random bits, so a plain SHA-256 of it is a safe
 * thing to store (no brute force reaches it) and cheap enough to check on every request. Valid keys are cached
 * for {@code ledger.api-keys.cache-ttl}; revocations, this instance's and the others' (through the revocations
 * topic), drop them at once.
 */
@Component
public class ApiKeys implements PrincipalResolver, RevocationFeed.KeyCache {

    public record Issued(Principal principal, String key, Instant createdAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CACHE_LIMIT = 10_000;

    private final JdbcTemplate jdbc;
    private final CachedKeys cached;

    public ApiKeys(JdbcTemplate jdbc, @Value("${ledger.api-keys.cache-ttl:30s}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.cached = new CachedKeys(cacheTtl, CACHE_LIMIT, System::nanoTime);
    }

    public Issued issue(String tenantId, String name, KeyLimits limits) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "sl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Principal principal = new Principal("k-" + UUID.randomUUID(), tenantId, name, limits.scopes(), limits.agents(),
                limits.apps(), limits.requestsPerSecond());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("insert into api_key (id, tenant_id, name, key_hash, created_at, scopes, agents, apps, "
                        + "requests_per_second) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                principal.keyId(), tenantId, name, hash(key), Timestamp.from(now), joined(principal.scopes()),
                joined(principal.agents()), joined(principal.apps()), principal.requestsPerSecond());
        return new Issued(principal, key, now);
    }

    /** @return when the key was revoked, or empty when no live key has that id */
    public Optional<Instant> revoke(String keyId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int changed = jdbc.update("update api_key set revoked_at = ? where id = ? and revoked_at is null",
                Timestamp.from(now), keyId);
        cached.evict(keyId);
        return changed > 0 ? Optional.of(now) : Optional.empty();
    }

    @Override
    public Optional<Principal> resolve(String key) {
        String hash = hash(key);
        Optional<Principal> known = cached.get(hash);
        if (known.isPresent()) {
            return known;
        }
        long stamp = cached.stamp();
        Optional<Principal> found = jdbc.query("select id, tenant_id, name, scopes, agents, apps, "
                + "requests_per_second from api_key where key_hash = ? and revoked_at is null", ApiKeys::principal,
                hash).stream().findFirst();
        found.ifPresent(principal -> cached.put(hash, principal, stamp));
        return found;
    }

    /** Another instance revoked the key (read from the revocations topic). */
    @Override
    public void evict(String keyId) {
        cached.evict(keyId);
    }

    @Override
    public void evictAll() {
        cached.evictAll();
    }

    public static String hash(String key) {
        return KeyDigest.sha256Hex(key);
    }

    private static Principal principal(ResultSet rs, int row) throws SQLException {
        int rate = rs.getInt(7);
        Integer requestsPerSecond = rs.wasNull() ? null : rate;
        return new Principal(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
                split(rs.getString(5)), split(rs.getString(6)), requestsPerSecond);
    }

    // Agent keys, app ids and scopes hold no comma (RegistryNames, Scopes), so a comma list is unambiguous.
    private static String joined(Set<String> values) {
        return values == null ? null : String.join(",", values);
    }

    private static Set<String> split(String column) {
        if (column == null) {
            return null;
        }
        return column.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(column.split(",")));
    }
}
