package io.sessionledger.query.projection;

import java.util.Collection;
import java.util.Map;

/** Told by the poll thread where the projection stands; the read barrier listens. Offsets are "next to read". */
public interface ProjectionProgress {

    /** Partitions this instance now projects, with the offsets they resume from. */
    void assigned(Map<Integer, Long> nextOffsets);

    void revoked(Collection<Integer> partitions);

    /** Called only after the transaction holding these offsets has committed. */
    void committed(Map<Integer, Long> nextOffsets);

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
