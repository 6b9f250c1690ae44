package io.sessionledger.deploy.edge.quota;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Recent lookups, so that only a key's first request in a while waits for the command side. Entries are
 * found by the key's SHA-256: the edge never keeps a key itself. Reads take no lock (they run on IO threads).
 */
final class KeyQuotaCache {

    private record Entry(KeyQuota quota, long expiresAtNanos) {
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    KeyQuotaCache(int maxEntries, LongSupplier nanoClock) {
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /**
     * The key's SHA-256 in hex, as the services' {@code KeyDigest} (the edge runs without the service kit). Taken on
     * every request: each thread keeps its own digest, where {@code MessageDigest.getInstance} looked the algorithm
     * up in the providers every time (most of this method's cost in the profile, issue 11).
     */
    static String digest(String apiKey) {
        return HEX.formatHex(SHA_256.get().digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** The cached quota, or null when there is none or it has expired. */
    KeyQuota get(String digest) {
        Entry entry = entries.get(digest);
        if (entry == null) {
            return null;
        }
        if (nanoClock.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(digest, entry);
            return null;
        }
        return entry.quota();
    }

    void put(String digest, KeyQuota quota, long ttlNanos) {
        entries.put(digest, new Entry(quota, nanoClock.getAsLong() + ttlNanos));
        if (entries.size() > maxEntries) {
            evict();
        }
    }

    int size() {
        return entries.size();
    }

    /** Expired entries go first; if that is not enough (a flood of distinct keys), arbitrary ones do. */
    private void evict() {
        long now = nanoClock.getAsLong();
        entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
        Iterator<String> surplus = entries.keySet().iterator();
        while (entries.size() > maxEntries && surplus.hasNext()) {
            surplus.next();
            surplus.remove();
        }
    }
}
