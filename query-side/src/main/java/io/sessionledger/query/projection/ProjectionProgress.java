package io.sessionledger.query.projection;

import java.util.Collection;
import java.util.Map;
import java.util.function.LongSupplier;

/** Told by the poll thread where the projection stands; the read barrier listens. Offsets are "next to read". */
public interface ProjectionProgress {

    /** Partitions this instance now projects, with the offsets they resume from. */
    void assigned(Map<Integer, Long> nextOffsets);

    void revoked(Collection<Integer> partitions);

    /** Called only after the transaction holding these offsets has committed. */
    void committed(Map<Integer, Long> nextOffsets);

    /** The consumer's count of fetch responses, readable from any thread; null once the consumer stopped. */
    default void countingFetches(LongSupplier responses) {
    }

    /**
     * After a poll that drained everything fetched: each partition's log end offset as the consumer's fetches
     * revealed it (docs/decisions.md, "Read barrier from the projection's fetches").
     *
     * @param fetchesBefore the count of fetch responses before the poll began: all of them are reflected in {@code ends}
     * @param restartedAt   the count after which every fetch covered every partition from one broker
     */
    default void fetched(long fetchesBefore, long restartedAt, Map<Integer, Long> ends) {
    }

    /** Whether reads wait for the next round of {@link #fetched}: the poll thread then polls in short steps. */
    default boolean readsWaitForFetches() {
        return false;
    }

    ProjectionProgress NONE = new ProjectionProgress() {
        @Override
        public void assigned(Map<Integer, Long> nextOffsets) {
        }

        @Override
        public void revoked(Collection<Integer> partitions) {
        }

        @Override
        public void committed(Map<Integer, Long> nextOffsets) {
        }
    };
}
