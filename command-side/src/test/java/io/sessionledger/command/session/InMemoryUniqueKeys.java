package io.sessionledger.command.session;

import io.sessionledger.command.uniqueness.UniqueKey;
import io.sessionledger.command.uniqueness.UniqueKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Claims in a map, for aggregate tests: same refusal as the table's primary key, no database. */
final class InMemoryUniqueKeys implements UniqueKeys {

    final Map<String, String> claimed = new HashMap<>();

    @Override
    public void claim(UniqueKey key, String owner) {
        String previous = claimed.putIfAbsent(key.hash(), owner);
        if (previous != null && !previous.equals(owner)) {
            throw UniqueKeys.taken(key);
        }
    }

    @Override
    public void release(UniqueKey key, String owner) {
        claimed.remove(key.hash(), owner);
    }

    @Override
    public Optional<String> ownerOf(UniqueKey key) {
        return Optional.ofNullable(claimed.get(key.hash()));
    }
}
