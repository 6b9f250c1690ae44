package io.sessionledger.command.handling;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository, except that a cached aggregate is used only when the store agrees with it: inside the
 * command's transaction (after the in-process lock), the store's last sequence number for the aggregate must equal
 * the cached version, else the entry is dropped and the aggregate is read from its events. Another command-side
 * instance may have appended since the entry was cached, or a failed batch may have left an entry that never
 * committed; either way the command decides on what the store holds, never on what this instance remembers.
 *
 * <p>The check is one indexed {@code max(sequence_number)} per command on a cached session (Axon's own
 * {@link EventStore#lastSequenceNumberFor}); a miss reads the events as it always did. What the check cannot see,
 * an append committed after it, fails on the store's unique (aggregate, sequence) and the command runs again.
 * docs/multi-instance.md, "Command side".
 */
public final class StoreCheckedRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore store;

    /** @param builder a builder already given {@code cache} and {@code store} */
    public StoreCheckedRepository(EventSourcingRepository.Builder<T> builder, Cache cache, EventStore store) {
        super(builder);
        this.cache = cache;
        this.store = store;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached && !Objects.equals(aggregate.version(),
                store.lastSequenceNumberFor(aggregateIdentifier).orElse(null))) {
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }
}
