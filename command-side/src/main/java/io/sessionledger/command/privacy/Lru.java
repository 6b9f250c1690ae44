package io.sessionledger.command.privacy;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small bounded map, least recently used out first; callers synchronize on it. */
final class Lru<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    Lru(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
