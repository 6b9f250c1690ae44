package io.sessionledger.command.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last hash of sessions written lately (bounded, least recently used out), so that appending to a session
 * does not read its previous hash back from the database. An entry is only used for the sequence it names, and
 * only added after its transaction committed: a stale or missing entry costs a query, never a wrong chain.
 */
public final class LastHashes {

    public record Last(long sequence, String hash) {
    }

    private final Map<String, Last> entries;

    public LastHashes(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Last> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the hash of the given session's event at {@code sequence}, or null when not known here */
    public synchronized String hashAt(String aggregateId, long sequence) {
        Last last = entries.get(aggregateId);
        return last != null && last.sequence() == sequence ? last.hash() : null;
    }

    public synchronized void put(Map<String, Last> committed) {
        committed.forEach((aggregate, last) -> entries.merge(aggregate, last,
                (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old));
    }
}
