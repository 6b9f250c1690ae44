package io.sessionledger.command.security;

import io.sessionledger.service.security.Principal;
import io.sessionledger.service.security.RevocationFeed;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Valid keys by the hash of the key, for at most {@code ttl} each. A revocation made on this instance or read from
 * the revocations topic (another instance's) drops the key at once; the TTL bounds how long a revocation that
 * never arrived (the broker down) can go unseen. Every eviction bumps a counter, so that a lookup that raced one
 * never caches what it read before it.
 */
final class CachedKeys implements RevocationFeed.KeyCache {

    private record Entry(Principal principal, long expiresNanos) {
    }

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int limit;
    private final LongSupplier nanoTime;
    private long evictions;

    CachedKeys(Duration ttl, int limit, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    Optional<Principal> get(String hash) {
        Entry entry = byHash.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresNanos() >= 0) {
            byHash.remove(hash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.principal());
    }

    /** Taken before reading the database; {@link #put} caches only if no eviction came in between. */
    synchronized long stamp() {
        return evictions;
    }

    synchronized void put(String hash, Principal principal, long stamp) {
        if (evictions != stamp) {
            return;
        }
        if (byHash.size() >= limit) {
            byHash.clear();
        }
        byHash.put(hash, new Entry(principal, nanoTime.getAsLong() + ttlNanos));
    }

    @Override
    public synchronized void evict(String keyId) {
        evictions++;
        byHash.values().removeIf(entry -> entry.principal().keyId().equals(keyId));
    }

    @Override
    public synchronized void evictAll() {
        evictions++;
        byHash.clear();
    }
}
