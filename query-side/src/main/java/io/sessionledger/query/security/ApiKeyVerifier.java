package io.sessionledger.query.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import io.sessionledger.service.security.Principal;
import io.sessionledger.service.security.PrincipalResolver;
import io.sessionledger.service.security.RevocationFeed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import io.sessionledger.service.security.KeyDigest;

/**
 * Verifies API keys through {@link PrincipalLookup}, remembering answers by the key's SHA-256 (the key
 * itself is never kept): valid ones for a while, rejected ones only briefly. A revocation
 * ({@link RevocationListener}) drops a key's answers at once, and the key ids revoked lately are kept so
 * that a lookup already under way when the revocation arrived cannot bring the key back.
 */
@Component
public class ApiKeyVerifier implements PrincipalResolver, RevocationFeed.KeyCache {

    private record Answer(Principal principal, Instant expires) {
    }

    private final PrincipalLookup lookup;
    private final ApiKeyProperties settings;
    private final Clock clock;
    private final Map<String, Answer> answers;
    private final Map<String, Boolean> revoked;

    @Autowired
    public ApiKeyVerifier(PrincipalLookup lookup, ApiKeyProperties settings) {
        this(lookup, settings, Clock.systemUTC());
    }

    ApiKeyVerifier(PrincipalLookup lookup, ApiKeyProperties settings, Clock clock) {
        this.lookup = lookup;
        this.settings = settings;
        this.clock = clock;
        this.answers = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > settings.cacheSize();
            }
        };
        this.revoked = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > settings.cacheSize();
            }
        };
    }

    /** @return the key's principal, or empty when the key is not valid */
    @Override
    public Optional<Principal> resolve(String apiKey) throws Unavailable {
        String digest = sha256(apiKey);
        Instant now = clock.instant();
        synchronized (answers) {
            Answer cached = answers.get(digest);
            if (cached != null && now.isBefore(cached.expires())) {
                return Optional.ofNullable(cached.principal());
            }
        }
        Optional<Principal> principal = lookup.lookup(apiKey);
        synchronized (answers) {
            if (principal.isPresent() && revoked.containsKey(principal.get().keyId())) {
                principal = Optional.empty();
            }
            Instant expires = now.plus(principal.isPresent() ? settings.validFor() : settings.invalidFor());
            answers.put(digest, new Answer(principal.orElse(null), expires));
        }
        return principal;
    }

    /** The key is revoked: forget every answer that accepted it, and refuse it from now on. */
    @Override
    public void evict(String keyId) {
        synchronized (answers) {
            revoked.put(keyId, Boolean.TRUE);
            answers.values().removeIf(answer -> answer.principal() != null
                    && answer.principal().keyId().equals(keyId));
        }
    }

    /** Forgets every answer: for when revocations may have been missed. */
    @Override
    public void evictAll() {
        synchronized (answers) {
            answers.clear();
        }
    }

    private static String sha256(String value) {
        return KeyDigest.sha256Hex(value);
    }
}
